/**
 * Where validation time goes, rule by rule (a developer's tool, not part of `npm run bench`):
 * `node bench/bundle-and-run.mjs bench/rule-times.ts` validates 3,000 generated units with each rule's
 * check timed and prints the 30 costliest rules (share of the run, µs per unit). The timing adds a little
 * to every rule; compare rules with each other, not the total with bench/validate.ts.
 */
import { performance } from 'node:perf_hooks';
import { ALL_RULES, disclosureFromData, validateDisclosure } from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
const N = Number(process.env['BENCH_UNITS'] ?? 3000);
const kinds = ['行政', '参公', '事业'] as const;
const units = Array.from({ length: N }, (_, i) =>
  disclosureFromData(generateUnitData({ seed: i + 1, kind: kinds[i % 3]!, rounded: true })),
);
const times = new Map<string, number>();
for (const r of ALL_RULES) {
  const orig = r.check.bind(r);
  (r as { check: (typeof ALL_RULES)[number]['check'] }).check = (ctx) => {
    const t = performance.now();
    orig(ctx);
    times.set(r.id, (times.get(r.id) ?? 0) + performance.now() - t);
  };
}
for (let i = 0; i < 500; i++) validateDisclosure(units[i]!);
times.clear();
const t0 = performance.now();
let nf = 0;
for (const u of units) nf += validateDisclosure(u).findings.length;
const total = performance.now() - t0;
const sum = [...times.values()].reduce((a, b) => a + b, 0);
console.log('total', total.toFixed(0), 'ms; in rules', sum.toFixed(0), 'findings', nf);
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(
    ((v / total) * 100).toFixed(1).padStart(5) + '%',
    ((v / N) * 1000).toFixed(1).padStart(6) + ' µs',
    k,
  );
