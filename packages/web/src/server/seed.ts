/**
 * A fresh database gets a demonstration tree (finance bureau → departments → units), the Changji
 * example as one unit's disclosure, and a first admin account whose random password is shown once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatePassword, hashPassword } from './auth/password.ts';
import { newId } from './auth/sessions.ts';
import { recordAudit } from './audit-log.ts';
import { nowIso, type AppDeps } from './context.ts';
import { readDataFile } from './core-adapter.ts';
import type { OrganisationKind, OrganisationRow } from './db/schema.ts';
import { insertDisclosure } from './routes/disclosures.ts';

interface DemoOrg {
  code: string;
  name: string;
  kind: OrganisationKind;
  children?: DemoOrg[];
}

/** Invented bureau and departments; the one real unit is the one the example file describes. */
const DEMO_TREE: DemoOrg = {
  code: 'CJZ-CZJ',
  name: '昌吉回族自治州财政局（演示）',
  kind: 'bureau',
  children: [
    {
      code: 'CJZ-YJB',
      name: '自治州对口援疆工作领导小组办公室',
      kind: 'department',
      children: [{ code: 'CJZ-YJB-001', name: '新疆昌吉回族自治州对口援疆工作领导小组办公室', kind: 'unit' }],
    },
    {
      code: 'CJZ-JYJ',
      name: '自治州教育局（演示）',
      kind: 'department',
      children: [
        { code: 'CJZ-JYJ-001', name: '自治州教育局本级（演示）', kind: 'unit' },
        { code: 'CJZ-JYJ-002', name: '自治州第一中学（演示）', kind: 'unit' },
      ],
    },
    {
      code: 'CJZ-WJW',
      name: '自治州卫生健康委员会（演示）',
      kind: 'department',
      children: [
        { code: 'CJZ-WJW-001', name: '自治州卫生健康委员会本级（演示）', kind: 'unit' },
        { code: 'CJZ-WJW-002', name: '自治州疾病预防控制中心（演示）', kind: 'unit' },
      ],
    },
  ],
};

export const EXAMPLE_UNIT_CODE = 'CJZ-YJB-001';

export interface SeedResult {
  /** Set only when the admin account was created now: the one time it is shown. */
  adminPassword?: string;
  seeded: boolean;
}

export async function seedDatabase(
  deps: AppDeps,
  opts: { examplesDir?: string | undefined },
): Promise<SeedResult> {
  const { db } = deps;
  const result: SeedResult = { seeded: false };
  const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (!admins) {
    const password = generatePassword();
    const now = nowIso();
    const id = newId();
    await db
      .insertInto('users')
      .values({
        id,
        username: 'admin',
        display_name: '系统管理员',
        role: 'admin',
        password_hash: await hashPassword(password, deps.config.scryptCost),
        disabled: 0,
        must_change_password: 1,
        created_at: now,
        updated_at: now,
        last_login_at: null,
      })
      .execute();
    await recordAudit(db, {
      actor: null,
      ip: 'local',
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      summary: '初始化：创建系统管理员 admin',
    });
    result.adminPassword = password;
  }
  const anyOrg = await db.selectFrom('organisations').select('id').executeTakeFirst();
  if (anyOrg) return result;

  const rows: OrganisationRow[] = [];
  const walk = (o: DemoOrg, parent: string | null, order: number): void => {
    const now = nowIso();
    const row: OrganisationRow = {
      id: newId(),
      code: o.code,
      name: o.name,
      kind: o.kind,
      parent_id: parent,
      sort_order: order,
      active_from: null,
      active_to: null,
      created_at: now,
      updated_at: now,
    };
    rows.push(row);
    (o.children ?? []).forEach((ch, i) => walk(ch, row.id, i + 1));
  };
  walk(DEMO_TREE, null, 1);
  await db.insertInto('organisations').values(rows).execute();
  await recordAudit(db, {
    actor: null,
    ip: 'local',
    action: 'organisation.create',
    entityType: 'organisation',
    entityId: rows[0]!.id,
    summary: `初始化：创建演示机构 ${rows.length} 个`,
  });
  result.seeded = true;

  if (opts.examplesDir) {
    const file = join(opts.examplesDir, 'changji-2022.yaml');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const org = rows.find((r) => r.code === EXAMPLE_UNIT_CODE)!;
    if (text !== undefined) {
      const checked = readDataFile(text, 'changji-2022.yaml');
      await insertDisclosure(db, {
        actor: null,
        ip: 'local',
        org,
        checked,
        fileName: 'examples/changji-2022.yaml',
      });
    }
  }
  return result;
}
