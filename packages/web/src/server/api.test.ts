/** The API's behaviour on every database target: tree, users, disclosures with versions, log, jobs, OpenAPI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  DisclosureDetail,
  DisclosureSaved,
  Organisation,
  StaleVersionDetails,
} from './api-schemas.ts';
import { EXAMPLES_DIR, type Fixture } from './testing/fixture.ts';
import { withPeople, type People } from './testing/people.ts';
import { databaseTargets } from './testing/targets.ts';

const example = readFileSync(join(EXAMPLES_DIR, 'changji-2022.yaml'), 'utf8');
type Err = {
  error: {
    code: string;
    message: string;
    problems?: { path?: string; line?: number; message: string }[];
    details?: unknown;
  };
};

/** Sets a T1 figure in the data file object (rows are keyed by `row`). */
function setT1(data: Record<string, unknown>, row: string, amount: string): Record<string, unknown> {
  const copy = structuredClone(data) as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } };
  const r = copy.tables.t1.rows.find((x) => x.row === row);
  if (!r) throw new Error(`no row ${row}`);
  r.amount = amount;
  return copy as unknown as Record<string, unknown>;
}

describe.each(databaseTargets())('API on $name', (target) => {
  let f: Fixture;
  let p: People;
  withPeople(target, example, (ff, pp) => void ([f, p] = [ff, pp]));

  it('seeds the demo tree with the Changji example as a draft with its findings', async () => {
    const tree = await p.admin.json<{ items: Organisation[] }>('GET', '/api/organisations');
    const kinds = tree.body.items.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'bureau')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'department').length).toBeGreaterThanOrEqual(3);
    const d = await p.admin.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    expect(d.status).toBe(200);
    expect(d.body.disclosure.status).toBe('draft');
    expect(d.body.disclosure.unitName).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室');
    expect(d.body.findings!.summary.error).toBe(0);
    // The seed's two rounding notes (DOMAIN.md §2: 115.68 + 9.28 vs 124.97).
    expect(
      d.body.findings!.findings.some((x) => x.severity === 'info' && x.message.includes('四舍五入')),
    ).toBe(true);
    // Decimals are stored as their text, never as binary floats.
    expect(JSON.stringify(d.body.data)).toContain('"amount":"360.44"');
    const years = await p.admin.json<{ years: number[] }>('GET', '/api/disclosure-years');
    expect(years.body.years).toEqual([2022]);
  });

  it('lists every unit of the year with its status, not-started ones included', async () => {
    const list = await p.admin.json<{
      items: { status: string; departmentName: string }[];
      counts: Record<string, number>;
    }>('GET', '/api/disclosures?year=2022');
    expect(list.body.counts['draft']).toBe(2);
    expect(list.body.counts['not_started']).toBeGreaterThanOrEqual(3);
    expect(list.body.items.every((i) => i.departmentName)).toBe(true);
    const bad = await p.admin.json<Err>('GET', '/api/disclosures?year=abc');
    expect(bad.status).toBe(400);
  });

  it('saves under optimistic locking: a stale save is 409 with the other change, and nothing is overwritten', async () => {
    const first = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const v = first.body.disclosure.version;
    const data = first.body.data!;
    // Browser 1 saves a change.
    const s1 = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data: setT1(data, 'otherIncome', '53.78'),
    });
    expect(s1.status).toBe(200);
    expect(s1.body.disclosure.version).toBe(v + 1);
    // The change breaks T1's income sum: an error finding comes back with the save.
    expect(s1.body.findings.summary.error).toBeGreaterThan(0);
    expect(s1.body.disclosure.errorCount).toBe(s1.body.findings.summary.error);
    // Browser 2 still holds version v and saves another change.
    const s2 = await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v,
      data: setT1(data, 'openingCarryover', '101.94'),
    });
    expect(s2.status).toBe(409);
    expect(s2.body.error.code).toBe('E_STALE_VERSION');
    expect(s2.body.error.message).toMatch(/您的修改没有丢失/);
    const details = s2.body.error.details as StaleVersionDetails;
    expect(details.currentVersion).toBe(v + 1);
    expect(details.yourVersion).toBe(v);
    expect(details.updatedBy).toBe('editor-a');
    expect(details.theirChanges).toEqual([
      { path: 'tables.t1.rows[7].amount', before: '43.78', after: '53.78' },
    ]);
    const now = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    expect(now.body.disclosure.version).toBe(v + 1);
    expect(JSON.stringify(now.body.data)).toContain('"amount":"101.93"');
    // Saving the same data again is no new version.
    const same = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: v + 1,
      data: now.body.data,
    });
    expect(same.body.disclosure.version).toBe(v + 1);
  });

  it('lets exactly one of two simultaneous saves from the same version win', async () => {
    const d = await p.editorB.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureB}`);
    const v = d.body.disclosure.version;
    const [a, b] = await Promise.all([
      p.editorB.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureB}`, {
        version: v,
        data: setT1(d.body.data!, 'otherIncome', '60.00'),
      }),
      p.editorB.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureB}`, {
        version: v,
        data: setT1(d.body.data!, 'otherIncome', '70.00'),
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? '60.00' : '70.00';
    const now = await p.editorB.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureB}`);
    expect(now.body.disclosure.version).toBe(v + 1);
    expect(JSON.stringify(now.body.data)).toContain(`"amount":"${winner}"`);
    const future = await p.editorB.json<Err>('PUT', `/api/disclosures/${p.disclosureB}`, {
      version: v + 5,
      data: d.body.data,
    });
    expect(future.status).toBe(400);
  });

  it('refuses data that is not a valid data file with 422 and the problems, keeping the stored version', async () => {
    const d = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const broken = setT1(d.body.data!, 'otherIncome', '四十三');
    const r = await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: d.body.disclosure.version,
      data: broken,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('E_BAD_DATA_FILE');
    expect(r.body.error.problems?.[0]?.path).toBe('tables.t1.rows[7].amount');
    const wrongYear = await p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: d.body.disclosure.version,
      data: { ...d.body.data, year: 2023 },
    });
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.body.error.message).toMatch(/年度（2023）与这份决算的年度（2022）不一致/);
    const after = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    expect(after.body.disclosure.version).toBe(d.body.disclosure.version);
  });

  it('keeps every version and restores an earlier one as a new version', async () => {
    const list = await p.editorA.json<{
      items: { version: number; note: string | null; createdBy: string | null }[];
    }>('GET', `/api/disclosures/${p.disclosureA}/versions`);
    expect(list.body.items.map((i) => i.version)).toEqual([2, 1]);
    expect(list.body.items[1]!.note).toBe('导入 examples/changji-2022.yaml');
    const v1 = await p.editorA.json<{ data: Record<string, unknown> }>(
      'GET',
      `/api/disclosures/${p.disclosureA}/versions/1`,
    );
    expect(JSON.stringify(v1.body.data)).toContain('"amount":"43.78"');
    expect((await p.editorA.json('GET', `/api/disclosures/${p.disclosureA}/versions/99`)).status).toBe(404);
    const stale = await p.editorA.json<Err>('POST', `/api/disclosures/${p.disclosureA}/versions/1/restore`, {
      currentVersion: 1,
    });
    expect(stale.status).toBe(409);
    const r = await p.editorA.json<DisclosureSaved>(
      'POST',
      `/api/disclosures/${p.disclosureA}/versions/1/restore`,
      { currentVersion: 2 },
    );
    expect(r.status).toBe(200);
    expect(r.body.disclosure.version).toBe(3);
    expect(r.body.findings.summary.error).toBe(0);
    const now = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    expect(now.body.data).toEqual(v1.body.data);
    const again = await p.editorA.json<{ items: { version: number; note: string | null }[] }>(
      'GET',
      `/api/disclosures/${p.disclosureA}/versions`,
    );
    expect(again.body.items[0]).toMatchObject({ version: 3, note: '恢复第 1 版' });
  });

  it('records who changed what, with old and new values, readable by admins and per disclosure', async () => {
    const log = await p.admin.json<{ items: AuditEntry[] }>(
      'GET',
      `/api/audit-log?entityType=disclosure&entityId=${p.disclosureA}`,
    );
    const save = log.body.items.find((e) => e.action === 'disclosure.save')!;
    expect(save.actorName).toBe('editor-a');
    expect(save.oldValue).toEqual([{ path: 'tables.t1.rows[7].amount', value: '43.78' }]);
    expect(save.newValue).toEqual([{ path: 'tables.t1.rows[7].amount', value: '53.78' }]);
    expect(log.body.items.map((e) => e.action)).toEqual([
      'disclosure.restore',
      'disclosure.save',
      'disclosure.create',
    ]);
    const own = await p.editorA.json('GET', `/api/audit-log?entityType=disclosure&entityId=${p.disclosureA}`);
    expect(own.status).toBe(200);
    expect((await p.editorA.json('GET', '/api/audit-log')).status).toBe(403);
    expect(
      (await p.editorA.json('GET', `/api/audit-log?entityType=disclosure&entityId=${p.disclosureB}`)).status,
    ).toBe(404);
    const all = await p.admin.json<{ items: AuditEntry[]; nextBefore: number | null }>(
      'GET',
      '/api/audit-log?limit=2',
    );
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextBefore).toBe(all.body.items[1]!.id);
    const next = await p.admin.json<{ items: AuditEntry[] }>(
      'GET',
      `/api/audit-log?limit=2&before=${all.body.nextBefore}`,
    );
    expect(next.body.items[0]!.id).toBeLessThan(all.body.nextBefore!);
    const logins = await p.admin.json<{ items: AuditEntry[] }>(
      'GET',
      '/api/audit-log?entityType=session&limit=200',
    );
    expect(logins.body.items.some((e) => e.action === 'login' && e.actorName === 'editor-a')).toBe(true);
  });

  it('names the unit as registered in the log when the data says another name', async () => {
    const cur = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const registered = cur.body.organisation.name;
    const data = structuredClone(cur.body.data!) as { unit: { name: string } };
    data.unit.name = '另一个单位（演示）';
    const saved = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: cur.body.disclosure.version,
      data,
    });
    expect(saved.status).toBe(200);
    const log = await p.admin.json<{ items: AuditEntry[] }>(
      'GET',
      `/api/audit-log?entityType=disclosure&entityId=${p.disclosureA}&limit=1`,
    );
    expect(log.body.items[0]!.summary).toContain(`保存「${registered}」`);
    expect(log.body.items[0]!.summary).not.toContain('另一个单位');
  });

  it('creates a disclosure from a data file and refuses a second one for the same unit and year', async () => {
    const unit = await f.org('CJZ-WJW-001');
    const json = await p.admin.json<DisclosureSaved>('POST', '/api/disclosures', {
      organisationId: unit,
      fileName: 'w.yaml',
      content: example,
    });
    expect(json.status).toBe(201);
    expect(json.body.disclosure.version).toBe(1);
    const again = await p.admin.json<Err>('POST', '/api/disclosures', {
      organisationId: unit,
      fileName: 'w.yaml',
      content: example,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/2022 年度的决算已经存在/);
    const dept = await f.org('CJZ-WJW');
    expect(
      (
        await p.admin.json<Err>('POST', '/api/disclosures', {
          organisationId: dept,
          fileName: 'w.yaml',
          content: example,
        })
      ).status,
    ).toBe(400);
    const unit2 = await f.org('CJZ-WJW-002');
    const bad = await p.admin.json<Err>('POST', '/api/disclosures', {
      organisationId: unit2,
      fileName: 'bad.yaml',
      content: 'format: juesuan-disclosure/1\nyear: [\n',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/数据文件无法读入/);
    expect(bad.body.error.problems?.[0]?.line).toBeGreaterThan(0);
    const notData = await p.admin.json<Err>('POST', '/api/disclosures', {
      organisationId: unit2,
      fileName: 'x.yaml',
      content: 'hello: world\n',
    });
    expect(notData.status).toBe(422);
  });

  it('validates data without saving', async () => {
    const d = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const r = await p.editorA.json<{ summary: { error: number } }>('POST', '/api/validate', {
      data: setT1(d.body.data!, 'incomeTotal', '300.00'),
    });
    expect(r.status).toBe(200);
    expect(r.body.summary.error).toBeGreaterThan(0);
  });

  it('manages the organisation tree with kinds in their places', async () => {
    const bureau = await f.org('CJZ-CZJ');
    const dept = await p.admin.json<Organisation>('POST', '/api/organisations', {
      code: 'T-D',
      name: '测试局',
      kind: 'department',
      parentId: bureau,
    });
    expect(dept.status).toBe(201);
    const misplaced = await p.admin.json<Err>('POST', '/api/organisations', {
      code: 'T-U0',
      name: '错位单位',
      kind: 'unit',
      parentId: bureau,
    });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.message).toBe('单位只能位于部门之下');
    const unit = await p.admin.json<Organisation>('POST', '/api/organisations', {
      code: 'T-U1',
      name: '测试单位',
      kind: 'unit',
      parentId: dept.body.id,
    });
    expect(unit.status).toBe(201);
    expect(
      (
        await p.admin.json<Err>('POST', '/api/organisations', {
          code: 'T-U1',
          name: '重复',
          kind: 'unit',
          parentId: dept.body.id,
        })
      ).status,
    ).toBe(409);
    const renamed = await p.admin.json<Organisation>('PATCH', `/api/organisations/${unit.body.id}`, {
      name: '测试单位（更名）',
      activeTo: 2030,
    });
    expect(renamed.body).toMatchObject({ id: unit.body.id, name: '测试单位（更名）', activeTo: 2030 });
    expect(
      (await p.admin.json<Err>('PATCH', `/api/organisations/${dept.body.id}`, { parentId: unit.body.id }))
        .status,
    ).toBe(400);
    const busy = await p.admin.json<Err>('DELETE', `/api/organisations/${dept.body.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/还有下级机构/);
    expect((await p.admin.call('DELETE', `/api/organisations/${unit.body.id}`)).status).toBe(204);
    expect((await p.admin.call('DELETE', `/api/organisations/${dept.body.id}`)).status).toBe(204);
    const withData = await p.admin.json<Err>('DELETE', `/api/organisations/${p.unitA}`);
    expect(withData.status).toBe(409);
  });

  it('manages users: initial password shown once, scopes by role, at least one admin kept', async () => {
    const created = await p.admin.json<{ user: { id: string; role: string }; initialPassword: string }>(
      'POST',
      '/api/users',
      {
        username: 'New.User',
        displayName: '新用户',
        role: 'viewer',
        scopes: [p.unitA],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.initialPassword).toHaveLength(16);
    const c = f.client();
    const login = await c.login('new.user', created.body.initialPassword);
    expect(login.status).toBe(200);
    expect((login.body['user'] as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const change = await c.call('POST', '/api/auth/password', {
      oldPassword: created.body.initialPassword,
      newPassword: 'my-new-password-9',
    });
    expect(change.status).toBe(204);
    expect((await f.client().login('new.user', 'my-new-password-9')).status).toBe(200);
    const list = await p.admin.json<{ items: { username: string; scopes: string[] }[] }>('GET', '/api/users');
    expect(list.body.items.find((u) => u.username === 'new.user')!.scopes).toEqual([p.unitA]);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
    const dept = await f.org('CJZ-JYJ');
    const wrongScope = await p.admin.json<Err>('POST', '/api/users', {
      username: 'ed2',
      displayName: 'x',
      role: 'editor',
      scopes: [dept],
    });
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.body.error.message).toMatch(/填报人员的权限范围只能是单位/);
    const weak = await p.admin.json<Err>('POST', '/api/users', {
      username: 'ed3',
      displayName: 'x',
      role: 'editor',
      scopes: [p.unitA],
      password: 'short',
    });
    expect(weak.body.error.message).toBe('密码至少 10 个字符');
    // Disabling ends the user's sessions.
    const disabled = await p.admin.json('PATCH', `/api/users/${created.body.user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect((await c.json('GET', '/api/auth/me')).status).toBe(401);
    const me = await p.admin.json<{ id: string }>('GET', '/api/auth/me');
    const last = await p.admin.json<Err>('PATCH', `/api/users/${me.body.id}`, {
      role: 'viewer',
      scopes: [p.unitA],
    });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toBe('至少要保留一个可用的系统管理员');
    expect((await p.admin.json<Err>('DELETE', `/api/users/${me.body.id}`)).status).toBe(409);
    expect((await p.admin.call('DELETE', `/api/users/${created.body.user.id}`)).status).toBe(204);
  });

  it('runs long work as a job with progress', async () => {
    const r = await p.admin.json<{ id: string; status: string }>('POST', '/api/jobs/revalidate', {
      year: 2022,
    });
    expect(r.status).toBe(202);
    await f.deps.jobs.idle();
    const j = await p.admin.json<{ status: string; progress: number; result: { disclosures: number } }>(
      'GET',
      `/api/jobs/${r.body.id}`,
    );
    expect(j.body).toMatchObject({ status: 'done', progress: 100 });
    expect(j.body.result.disclosures).toBeGreaterThanOrEqual(2);
    expect((await p.editorA.json('GET', `/api/jobs/${r.body.id}`)).status).toBe(404);
  });

  it('stores saves that arrive together each as its own version with its own log entry', async () => {
    const a = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const b = await p.editorB.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureB}`);
    const va = a.body.disclosure.version;
    const vb = b.body.disclosure.version;
    const amount = (d: DisclosureDetail, row: string): string =>
      String(
        (d.data as { tables: { t1: { rows: { row?: string; amount?: unknown }[] } } }).tables.t1.rows.find(
          (r) => r.row === row,
        )!.amount,
      );
    const [sa, sb, stale] = await Promise.all([
      p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
        version: va,
        data: setT1(a.body.data!, 'otherIncome', '11.11'),
      }),
      p.editorB.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureB}`, {
        version: vb,
        data: setT1(b.body.data!, 'otherIncome', '22.22'),
      }),
      p.editorA.json<Err>('PUT', `/api/disclosures/${p.disclosureA}`, {
        version: va,
        data: setT1(a.body.data!, 'otherIncome', '33.33'),
      }),
    ]);
    // One of the two saves of A wins, whichever came first; the other learns what it changed.
    expect([sa.status, stale.status].sort()).toEqual([200, 409]);
    expect(sb.status).toBe(200);
    const aWon = sa.status === 200;
    const won = aWon ? '11.11' : '33.33';
    const winner = (aWon ? sa : stale) as unknown as typeof sa;
    const loser = (aWon ? stale : sa) as unknown as typeof stale;
    expect(winner.body.disclosure.version).toBe(va + 1);
    expect(sb.body.disclosure.version).toBe(vb + 1);
    expect((loser.body.error.details as StaleVersionDetails).theirChanges).toEqual([
      { path: 'tables.t1.rows[7].amount', before: amount(a.body, 'otherIncome'), after: won },
    ]);
    const lastSave = async (id: string): Promise<AuditEntry> =>
      (
        await p.admin.json<{ items: AuditEntry[] }>(
          'GET',
          `/api/audit-log?entityType=disclosure&entityId=${id}&limit=1`,
        )
      ).body.items[0]!;
    expect(await lastSave(p.disclosureA)).toMatchObject({
      action: 'disclosure.save',
      actorName: 'editor-a',
      oldValue: [{ path: 'tables.t1.rows[7].amount', value: amount(a.body, 'otherIncome') }],
      newValue: [{ path: 'tables.t1.rows[7].amount', value: won }],
    });
    expect(await lastSave(p.disclosureB)).toMatchObject({
      actorName: 'editor-b',
      oldValue: [{ path: 'tables.t1.rows[7].amount', value: amount(b.body, 'otherIncome') }],
      newValue: [{ path: 'tables.t1.rows[7].amount', value: '22.22' }],
    });
    // The next save is compared with what the last one stored: only its own change is logged.
    const now = await p.editorA.json<DisclosureDetail>('GET', `/api/disclosures/${p.disclosureA}`);
    const next = await p.editorA.json<DisclosureSaved>('PUT', `/api/disclosures/${p.disclosureA}`, {
      version: va + 1,
      data: setT1(setT1(now.body.data!, 'otherIncome', '11.12'), 'openingCarryover', '1.00'),
    });
    expect(next.status).toBe(200);
    const carry = (
      now.body.data as { tables: { t1: { rows: { row?: string }[] } } }
    ).tables.t1.rows.findIndex((r) => r.row === 'openingCarryover');
    const byPath = (x: { path: string }, y: { path: string }): number => x.path.localeCompare(y.path);
    const entry = await lastSave(p.disclosureA);
    expect([...(entry.oldValue as { path: string; value: unknown }[])].sort(byPath)).toEqual(
      [
        { path: `tables.t1.rows[${carry}].amount`, value: amount(now.body, 'openingCarryover') },
        { path: 'tables.t1.rows[7].amount', value: won },
      ].sort(byPath),
    );
    expect([...(entry.newValue as { path: string; value: unknown }[])].sort(byPath)).toEqual(
      [
        { path: `tables.t1.rows[${carry}].amount`, value: '1.00' },
        { path: 'tables.t1.rows[7].amount', value: '11.12' },
      ].sort(byPath),
    );
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const doc = await f.client().json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/auth/login',
      '/api/organisations',
      '/api/users/{id}',
      '/api/disclosures',
      '/api/disclosures/{id}',
      '/api/disclosures/{id}/versions/{version}/restore',
      '/api/audit-log',
      '/api/jobs/{id}',
    ])
      expect(Object.keys(doc.body.paths), path).toContain(path);
    expect(Object.keys(doc.body.paths['/api/disclosures/{id}']!)).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
    expect(doc.body.components.schemas).toHaveProperty('DisclosureSave');
    expect(doc.body.components.schemas).toHaveProperty('StaleVersionDetails');
  });
});
