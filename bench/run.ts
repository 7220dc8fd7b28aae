/**
 * Benchmarks (figures, never timed tests). `npm run bench`:
 *  - validate: 10,000 generated units of realistic size through the whole rule catalogue, one core.
 *  - load: the same units read from their data-file form (zod validation + conversion to 分).
 * Target (issue 2): ≥ 5,000 units/s for validation on one core of the 2-core CI machine.
 *  - build: the whole publication without PDF for 1,000 units (issue 3 target ≥ 20 units/s).
 */
import { performance } from 'node:perf_hooks';
import {
  ALL_RULES,
  buildReport,
  builtinProfile,
  disclosureFromData,
  generateUnitData,
  validateDisclosure,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeMarkdown,
  writeXlsx,
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

// Building the whole publication (without PDF) for 1,000 units: DOCX, XLSX, HTML (with charts), Markdown, JSON, CSV.
const B = Number(process.env['BENCH_BUILD_UNITS'] ?? 1000);
const profiles = ['xinjiang-2022', 'central', 'shanghai-2024'] as const;
const perFormat = { build: 0, docx: 0, xlsx: 0, html: 0, md: 0, json: 0, csv: 0 };
let outBytes = 0;
const tb = performance.now();
for (let i = 0; i < B; i++) {
  const u = units[i % units.length]!;
  let t = performance.now();
  const doc = buildReport(u, builtinProfile(profiles[i % 3]!));
  perFormat.build += performance.now() - t;
  t = performance.now();
  outBytes += (await writeDocx(doc)).length;
  perFormat.docx += performance.now() - t;
  t = performance.now();
  outBytes += (await writeXlsx(doc)).length;
  perFormat.xlsx += performance.now() - t;
  t = performance.now();
  outBytes += writeHtml(doc).length;
  perFormat.html += performance.now() - t;
  t = performance.now();
  outBytes += writeMarkdown(doc).length;
  perFormat.md += performance.now() - t;
  t = performance.now();
  outBytes += writeJson(doc, u).length;
  perFormat.json += performance.now() - t;
  t = performance.now();
  outBytes += writeCsv(doc).length;
  perFormat.csv += performance.now() - t;
}
const buildMs = performance.now() - tb;
console.log(
  `生成全套公开文件（DOCX、XLSX、HTML、Markdown、JSON、CSV，不含 PDF）：${B} 个单位 ${fmt(buildMs)} ms，${fmt((B / buildMs) * 1000, 1)} 单位/秒（目标 ≥ 20）；输出 ${fmt(outBytes / 1024 / 1024, 1)} MB`,
);
console.log(`  其中每单位平均：${Object.entries(perFormat).map(([k, v]) => `${k} ${fmt(v / B, 1)} ms`).join('，')}`);
