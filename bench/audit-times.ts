/**
 * `juesuan audit` as a user runs it, against pdftotext (poppler) on the same files (issue 9, "Fast and lean"):
 *  - each fixture PDF, whole process: wall and CPU time, peak memory (aims: ≤ 15× pdftotext, ≤ 300 MB);
 *  - a warm batch (`--jobs 2`): time per page against pdftotext on the same files two at a time (aim ≤ 3×);
 *  - a batch of ≥ 200 PDFs (copies of the fixtures and of units built through LibreOffice) with `--jobs 2`, and what
 *    that makes for 1,000 PDFs of 25 pages (aim < 5 minutes), with its peak memory.
 * Medians of BENCH_AUDIT_REPEAT runs (default 5; the batch BENCH_AUDIT_BATCH_REPEAT, default 1) with min–max, as the
 * machine is shared. CPU time (user + system) is printed beside wall time: it moves less with the load of others.
 *
 * What runs: the built CLI (packages/cli/dist, `node packages/cli/bin/juesuan.js`) when it exists; otherwise the
 * audit command bundled by esbuild into node_modules/.cache (never tsx, whose start alone costs more than the aims).
 * `npx tsx bench/audit-times.ts` runs it alone; bench/run.ts calls `auditTimes()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, builtinProfile, disclosureFromData, writeDocx } from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
import { convertWithLibreOffice } from '../packages/cli/src/pdf.ts';
import { hasTool, missingToolMessage } from '../packages/cli/src/tools.ts';

/** The repository: benchmarks run from its root (`npm run bench`, bundle-and-run.mjs). */
const root = process.cwd();

const AIM = { wholeProcess: 15, memoryMb: 300, perPage: 3, thousandMinutes: 5 };

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
  code: number | null;
}

/**
 * Runs a command under GNU time: wall seconds (measured here: GNU time prints hundredths only), CPU seconds of the
 * command and its children, peak resident memory (MB).
 */
function timed(cmd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const fmt = '%e %U %S %M';
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', `JUESUAN_TIME ${fmt}`, cmd, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /JUESUAN_TIME (\S+) (\S+) (\S+) (\d+)/.exec(err);
      if (!m) return reject(new Error(`${cmd} ${args.join(' ')}：没有计时结果。${err.slice(-500)}`));
      const wall = (performance.now() - t0) / 1000;
      resolve({ wall, cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, code });
    });
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Stats {
  wall: number;
  wallMin: number;
  wallMax: number;
  cpu: number;
  rssMb: number;
}

function stats(runs: readonly Run[]): Stats {
  const walls = runs.map((r) => r.wall);
  return {
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(runs.map((r) => r.cpu)),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
  };
}

async function repeat(n: number, f: () => Promise<Run>): Promise<Stats> {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) runs.push(await f());
  return stats(runs);
}

const ms = (s: number) => `${Math.round(s * 1000)} ms`;
const spread = (s: Stats) => `${ms(s.wall)}（${ms(s.wallMin)}–${ms(s.wallMax)}）`;
const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? '达标' : '未达标');

/** The command that runs `juesuan`: the built CLI, or the audit command bundled into node_modules/.cache. */
async function juesuanCommand(): Promise<{ cmd: string; args: string[]; what: string }> {
  if (existsSync(join(root, 'packages/cli/dist/main.js')))
    return {
      cmd: process.execPath,
      args: [join(root, 'packages/cli/bin/juesuan.js')],
      what: '已构建的 CLI（packages/cli/dist）',
    };
  const { build } = await import('esbuild');
  const dir = join(root, 'node_modules/.cache/juesuan-audit-times');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node20',
    // Dependencies stay packages, resolved from the repository's node_modules (the cache is inside it).
    external: [
      'yaml',
      'zod',
      'exceljs',
      'pdfjs-dist',
      'echarts',
      'docx',
      'jszip',
      '@resvg/resvg-js',
      'playwright-core',
    ],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning' as const,
  };
  // The audit command as `juesuan audit` reaches it (main.ts loads each command only when it runs); the worker
  // beside it where the command looks for it (../audit-worker.js).
  await build({
    ...common,
    stdin: {
      contents:
        "import { auditCommand } from './packages/cli/src/commands/audit.ts';\n" +
        "const io = { out: (s) => process.stdout.write(s + '\\n'), err: (s) => process.stderr.write(s + '\\n') };\n" +
        'process.exitCode = await auditCommand(process.argv.slice(3), io);\n',
      resolveDir: root,
      sourcefile: 'juesuan-audit.ts',
      loader: 'ts',
    },
    outfile: join(dir, 'bin/juesuan.mjs'),
  });
  await build({
    ...common,
    entryPoints: [join(root, 'packages/cli/src/audit-worker-impl.ts')],
    outfile: join(dir, 'audit-worker.js'),
  });
  return {
    cmd: process.execPath,
    args: [join(dir, 'bin/juesuan.mjs')],
    what: 'esbuild 打包的 audit 命令（node_modules/.cache，未构建 CLI 时）',
  };
}

