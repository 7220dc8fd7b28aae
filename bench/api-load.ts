/**
 * API load benchmark (issue 11; figures, never a test). `npm run bench` runs it after bench/run.ts.
 *
 * The real server (packages/web startServer) runs in a child process on 127.0.0.1 with a fresh
 * database: SQLite in a temporary folder, then PostgreSQL in a schema of its own when
 * JUESUAN_TEST_DATABASE_URL or DATABASE_URL is set (the schema is dropped afterwards). Through the
 * API it gets a bureau of 10 departments × 50 units, each with a generated disclosure, 50 editors
 * (one unit each) and a reviewer for the bureau. autocannon, in this process, then drives three
 * scenarios with 50 connections for BENCH_API_SECONDS (default 30) each:
 *  - read: GET /api/disclosures/{id} (data and findings), the reviewer over all 500 disclosures
 *    (with a browser's Accept-Encoding; BENCH_API_PLAIN=1 asks for it uncompressed, as before);
 *  - save: PUT /api/disclosures/{id} changing one cell, each editor its own disclosure with the
 *    version of its previous save (so none is stale), live validation included;
 *  - list: GET /api/review?year=2022, the reviewer's dashboard of the bureau's 500 units (with a
 *    browser's Accept-Encoding; BENCH_API_PLAIN=1 asks for it, too, uncompressed).
 * BENCH_API_ONLY=sqlite or =postgres runs on one database only; BENCH_API_SCENARIOS=read,list (any of
 * read, save, list) only those scenarios.
 * Aim (issue 11): p99 < 100 ms on SQLite and on PostgreSQL. Each line also gives the CPU time per
 * request of the server and of autocannon: both share the machine's cores (and with whatever else
 * runs), so the latencies depend on the load, the CPU per request much less.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import diagnostics_channel from 'node:diagnostics_channel';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { generateUnitData } from '@juesuan/core/testing';
import { startServer } from '../packages/web/src/server/server.ts';
import { machineReferenceLine } from './machine-reference.ts';

const SECONDS = Number(process.env['BENCH_API_SECONDS'] ?? 30);
const CONNECTIONS = 50;
const UNITS = 500;
const DEPARTMENTS = 10;
const YEAR = 2022;
const AIM_P99_MS = 100;
const PASSWORD = 'bench-password-2024';
/** What a browser sends as Accept-Encoding. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

interface ServeArgs {
  dataDir?: string;
  databaseUrl?: string;
  pgSchema?: string;
  profile?: string | undefined;
}

// ---------------------------------------------------------------- parent: set-up and load

/** A minimal browser: keeps the session and CSRF cookies, sends the CSRF header on writes. */
class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get csrf(): string {
    return this.cookies.get('juesuan_csrf') ?? '';
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers['Cookie'] = this.cookieHeader;
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const sc of res.headers.getSetCookie()) {
      const pair = sc.split(';')[0]!;
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}：${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async login(username: string, password: string): Promise<void> {
    if (!this.cookies.has('juesuan_csrf')) await this.call('GET', '/api/health');
    await this.ok('POST', '/api/auth/login', { username, password });
  }
}

interface Editor {
  cookie: string;
  csrf: string;
  disclosureId: string;
  version: number;
  data: Record<string, unknown>;
  /** Position of the changed cell in tables.t1.rows and its two alternating values. */
  row: number;
  values: [string, string];
  turn: number;
}

interface Seeded {
  reviewer: Client;
  editors: Editor[];
  disclosureIds: string[];
}

