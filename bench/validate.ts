/**
 * Validation alone (issue 7): generated units of realistic size through the whole rule catalogue on one
 * core, as in run.ts but without the process, build and audit parts. `node bench/bundle-and-run.mjs bench/validate.ts`.
 * Reports units/s (target ≥ 5,000) and how many findings were made; BENCH_EXACT=1 generates exact units.
 * Each round validates models built afresh from the data (outside the timing), as a batch validates each unit
 * once: whatever the rules cache on a model's rows is not carried from one round to the next. The models of
 * the round before are collected before the timing starts, so that the round pays only for its own garbage.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ALL_RULES, disclosureFromData, validateDisclosure } from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
import { machineReferenceLine } from './machine-reference.ts';

const N = Number(process.env['BENCH_UNITS'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const kinds = ['行政', '参公', '事业'] as const;
const data = Array.from({ length: N }, (_, i) =>
  generateUnitData({ seed: i + 1, kind: kinds[i % 3]!, rounded: !process.env['BENCH_EXACT'] }),
);
console.log(machineReferenceLine());
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
let units: ReturnType<typeof disclosureFromData>[] = [];
const load = () => {
  units = [];
  collect();
  units = data.map((x) => disclosureFromData(x));
  collect();
};
load();
for (let i = 0; i < Math.min(500, N); i++) validateDisclosure(units[i]!);
const rates: number[] = [];
const cpuRates: number[] = [];
let findings = 0;
let errors = 0;
let chars = 0;
for (let r = 0; r < ROUNDS; r++) {
  load();
  findings = 0;
  errors = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const u of units) {
    const o = validateDisclosure(u);
    findings += o.findings.length;
    errors += o.summary.error;
  }
  rates.push((N / (performance.now() - t0)) * 1000);
  const c = process.cpuUsage(c0);
  cpuRates.push((N / ((c.user + c.system) / 1000)) * 1000);
}
// Reading every message once shows that findings are complete data, not deferred work.
for (let i = 0; i < Math.min(200, N); i++)
  for (const f of validateDisclosure(units[i]!).findings) chars += f.message.length;
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
console.log(
  `规则校验（${ALL_RULES.length} 条规则，${N} 个单位，${ROUNDS} 轮）：中位 ${Math.round(rates[Math.floor(ROUNDS / 2)]!)} 单位/秒（目标 ≥ 5,000），各轮 ${rates.map((x) => Math.round(x)).join('、')}；按 CPU 时间中位 ${Math.round(cpuRates[Math.floor(ROUNDS / 2)]!)} 单位/秒；每轮 ${findings} 条发现，其中错误 ${errors} 个；前 200 个单位的消息共 ${chars} 字`,
);
