/**
 * Building the whole publication without PDF (DOCX, XLSX, HTML with charts, Markdown, JSON, CSV), on its own:
 * `node bench/bundle-and-run.mjs bench/build.ts` (BENCH_BUILD_UNITS, default 200). Issue 7 target: ≥ 20 units/s on
 * one core, read from the CPU time (the machine is shared, so the wall clock also counts other processes).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import {
  buildReport,
  builtinProfile,
  disclosureFromData,
  loadDisclosure,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeMarkdown,
  writeXlsx,
  type Disclosure,
} from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';

const B = Number(process.env['BENCH_BUILD_UNITS'] ?? 200);
const W = Number(process.env['BENCH_BUILD_WARMUP'] ?? 20);
const kinds = ['行政', '参公', '事业'] as const;
const profiles = ['xinjiang-2022', 'central', 'shanghai-2024'] as const;
const generated: Disclosure[] = Array.from({ length: Math.min(B, 300) }, (_, i) =>
  disclosureFromData(generateUnitData({ seed: i + 1, kind: kinds[i % 3]!, rounded: true })),
);
// The examples as well: qingsui-2024 carries three 绩效自评表 and longer texts than a generated unit.
const examples = ['changji-2022', 'qingsui-2024'].map((name) => {
  const file = `examples/${name}.yaml`;
  return { name, d: loadDisclosure(readFileSync(file, 'utf8'), { file }) };
});
// As the CLI writes them: the Office packages' parts compressed with Node's zlib, its CPU time counted apart (it is
// part of the DOCX and XLSX figures).
let deflateMs = 0;
const office = {
  deflate: (data: Uint8Array): Uint8Array => {
    const c = process.cpuUsage();
    const out = deflateRawSync(data);
    const d = process.cpuUsage(c);
    deflateMs += (d.user + d.system) / 1000;
    return out;
  },
};

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

type Times = Record<'build' | 'docx' | 'xlsx' | 'html' | 'md' | 'json' | 'csv', number>;

/** Per-format CPU time (user + system) in ms, summed over `n` units. */
async function run(
  units: Disclosure[],
  n: number,
  profileOf: (i: number, u: Disclosure) => string = (i) => profiles[i % 3]!,
): Promise<{ cpu: Times; deflateMs: number; wallMs: number; cpuMs: number; bytes: number }> {
  const cpu: Times = { build: 0, docx: 0, xlsx: 0, html: 0, md: 0, json: 0, csv: 0 };
  deflateMs = 0;
  let bytes = 0;
  let c = process.cpuUsage();
  const lap = (k: keyof Times) => {
    const d = process.cpuUsage(c);
    cpu[k] += (d.user + d.system) / 1000;
    c = process.cpuUsage();
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const u = units[i % units.length]!;
    c = process.cpuUsage();
    const doc = buildReport(u, builtinProfile(profileOf(i, u)));
    lap('build');
    bytes += (await writeDocx(doc, office)).length;
    lap('docx');
    bytes += (await writeXlsx(doc, office)).length;
    lap('xlsx');
    bytes += writeHtml(doc).length;
    lap('html');
    bytes += writeMarkdown(doc).length;
    lap('md');
    bytes += writeJson(doc, u).length;
    lap('json');
    bytes += writeCsv(doc).length;
    lap('csv');
  }
  const wallMs = performance.now() - t0;
  const d = process.cpuUsage(c0);
  return { cpu, deflateMs, wallMs, cpuMs: (d.user + d.system) / 1000, bytes };
}

function print(name: string, n: number, r: Awaited<ReturnType<typeof run>>): void {
  console.log(
    `${name}：${n} 个单位，CPU ${fmt(r.cpuMs)} ms，${fmt((n / r.cpuMs) * 1000, 1)} 单位/秒/核（目标 ≥ 20）；墙钟 ${fmt(r.wallMs)} ms，${fmt((n / r.wallMs) * 1000, 1)} 单位/秒；每单位输出 ${fmt(r.bytes / n / 1024)} KB`,
  );
  console.log(
    `  每单位 CPU：${Object.entries(r.cpu)
      .map(([k, v]) => `${k} ${fmt(v / n, 2)} ms`)
      .join('，')}（DOCX 与 XLSX 中 zlib 压缩共 ${fmt(r.deflateMs / n, 2)} ms）`,
  );
}

console.log(`生成全套公开文件（DOCX、XLSX、HTML 含图表、Markdown、JSON、CSV，不含 PDF），一个核，CPU 时间：`);
await run(generated, W);
print('生成的单位', B, await run(generated, B));
const E = Math.max(1, Math.round(B / 4));
for (const { name, d } of examples) {
  const profile = d.profile ?? 'central';
  await run([d], W, () => profile);
  print(`示例 ${name}（口径 ${profile}）`, E, await run([d], E, () => profile));
}