async function startChild(
  args: ServeArgs,
): Promise<{ child: ChildProcess; base: string; adminPassword: string }> {
  // BENCH_API_PROFILE=dir writes a CPU profile of the server process during each scenario there.
  const profile = process.env['BENCH_API_PROFILE'];
  const child = fork(process.argv[1]!, ['--serve', JSON.stringify({ ...args, profile })], {
    stdio: 'inherit',
  });
  // Should this process die of an uncaught error, the server goes with it.
  process.once('exit', () => child.kill());
  const msg = await new Promise<{ port: number; adminPassword: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; adminPassword: string }));
    child.once('exit', (code) => reject(new Error(`服务器进程提前退出（退出码 ${code}）`)));
  });
  return { child, base: `http://127.0.0.1:${msg.port}`, adminPassword: msg.adminPassword };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function seed(base: string, adminPassword: string): Promise<Seeded> {
  const admin = new Client(base);
  await admin.login('admin', adminPassword);
  const org = (code: string, name: string, kind: string, parentId: string | null, sortOrder: number) =>
    admin.ok<{ id: string }>('POST', '/api/organisations', { code, name, kind, parentId, sortOrder });
  const bureau = await org('BENCH-CZJ', '基准测试市财政局', 'bureau', null, 9);
  const kinds = ['行政', '参公', '事业'] as const;
  const units: string[] = [];
  const disclosureIds: string[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const dept = await org(`BENCH-D${d + 1}`, `基准测试部门${d + 1}`, 'department', bureau.id, d + 1);
    const perDept = UNITS / DEPARTMENTS;
    for (let u = 0; u < perDept; u++) {
      const n = d * perDept + u + 1;
      const unit = await org(`BENCH-D${d + 1}-${u + 1}`, `基准测试单位${n}`, 'unit', dept.id, u + 1);
      units.push(unit.id);
      const data = generateUnitData({ seed: n, kind: kinds[n % 3]!, year: YEAR, rounded: true });
      const created = await admin.ok<{ disclosure: { id: string } }>('POST', '/api/disclosures', {
        organisationId: unit.id,
        fileName: `unit-${n}.json`,
        content: JSON.stringify(data),
      });
      disclosureIds.push(created.disclosure.id);
    }
  }
  await admin.ok('POST', '/api/users', {
    username: 'bench-reviewer',
    displayName: '基准审核员',
    role: 'reviewer',
    scopes: [bureau.id],
    password: PASSWORD,
  });
  const reviewer = new Client(base);
  await reviewer.login('bench-reviewer', PASSWORD);
  const editors: Editor[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const unitIndex = i * (UNITS / CONNECTIONS);
    await admin.ok('POST', '/api/users', {
      username: `bench-editor-${i + 1}`,
      displayName: `基准填报员${i + 1}`,
      role: 'editor',
      scopes: [units[unitIndex]!],
      password: PASSWORD,
    });
    const c = new Client(base);
    await c.login(`bench-editor-${i + 1}`, PASSWORD);
    const id = disclosureIds[unitIndex]!;
    const got = await c.ok<{ disclosure: { version: number }; data: Record<string, unknown> }>(
      'GET',
      `/api/disclosures/${id}`,
    );
    // The cell: 其他收入 of 表一, typed up by 1.00 万元 and back again on alternate saves.
    const rows = (got.data['tables'] as { t1: { rows: Record<string, unknown>[] } }).t1.rows;
    const row = rows.findIndex((r) => r['row'] === 'otherIncome');
    const before = String(rows[row]!['amount']);
    const after = (Number(before) + 1).toFixed(2);
    editors.push({
      cookie: c.cookieHeader,
      csrf: c.csrf,
      disclosureId: id,
      version: got.disclosure.version,
      data: got.data,
      row,
      values: [after, before],
      turn: 0,
    });
  }
  return { reviewer, editors, disclosureIds };
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  bad: number;
  /** CPU time (user + system) per request of the server process, and of autocannon's (this one). */
  serverCpuMs: number;
  clientCpuMs: number;
  /** The machine's 1-minute load average when the scenario started. */
  load: number;
  /** Time in the server from a request's arrival to its response's end, as the server measures it. */
  serverP50: number;
  serverP99: number;
  /** From a response's end to the next request's arrival on the same connection (ms), median. */
  gapP50: number;
  /** The server's event loop held up (ms), 99th percentile and longest, over the scenario. */
  loopP99: number;
  loopMax: number;
}

