/**
 * Whole-process times of the built CLI (issue 7): `node -e 0`, `juesuan --help` and `juesuan validate` on the example,
 * each run a fresh `node` process, side by side with their ratio to `node -e 0` (aims: --help ≤ 4×, validate ≤ 8×).
 * The commands take turns run by run, so that a change in the machine's load falls on all of them alike; the median
 * is reported, with the fastest run beside it (the least disturbed by other work on the machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Measured {
  label: string;
  args: string[];
  /** Aim as a multiple of `node -e 0`. */
  aim?: number;
  times: number[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Newest modification time (ms) of the files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile() && s.mtimeMs > t) t = s.mtimeMs;
  }
  return t;
}

function runOnce(args: string[], cwd: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} 退出码 ${r.status}：${r.stderr}`);
  return ms;
}

export function printProcessTimes(root = process.cwd()): void {
  const runs = Number(process.env['BENCH_PROCESS_RUNS'] ?? 15);
  const bin = join(root, 'packages/cli/bin/juesuan.js');
  const built = ['core', 'cli'].map((p) => join(root, 'packages', p, 'dist'));
  if (!built.every((d) => existsSync(d))) {
    console.log('整进程时间：跳过（尚未构建，先运行 npm run build）');
    return;
  }
  const stale = ['core', 'cli'].filter(
    (p) => newest(join(root, 'packages', p, 'src')) > newest(join(root, 'packages', p, 'dist')),
  );
  if (stale.length > 0)
    console.log(`注意：packages/${stale.join('、')} 的 dist 比源文件旧，先运行 npm run build`);
  const example = 'examples/changji-2022.yaml';
  const cases: Measured[] = [
    { label: 'node -e 0', args: ['-e', '0'], times: [] },
    { label: 'juesuan --help', args: [bin, '--help'], aim: 4, times: [] },
    { label: `juesuan validate ${example}`, args: [bin, 'validate', example], aim: 8, times: [] },
  ];
  // Two unmeasured rounds fill the file system cache.
  for (let i = 0; i < runs + 2; i++) {
    for (const c of cases) {
      const ms = runOnce(c.args, root);
      if (i >= 2) c.times.push(ms);
    }
  }
  const base = median(cases[0]!.times);
  const width = Math.max(...cases.map((c) => c.label.length));
  console.log(`整进程时间（构建后的 CLI，每次一个新的 node 进程；${runs} 次的中位数，括号内为最快一次）：`);
  for (const c of cases) {
    const m = median(c.times);
    const min = Math.min(...c.times);
    let line = `  ${c.label.padEnd(width)}  ${m.toFixed(0).padStart(5)} ms（${min.toFixed(0)}）`;
    if (c.aim !== undefined) {
      const ratio = m / base;
      line += `  node -e 0 的 ${ratio.toFixed(1)} 倍（目标 ≤ ${c.aim} 倍${ratio <= c.aim ? '，达到' : '，未达到'}）`;
    }
    console.log(line);
  }
}
