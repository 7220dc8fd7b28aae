/**
 * Benchmarks (figures, never timed tests). `npm run bench`:
 *  - whole processes: `node -e 0`, `juesuan --help`, `juesuan validate` of the example (process-times.ts).
 *  - validate: 10,000 generated units of realistic size through the whole rule catalogue, one core.
 *  - load: the same units read from their data-file form (zod validation + conversion to 分).
 * Target (issue 2): ≥ 5,000 units/s for validation on one core of the 2-core CI machine.
 *  - build: the whole publication without PDF for 1,000 units (issue 3 target ≥ 20 units/s).
 *  - audit: PDFs (the real fixtures and a few generated units through LibreOffice) read and audited, against pdftotext
 *    on the same files, per page (issue 4 target ≤ 3× pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import {
  ALL_RULES,
  auditDocument,
  auditTextDocument,
  buildReport,
  builtinProfile,
  disclosureFromData,
  readDocument,
  validateDisclosure,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeMarkdown,
  writeXlsx,
  type Disclosure,
} from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
import { pdfjsAssets } from '../packages/cli/src/audit-run.ts';
import { convertWithLibreOffice } from '../packages/cli/src/pdf.ts';
import { hasTool, missingToolMessage } from '../packages/cli/src/tools.ts';
import { printProcessTimes } from './process-times.ts';
import { auditTimes } from './audit-times.ts';
import { machineReferenceLine } from './machine-reference.ts';

const N = Number(process.env['BENCH_UNITS'] ?? 10_000);
const kinds = ['行政', '参公', '事业'] as const;

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

console.log(`Juesuan 基准测试 · Node ${process.version} · ${ALL_RULES.length} 条规则 · ${N} 个生成单位`);
// First, while nothing else of the benchmark is in memory: start-up of the built CLI as whole processes.
printProcessTimes();
console.log(machineReferenceLine());

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
// As the CLI writes them: the Office packages' parts compressed with Node's zlib.
const office = { deflate: deflateRawSync };
let outBytes = 0;
const tb = performance.now();
// CPU time as well: on a shared machine the wall clock also counts the time other processes held the core.
const cb = process.cpuUsage();
for (let i = 0; i < B; i++) {
  const u = units[i % units.length]!;
  let t = performance.now();
  const doc = buildReport(u, builtinProfile(profiles[i % 3]!));
  perFormat.build += performance.now() - t;
  t = performance.now();
  outBytes += (await writeDocx(doc, office)).length;
  perFormat.docx += performance.now() - t;
  t = performance.now();
  outBytes += (await writeXlsx(doc, office)).length;
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
const buildCpu = process.cpuUsage(cb);
const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;
console.log(
  `生成全套公开文件（DOCX、XLSX、HTML、Markdown、JSON、CSV，不含 PDF）：${B} 个单位 ${fmt(buildMs)} ms，${fmt((B / buildMs) * 1000, 1)} 单位/秒（目标 ≥ 20）；输出 ${fmt(outBytes / 1024 / 1024, 1)} MB`,
);
console.log(
  `  其中每单位平均：${Object.entries(perFormat)
    .map(([k, v]) => `${k} ${fmt(v / B, 1)} ms`)
    .join('，')}`,
);
console.log(
  `  CPU 时间：每单位 ${fmt(buildCpuMs / B, 1)} ms，${fmt((B / buildCpuMs) * 1000, 1)} 单位/秒/核（墙钟时间为 CPU 时间的 ${fmt(buildMs / buildCpuMs, 1)} 倍：其余为等待其他进程）`,
);

// Auditing PDFs against pdftotext (poppler) on the same files (issue 4 target: ≤ 3× pdftotext's time per page). The real
// fixtures of ../shared/fixtures/real and a few PDFs built from generated units through LibreOffice (not timed).
await auditBench();
await auditTimes();

async function auditBench(): Promise<void> {
  const A = Number(process.env['BENCH_AUDIT_UNITS'] ?? 4);
  const R = Number(process.env['BENCH_AUDIT_REPEAT'] ?? 3);
  const missing = ['pdftotext', 'soffice'].filter((t) => !hasTool(t));
  if (missing.length > 0) {
    console.log(
      `审查 PDF 对比 pdftotext：跳过（缺少 ${missing.join('、')}。${missing.map((t) => missingToolMessage(t)).join(' ')}）`,
    );
    return;
  }
  const fixtureDir = [join(process.cwd(), '../shared/fixtures/real'), '/work/shared/fixtures/real'].find(
    (d) => existsSync(d),
  );
  const fixtures = fixtureDir
    ? readdirSync(fixtureDir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => join(fixtureDir, f))
    : [];
  const tmp = mkdtempSync(join(tmpdir(), 'juesuan-bench-audit-'));
  try {
    // PDFs of generated units, two LibreOffice conversions at a time.
    const generated: string[] = new Array(A);
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < A) {
          const i = next++;
          const profile = profiles[i % 3]!;
          const d = disclosureFromData(generateUnitData({ seed: 9000 + i, rounded: true, profile }));
          const file = join(tmp, `unit-${i + 1}-${profile}.pdf`);
          writeFileSync(
            file,
            await convertWithLibreOffice(await writeDocx(buildReport(d, builtinProfile(profile))), 'docx'),
          );
          generated[i] = file;
        }
      }),
    );
    const assets = pdfjsAssets();
    // pdfjs loads its worker code, CMaps and fonts on first use: warm up on one file.
    const warm = fixtures[0] ?? generated[0];
    if (warm) await auditDocument(new Uint8Array(readFileSync(warm)), warm, assets);
    const groups: [string, string[]][] = [
      [`真实 PDF（${fixtures.length} 个）`, fixtures],
      [`生成单位经 LibreOffice 的 PDF（${A} 个）`, generated],
    ];
    const all = { pages: 0, pdftotext: 0, read: 0, audit: 0 };
    for (const [name, files] of groups) {
      if (files.length === 0) {
        console.log(`审查 PDF 对比 pdftotext：${name}：没有文件，跳过`);
        continue;
      }
      const g = { pages: 0, pdftotext: 0, read: 0, audit: 0 };
      for (const file of files) {
        const bytes = new Uint8Array(readFileSync(file));
        for (let r = 0; r < R; r++) {
          let t = performance.now();
          const p = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
          g.pdftotext += performance.now() - t;
          if (p.status !== 0) throw new Error(`pdftotext ${file} 失败：${p.stderr.toString()}`);
          t = performance.now();
          const doc = await readDocument(bytes, file, assets);
          g.read += performance.now() - t;
          t = performance.now();
          auditTextDocument(doc);
          g.audit += performance.now() - t;
          if (r === 0) g.pages += doc.pages.length;
        }
      }
      for (const k of ['pdftotext', 'read', 'audit'] as const) g[k] /= R;
      for (const k of ['pages', 'pdftotext', 'read', 'audit'] as const) all[k] += g[k];
      printAuditBench(name, g);
    }
    if (all.pages > 0) printAuditBench('合计', all);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function printAuditBench(
  name: string,
  g: { pages: number; pdftotext: number; read: number; audit: number },
): void {
  const perPage = (ms: number) => `${fmt(ms / g.pages, 1)} ms/页`;
  const total = g.read + g.audit;
  console.log(
    `审查 PDF 对比 pdftotext · ${name}，${g.pages} 页：pdftotext ${perPage(g.pdftotext)}；juesuan audit ${perPage(total)}（读取 ${perPage(g.read)}，审查 ${perPage(g.audit)}）；每页为 pdftotext 的 ${fmt(total / g.pdftotext, 1)} 倍（目标 ≤ 3 倍）`,
  );
}