interface ServerTimes {
  cpu: NodeJS.CpuUsage;
  /** Milliseconds of each request answered since the last ask. */
  times: number[];
  /** Milliseconds on each connection from a response's end to the next request's arrival, since the last ask. */
  gaps: number[];
  /** Event-loop delay since the last ask (ms): its 99th percentile and its longest. */
  loop: { p99: number; max: number };
}

let profiled: { child: ChildProcess; label: string } | undefined;
let server: ChildProcess | undefined;

/** Sends the server a message and waits for its answer, the first message that has `key`. */
function ask<T>(child: ChildProcess, msg: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: unknown): void => {
      if (typeof m !== 'object' || m === null || !(key in m)) return;
      child.off('message', on);
      resolve((m as Record<string, T>)[key]!);
    };
    child.on('message', on);
    child.send(msg);
  });
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

async function run(opts: autocannon.Options, name: string): Promise<Figures> {
  const p = profiled;
  p?.child.send({ profile: 'start' });
  const load0 = loadavg()[0]!;
  const serverBefore = await ask<ServerTimes>(server!, { cpu: true }, 'cpu');
  const clientBefore = process.cpuUsage();
  const figures = await load(opts, name);
  const client = cpuMs(process.cpuUsage(clientBefore));
  // The server's CPU includes finishing what autocannon left in flight (at most 50 requests).
  await settle();
  const serverAfter = await ask<ServerTimes>(server!, { cpu: true }, 'cpu');
  if (p) {
    const file = await ask<string>(p.child, { profile: 'stop', name: `${p.label}-${out(name)}` }, 'profiled');
    console.log(`  CPU 剖析：${file}`);
  }
  const n = Math.max(1, figures.requests);
  const times = serverAfter.times.sort((a, b) => a - b);
  const pct = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    ...figures,
    serverCpuMs: (cpuMs(serverAfter.cpu) - cpuMs(serverBefore.cpu)) / n,
    clientCpuMs: client / n,
    load: load0,
    serverP50: pct(0.5),
    serverP99: pct(0.99),
    gapP50: median(serverAfter.gaps),
    loopP99: serverAfter.loop.p99,
    loopMax: serverAfter.loop.max,
  };
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
};
const out = (name: string): string => name.replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 12);

/**
 * autocannon stops by dropping its connections; the server still finishes what it had started. Let
 * it, so that the next scenario (or stopping the server) does not meet the last one's leftovers.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5000));

type Measured = Omit<
  Figures,
  'serverCpuMs' | 'clientCpuMs' | 'load' | 'serverP50' | 'serverP99' | 'gapP50' | 'loopP99' | 'loopMax'
>;

function load(opts: autocannon.Options, name: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 30, ...opts }, (err, r) => {
      if (err) return reject(err);
      resolve({
        name,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        requests: r.requests.total,
        bad: r.non2xx + r.errors + r.timeouts,
      });
    });
  });
}

/** BENCH_API_SCENARIOS=read,save,list (any of them) runs only those. */
const wanted = (name: 'read' | 'save' | 'list'): boolean =>
  (process.env['BENCH_API_SCENARIOS'] ?? 'read,save,list').split(',').includes(name);