function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
  if (!m) throw new Error(`pdfinfo ${file} 失败：${r.stderr}`);
  return Number(m[1]);
}

/** pdftotext over files, `jobs` at a time: wall seconds and CPU seconds of all of them. */
async function pdftotextBatch(files: readonly string[], jobs: number): Promise<Run> {
  const list = join(mkdtempSync(join(tmpdir(), 'juesuan-p2t-')), 'files');
  writeFileSync(list, files.join('\0'));
  // xargs runs them in parallel; GNU time measures the whole (its children's CPU included). The list comes as $1.
  const script = `xargs -0 -n 1 -P ${jobs} sh -c 'pdftotext -enc UTF-8 "$0" /dev/null' < "$1"`;
  const r = await timed('sh', ['-c', script, 'sh', list]);
  if (r.code !== 0) throw new Error(`pdftotext 批量运行失败（退出码 ${r.code}）`);
  return r;
}

/**
 * pdftotext on one file, `n` times in one shell loop: GNU time counts CPU in hundredths of a second, too coarse for a
 * 20 ms run, so a run's CPU is the loop's divided by n (its wall time is measured per loop the same way).
 */
async function pdftotextOnce(file: string, n = 10): Promise<Run> {
  const r = await timed('sh', [
    '-c',
    'i=0; while [ $i -lt "$2" ]; do pdftotext -enc UTF-8 "$1" /dev/null || exit 1; i=$((i+1)); done',
    'sh',
    file,
    String(n),
  ]);
  if (r.code !== 0) throw new Error(`pdftotext ${file} 失败`);
  return { ...r, wall: r.wall / n, cpu: r.cpu / n };
}

/** PDFs of generated units through LibreOffice, two conversions at a time (not timed). */
async function generatedPdfs(n: number, dir: string): Promise<string[]> {
  const profiles = ['xinjiang-2022', 'central', 'shanghai-2024'] as const;
  const out: string[] = new Array<string>(n);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < n) {
        const i = next++;
        const profile = profiles[i % 3]!;
        const d = disclosureFromData(generateUnitData({ seed: 9000 + i, rounded: true, profile }));
        const file = join(dir, `unit-${i + 1}-${profile}.pdf`);
        writeFileSync(
          file,
          await convertWithLibreOffice(await writeDocx(buildReport(d, builtinProfile(profile))), 'docx'),
        );
        out[i] = file;
      }
    }),
  );
  return out;
}

