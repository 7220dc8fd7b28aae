/**
 * A fixed amount of plain JavaScript work that uses none of Juesuan's code, timed beside the figures: the
 * speed of this machine's core at the time of the run. The shared machines this project is measured on
 * differ from day to day by up to 3× for the same code (the same code validated about 3,500 units/s on one
 * day and about 1,150 on another); a figure read together with this one says whether the code or the machine changed.
 *
 * The work resembles the rules' kind of work: small objects, Map lookups by string, integer arithmetic,
 * string building and a JSON round trip. It is the same on every run (no randomness), about 0.1–0.3 s.
 */
import { performance } from 'node:perf_hooks';

function work(): number {
  const rows: { key: string; code: string; values: { a: number; b: number } }[] = [];
  for (let i = 0; i < 20_000; i++)
    rows.push({ key: `r${i}`, code: String(2010000 + (i % 997)), values: { a: i * 37, b: (i * 53) % 1001 } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let sum = 0;
  let text = '';
  for (let round = 0; round < 10; round++)
    for (let i = 0; i < rows.length; i++) {
      const r = byKey.get(`r${(i * 7919) % rows.length}`)!;
      sum += r.values.a - r.values.b;
      if (i % 50 === 0) text += `「${r.code}」行${r.values.a % 100}；`;
    }
  const back = JSON.parse(JSON.stringify(rows)) as typeof rows;
  back.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return sum + text.length + back.length;
}

/** Median milliseconds of `runs` runs of the fixed work (after one warm-up run). */
export function machineReferenceMs(runs = 5): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (work() === 0) throw new Error('参考工作量的结果不应为 0');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1]!;
}

/** One line for a benchmark's output. */
export function machineReferenceLine(): string {
  return `本机参考：与本项目代码无关的固定工作量用时 ${machineReferenceMs().toFixed(0)} ms（越小越快；比较不同日子的数字时先比这一项）`;
}