async function scenarios(base: string, s: Seeded): Promise<Figures[]> {
  const out: Figures[] = [];
  const reviewerHeaders = { Cookie: s.reviewer.cookieHeader };
  // The reads ask as a browser does: the server gzips what it sends to clients that accept it.
  const plain = process.env['BENCH_API_PLAIN'] === '1';

  let next = 0;
  if (wanted('read'))
    out.push(
      await run(
        {
          url: base,
          headers: plain ? reviewerHeaders : { ...reviewerHeaders, 'Accept-Encoding': BROWSER_ENCODINGS },
          requests: [
            {
              method: 'GET',
              setupRequest: (req) => ({
                ...req,
                path: `/api/disclosures/${s.disclosureIds[next++ % s.disclosureIds.length]}`,
              }),
            },
          ],
        },
        `读取一份决算（数据与校验结果${plain ? '，不压缩' : '，gzip'}）`,
      ),
    );

  // Each request takes a free editor (never more in flight than editors) and gives it back with the
  // version its save produced, so that every save is based on the current version.
  const free = [...s.editors];
  let stale = 0;
  let spare = 0;
  if (wanted('save'))
    out.push(
      await run(
        {
          url: base,
          requests: [
            {
              method: 'PUT',
              setupRequest: (req, context) => {
                // A request autocannon timed out never gets its onResponse: its editor is lent again
                // (a resulting 409 brings the current version, see below).
                const e = free.pop() ?? s.editors[spare++ % s.editors.length]!;
                (context as { editor?: Editor }).editor = e;
                const t1 = (e.data['tables'] as { t1: { rows: Record<string, unknown>[] } }).t1;
                t1.rows[e.row]!['amount'] = e.values[e.turn++ % 2];
                return {
                  ...req,
                  path: `/api/disclosures/${e.disclosureId}`,
                  headers: {
                    Cookie: e.cookie,
                    'X-CSRF-Token': e.csrf,
                    'Content-Type': 'application/json',
                  },
                  body: JSON.stringify({ version: e.version, data: e.data }),
                };
              },
              onResponse: (status, body, context) => {
                const e = (context as { editor: Editor }).editor;
                try {
                  const parsed = JSON.parse(body) as {
                    disclosure?: { version: number };
                    details?: { currentVersion?: number };
                  };
                  if (status === 200 && parsed.disclosure) e.version = parsed.disclosure.version;
                  else if (status === 409 && parsed.details?.currentVersion) {
                    stale++;
                    e.version = parsed.details.currentVersion;
                  }
                } catch {
                  // A body that is not JSON counts as a failed request in autocannon's figures.
                }
                if (!free.includes(e)) free.push(e);
              },
            },
          ],
        },
        '保存一个单元格（含实时校验）',
      ),
    );
  if (stale > 0) console.log(`  注意：保存时有 ${stale} 次版本冲突（409），不应出现`);

  if (wanted('list'))
    out.push(
      await run(
        // As a browser asks for it: the server sends this list gzipped to clients that accept that.
        {
          url: `${base}/api/review?year=${YEAR}`,
          headers: plain ? reviewerHeaders : { ...reviewerHeaders, 'Accept-Encoding': BROWSER_ENCODINGS },
        },
        `审核总览：财政局的 ${UNITS} 个单位${plain ? '（不压缩）' : ''}`,
      ),
    );
  return out;
}

function report(db: string, figures: Figures[]): void {
  const f = (n: number, d = 0) =>
    n.toLocaleString('zh-CN', { maximumFractionDigits: d, minimumFractionDigits: d });
  for (const x of figures) {
    const met = x.p99 < AIM_P99_MS ? '达到' : '未达到';
    console.log(
      `API 负载 · ${db} · ${x.name}：${f(x.rps)} 次/秒，p50 ${f(x.p50)} ms，p99 ${f(x.p99)} ms（目标 p99 < ${AIM_P99_MS} ms：${met}），最长 ${f(x.max)} ms，共 ${f(x.requests)} 次${x.bad > 0 ? `，其中失败 ${x.bad} 次` : ''}；服务器内用时 p50 ${f(x.serverP50, 1)} ms、p99 ${f(x.serverP99, 1)} ms；同一连接上一响应发出到下一请求到达 p50 ${f(x.gapP50, 1)} ms；事件循环阻塞 p99 ${f(x.loopP99)} ms、最长 ${f(x.loopMax)} ms；每次 CPU：服务器 ${f(x.serverCpuMs, 2)} ms、autocannon ${f(x.clientCpuMs, 2)} ms；开始时负载 ${f(x.load, 1)}`,
    );
  }
}