export async function auditTimes(): Promise<void> {
  const missing = ['pdftotext', 'pdfinfo', 'soffice', '/usr/bin/time'].filter((t) => !hasTool(t));
  if (missing.length > 0) {
    console.log(
      `juesuan audit 整体耗时对比 pdftotext：跳过（缺少 ${missing.join('、')}。${missing
        .filter((t) => !t.startsWith('/'))
        .map((t) => missingToolMessage(t))
        .join(' ')}）`,
    );
    return;
  }
  const R = Number(process.env['BENCH_AUDIT_REPEAT'] ?? 5);
  const RB = Number(process.env['BENCH_AUDIT_BATCH_REPEAT'] ?? 1);
  const units = Number(process.env['BENCH_AUDIT_UNITS'] ?? 4);
  const batchSize = Math.max(200, Number(process.env['BENCH_AUDIT_BATCH'] ?? 200));
  const fixtureDir = [join(root, '../shared/fixtures/real'), '/work/shared/fixtures/real'].find((d) =>
    existsSync(d),
  );
  const fixtures = fixtureDir
    ? readdirSync(fixtureDir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => join(fixtureDir, f))
    : [];
  const juesuan = await juesuanCommand();
  const [load] = loadavg();
  const cores = availableParallelism();
  const tmp = mkdtempSync(join(tmpdir(), 'juesuan-audit-times-'));
  try {
    console.log(
      `juesuan audit 对比 pdftotext（同一文件；中位数与最小–最大值，${R} 次；CPU 为用户态 + 内核态）。运行：${juesuan.what}`,
    );
    if (load! > cores)
      console.log(
        `  注意：机器负载 ${load!.toFixed(1)}（${cores} 核），其他进程在争用处理器，墙钟时间与其比值偏大且不稳定；CPU 时间之比更可靠。`,
      );
    // 1. Whole process on each fixture.
    for (const file of fixtures) {
      const pages = pdfPages(file);
      const p2t = await repeat(R, () => pdftotextOnce(file));
      const js = await repeat(R, () => timed(juesuan.cmd, [...juesuan.args, 'audit', file]));
      const ratio = js.wall / p2t.wall;
      console.log(
        `  整个进程 · ${basename(file)}（${pages} 页）：pdftotext ${spread(p2t)}，CPU ${ms(p2t.cpu)}，内存 ${p2t.rssMb.toFixed(0)} MB；` +
          `juesuan audit ${spread(js)}，CPU ${ms(js.cpu)}，峰值内存 ${js.rssMb.toFixed(0)} MB；` +
          `为 pdftotext 的 ${times(js.wall, p2t.wall)}（CPU ${times(js.cpu, p2t.cpu)}；目标 ≤ ${AIM.wholeProcess}×，${verdict(ratio <= AIM.wholeProcess)}），` +
          `内存目标 ≤ ${AIM.memoryMb} MB，${verdict(js.rssMb <= AIM.memoryMb)}`,
      );
    }
    // 2–3. A batch of ≥ 200 PDFs: copies of the fixtures and of generated units.
    const sources = [...fixtures, ...(await generatedPdfs(units, tmp))];
    const dir = join(tmp, 'batch');
    mkdirSync(dir);
    const batch: string[] = [];
    let pages = 0;
    const pagesOf = new Map(sources.map((f) => [f, pdfPages(f)]));
    for (let i = 0; i < batchSize; i++) {
      const src = sources[i % sources.length]!;
      const file = join(dir, `${String(i + 1).padStart(4, '0')}-${basename(src)}`);
      copyFileSync(src, file);
      batch.push(file);
      pages += pagesOf.get(src)!;
    }
    const p2t = await repeat(RB, () => pdftotextBatch(batch, 2));
    const js = await repeat(RB, () => {
      rmSync(join(tmp, 'out'), { recursive: true, force: true });
      return timed(juesuan.cmd, [...juesuan.args, 'audit', dir, '--jobs', '2', '--out', join(tmp, 'out')]);
    });
    const perPage = (s: Stats) => `${((s.wall * 1000) / pages).toFixed(2)} ms/页`;
    const ratio = js.wall / p2t.wall;
    console.log(
      `  批量（--jobs 2，进程常驻）· ${batch.length} 个 PDF、${pages} 页（${fixtures.length} 个真实文件与 ${units} 个生成单位的副本）：` +
        `pdftotext（同样两个并行）${perPage(p2t)}，共 ${ms(p2t.wall)}；juesuan audit ${perPage(js)}，共 ${spread(js)}，CPU ${ms(js.cpu)}，峰值内存 ${js.rssMb.toFixed(0)} MB；` +
        `每页为 pdftotext 的 ${times(js.wall, p2t.wall)}（CPU ${times(js.cpu, p2t.cpu)}；目标 ≤ ${AIM.perPage}×，${verdict(ratio <= AIM.perPage)}）`,
    );
    const thousand = (js.wall * (1000 * 25)) / pages;
    // The same work with both cores to itself: its CPU time over two (what the machine gives when nothing else runs).
    const thousandIdle = (js.cpu * (1000 * 25)) / pages / Math.min(2, cores);
    console.log(
      `  折算 1,000 个 25 页的 PDF（--jobs 2）：按本次墙钟约 ${(thousand / 60).toFixed(1)} 分钟（目标 < ${AIM.thousandMinutes} 分钟，${verdict(thousand < AIM.thousandMinutes * 60)}）；` +
        `按 CPU 时间、两核无他用时约 ${(thousandIdle / 60).toFixed(1)} 分钟；` +
        `批量峰值内存 ${js.rssMb.toFixed(0)} MB（目标 ≤ ${AIM.memoryMb} MB，${verdict(js.rssMb <= AIM.memoryMb)}）`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (fileURLToPath(import.meta.url).endsWith('audit-times.ts')) await auditTimes();
