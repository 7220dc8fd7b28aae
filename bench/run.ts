/**
 * Benchmarks (figures, never timed tests). `npm run bench`:
 *  - validate: 10,000 generated units of realistic size through the whole rule catalogue, one core.
 *  - load: the same units read from their data-file form (zod validation + conversion to 分).
 * Target (issue 2): ≥ 5,000 units/s for validation on one core of the 2-core CI machine.
 */
import { performance } from 'node:perf_hooks';
import {
  ALL_RULES,
  disclosureFromData,
  generateUnitData,
  validateDisclosure,
  type Disclosure,
} from '@juesuan/core';

const N = Number(process.env['BENCH_UNITS'] ?? 10_000);
const kinds = ['行政', '参公', '事业'] as const;

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

console.log(`Juesuan 基准测试 · Node ${process.version} · ${ALL_RULES.length} 条规则 · ${N} 个生成单位`);

let t0 = performance.now();
const data = Array.from({ length: N }, (_, i) =>
  generateUnitData({ seed: i + 1, kind: kinds[i % 3]!, rounded: !process.env['BENCH_EXACT'] }),
);
const genMs = performance.now() - t0;

t0 = performance.now();
const units: Disclosure[] = data.map((x) => disclosureFromData(x));
const loadMs = performance.now() - t0;

let rows = 0;
for (const u of units) for (const t of Object.values(u.tables)) rows += t.rows.length;

// Warm up, then measure.
for (let i = 0; i < Math.min(500, N); i++) validateDisclosure(units[i]!);
t0 = performance.now();
let errors = 0;
let findings = 0;
for (const u of units) {
  const o = validateDisclosure(u);
  errors += o.summary.error;
  findings += o.findings.length;
}
const validateMs = performance.now() - t0;

console.log(`生成数据：${fmt(genMs)} ms`);
console.log(`平均每单位 ${fmt(rows / N, 1)} 行表格数据`);
console.log(`读入（校验格式并换算为分）：${fmt(loadMs)} ms，${fmt((N / loadMs) * 1000)} 单位/秒`);
console.log(
  `规则校验：${fmt(validateMs)} ms，${fmt((N / validateMs) * 1000)} 单位/秒（目标 ≥ 5,000）；共 ${findings} 条发现，其中错误 ${errors} 个`,
);
if (errors > 0) console.log('注意：生成的单位应无错误，出现错误说明生成器或规则有缺陷。');