async function onDatabase(name: string, args: ServeArgs): Promise<void> {
  const { child, base, adminPassword } = await startChild(args);
  try {
    const t0 = performance.now();
    const s = await seed(base, adminPassword);
    console.log(
      `API 负载 · ${name}：已建 ${UNITS} 个单位及其决算、${CONNECTIONS} 名填报员（${((performance.now() - t0) / 1000).toFixed(1)} s）`,
    );
    server = child;
    if (process.env['BENCH_API_PROFILE']) profiled = { child, label: name };
    report(name, await scenarios(base, s));
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  console.log(
    `API 负载基准：${CONNECTIONS} 个并发连接，每项 ${SECONDS} s，服务器与 autocannon 各一个进程，本机回环地址；${cpus().length} 核，启动时负载 ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  console.log(machineReferenceLine());
  // BENCH_API_ONLY=sqlite or =postgres runs on that database only (quick iterations).
  const only = process.env['BENCH_API_ONLY'];
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-api-bench-'));
    try {
      await onDatabase('SQLite', { dataDir: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only === 'sqlite') return;

  const url = process.env['JUESUAN_TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (!url) {
    console.log('API 负载 · PostgreSQL：已跳过（未设置 JUESUAN_TEST_DATABASE_URL 或 DATABASE_URL）');
    return;
  }
  const schema = `bench_api_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    await onDatabase('PostgreSQL', { databaseUrl: url, pgSchema: schema });
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

// ---------------------------------------------------------------- child: the server
async function serveChild(): Promise<void> {
  const args = JSON.parse(process.argv[3]!) as ServeArgs;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: args.dataDir,
    databaseUrl: args.databaseUrl,
    pgSchema: args.pgSchema,
    examplesDir: join(process.cwd(), 'examples'),
    // Accounts are created and logged in once, before the measurement; a cheaper hash keeps the
    // set-up short (the cost is a parameter of the hash, the code path is the same).
    config: { scryptCost: 12, secureCookies: 'never' },
  });
  process.send!({ port: server.port, adminPassword: server.seed.adminPassword });
  // Each request's time inside the server, from its arrival to the end of its response.
  const times: number[] = [];
  const started = new WeakMap<object, number>();
  // On each connection, from a response's end to the next request's arrival: time the server did not
  // have the request yet (the client reading the answer and writing the next one, or both waiting for a core).
  const lastDone = new WeakMap<object, number>();
  const gaps: number[] = [];
  diagnostics_channel.subscribe('http.server.request.start', (m) => {
    const now = performance.now();
    started.set((m as { response: object }).response, now);
    const sock = (m as { socket: object }).socket;
    const d = lastDone.get(sock);
    if (d !== undefined) gaps.push(now - d);
  });
  diagnostics_channel.subscribe('http.server.response.finish', (m) => {
    const t0 = started.get((m as { response: object }).response);
    if (t0 !== undefined) times.push(performance.now() - t0);
    lastDone.set((m as { socket: object }).socket, performance.now());
  });

  // How long the event loop was held up at a time: a request cannot even be read meanwhile, so such
  // waits show in the client's latency but not in the server's own time of each request.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const session = new Session();
  if (args.profile) session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (err, r) => (err ? reject(err) : resolve(r))),
    );
  process.on('message', (m: { profile?: 'start' | 'stop'; name?: string; cpu?: true } | 'stop') => {
    if (m === 'stop') void server.close().then(() => process.exit(0));
    else if (m.cpu) {
      const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
      loopDelay.reset();
      process.send!({ cpu: { cpu: process.cpuUsage(), times: times.splice(0), gaps: gaps.splice(0), loop } });
    } else if (args.profile && m.profile === 'start')
      void post('Profiler.enable').then(() => post('Profiler.start'));
    else if (args.profile && m.profile === 'stop')
      void post('Profiler.stop').then((r) => {
        // The folder may not exist yet (BENCH_API_PROFILE names where to put the profiles).
        mkdirSync(args.profile!, { recursive: true });
        const file = join(args.profile!, `${m.name}.cpuprofile`);
        writeFileSync(file, JSON.stringify((r as { profile: unknown }).profile));
        process.send!({ profiled: file });
      });
  });
}

// Last, once every declaration above is initialised.
if (process.argv[2] === '--serve') await serveChild();
else await main();
