/**
 * CPU per save, in-process (figures, never a test): `node bench/bundle-and-run.mjs bench/save-cpu.ts`.
 *
 * The app (createApp) on a SQLite file in a temporary folder (synchronous = FULL, as served), driven
 * through app.request without HTTP or a load generator: SAVE_CPU_UNITS editors' disclosures (default
 * 20) are each saved once per round, all at the same time, one cell alternating between two values,
 * for SAVE_CPU_ROUNDS rounds (default 60) in three parts. On a shared machine autocannon's rates swing
 * with the others' load; the CPU per save of this process (user + system) swings much less, so this
 * is the figure to compare two versions of the save path by, run one after the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateUnitData } from '@juesuan/core/testing';
import { createApp } from '../packages/web/src/server/app.ts';
import { openDatabase } from '../packages/web/src/server/db/database.ts';
import { seedDatabase } from '../packages/web/src/server/seed.ts';
import { prepareDeps } from '../packages/web/src/server/server.ts';
import { machineReferenceLine } from './machine-reference.ts';

const UNITS = Number(process.env['SAVE_CPU_UNITS'] ?? 20);
const ROUNDS = Number(process.env['SAVE_CPU_ROUNDS'] ?? 60);
const PARTS = 3;

interface T1Row {
  row?: string;
  amount?: unknown;
}
interface DataFile {
  tables: { t1: { rows: T1Row[] } };
}
interface Unit {
  id: string;
  version: number;
  data: DataFile;
  row: T1Row;
  values: [string, string];
  turn: number;
}

console.log(machineReferenceLine());
const dir = mkdtempSync(join(tmpdir(), 'juesuan-save-cpu-'));
const database = openDatabase({ dataDir: dir });
try {
  const deps = await prepareDeps(database, { scryptCost: 10 });
  const seed = await seedDatabase(deps, { examplesDir: join(process.cwd(), 'examples') });
  const app = createApp(deps);
  const cookies = new Map<string, string>();
  const call = async <T>(
    method: string,
    path: string,
    body?: string,
  ): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = {
      Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'Content-Type': 'application/json',
    };
    if (method !== 'GET') headers['X-CSRF-Token'] = cookies.get('juesuan_csrf') ?? '';
    const res = await app.request(path, { method, headers, body });
    for (const sc of res.headers.getSetCookie()) {
      const pair = sc.split(';')[0]!;
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}：${res.status} ${text.slice(0, 300)}`);
    return { status: res.status, body: JSON.parse(text) as T };
  };
  const post = <T>(path: string, body: unknown) => call<T>('POST', path, JSON.stringify(body));

  await call('GET', '/api/health');
  await post('/api/auth/login', { username: 'admin', password: seed.adminPassword });
  const org = (code: string, name: string, kind: string, parentId: string | null) =>
    post<{ id: string }>('/api/organisations', { code, name, kind, parentId }).then((r) => r.body.id);
  const bureau = await org('SAVE-CPU', '保存基准财政局', 'bureau', null);
  const department = await org('SAVE-CPU-D', '保存基准部门', 'department', bureau);
  const units: Unit[] = [];
  for (let i = 0; i < UNITS; i++) {
    const unit = await org(`SAVE-CPU-U${i + 1}`, `保存基准单位${i + 1}`, 'unit', department);
    const kind = (['行政', '参公', '事业'] as const)[i % 3]!;
    const created = await post<{ disclosure: { id: string } }>('/api/disclosures', {
      organisationId: unit,
      fileName: `unit-${i + 1}.json`,
      content: JSON.stringify(generateUnitData({ seed: i + 1, kind, year: 2022, rounded: true })),
    });
    const id = created.body.disclosure.id;
    const got = await call<{ disclosure: { version: number }; data: DataFile }>(
      'GET',
      `/api/disclosures/${id}`,
    );
    const row = got.body.data.tables.t1.rows.find((r) => r.row === 'otherIncome')!;
    const before = String(row.amount);
    units.push({
      id,
      version: got.body.disclosure.version,
      data: got.body.data,
      row,
      values: [(Number(before) + 1).toFixed(2), before],
      turn: 0,
    });
  }
  const round = (): Promise<void[]> =>
    Promise.all(
      units.map(async (u) => {
        u.row.amount = u.values[u.turn++ % 2];
        const saved = await call<{ disclosure: { version: number } }>(
          'PUT',
          `/api/disclosures/${u.id}`,
          JSON.stringify({ version: u.version, data: u.data }),
        );
        u.version = saved.body.disclosure.version;
      }),
    );
  // Warm-up: the code optimised, the statements prepared.
  for (let i = 0; i < 10; i++) await round();
  const perPart = Math.max(1, Math.round(ROUNDS / PARTS));
  for (let part = 1; part <= PARTS; part++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < perPart; i++) await round();
    const cpu = process.cpuUsage(cpu0);
    const n = perPart * UNITS;
    console.log(
      `保存（进程内，${UNITS} 份同时保存，SQLite 文件）第 ${part} 段：每次 CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms（其中系统 ${(cpu.system / 1000 / n).toFixed(2)} ms），每次用时 ${((performance.now() - t0) / n).toFixed(2)} ms，共 ${n} 次`,
    );
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
