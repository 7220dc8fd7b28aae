/**
 * Audit reports for people: Chinese text for the terminal, one self-contained HTML page (a summary that puts the
 * worst files first and links to each file's section, then one section per file), a CSV summary of many files.
 * A single file's HTML report is a batch report of one file, so both read the same.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { findingPage, findingQuote } from '@juesuan/core/audit';
import { summaryRow, type AuditJson } from './audit-run.ts';

const SEV = { error: '错误', warning: '警告', info: '提示' } as const;
const SEV_ORDER = { error: 0, warning: 1, info: 2 } as const;
const STATUS = { read: '已读出', unreadable: '无法可靠读出', missing: '未找到', empty: '空表' } as const;

type AuditFindingJson = AuditJson['findings'][number];

/**
 * Where a finding points and the text it quotes. The only place that knows how a finding stores them, so that
 * findings carrying `location[]` (page, quote, label) change this function alone.
 */
export function findingPlace(f: AuditFindingJson): { page?: number; quote?: string; label?: string } {
  const place: { page?: number; quote?: string; label?: string } = {};
  const page = findingPage(f);
  const quote = findingQuote(f);
  if (page !== undefined) place.page = page;
  if (quote) place.quote = quote;
  return place;
}

/** Findings worst first, then in page order (a finding without a page last in its severity). */
function sortedFindings(findings: readonly AuditFindingJson[]): AuditFindingJson[] {
  const page = (f: AuditFindingJson) => findingPlace(f).page ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || page(a) - page(b));
}

export function auditText(r: AuditJson): string {
  const out: string[] = [];
  const what = `${r.kind.toUpperCase()}，${r.pages} 页`;
  // A document the audit refused (a budget publication, some other text) is not called a 决算公开.
  out.push(
    r.findings.some((f) => f.rule === 'document-not-disclosure')
      ? `审查 ${r.file}：不是部门决算公开文件（${what}）`
      : `审查 ${r.file}：${r.unit ?? '（未识别单位）'} ${r.year ?? '（未识别年度）'} 年度决算公开（${what}）`,
  );
  out.push(
    `读出数字 ${r.figures.length} 个；报表：${r.tables.map((t) => `${t.id.toUpperCase()} ${STATUS[t.status]}`).join('，') || '未找到报表'}`,
  );
  out.push('');
  for (const f of sortedFindings(r.findings)) {
    const { page, quote, label } = findingPlace(f);
    const where = [page !== undefined ? `第 ${page} 页` : '', label ?? ''].filter(Boolean).join(' ');
    out.push(`[${SEV[f.severity]}] ${where ? `${where} ` : ''}${f.message}  〔${f.rule}〕`);
    if (quote) out.push(`    原文：“${quote.length > 160 ? quote.slice(0, 160) + '…' : quote}”`);
    if (f.expected !== undefined || f.actual !== undefined)
      out.push(`    应为：${f.expected ?? '—'}；实为：${f.actual ?? '—'}`);
  }
  for (const t of r.tables.filter((x) => x.status === 'unreadable'))
    out.push(`[说明] ${t.id.toUpperCase()} ${t.title}：${t.reason ?? '无法可靠读出'}，未据此检查数字`);
  out.push('');
  out.push(`结论：错误 ${r.summary.error} 个，警告 ${r.summary.warning} 个，提示 ${r.summary.info} 个。`);
  return out.join('\n');
}

/** Text from a document or a file name made safe for HTML text and attribute values. */
export const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One audited file's line in summary.csv and in the HTML summary. */
export interface SummaryRow {
  file: string;
  unit?: string;
  year?: number;
  errors?: number;
  warnings?: number;
  infos?: number;
  figures?: number;
  tablesRead?: number;
  status: string;
}

export function summaryCsv(rows: readonly SummaryRow[]): string {
  const header = ['file', 'unit', 'year', 'errors', 'warnings', 'infos', 'figures', 'tables_read', 'status'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.file,
        r.unit ?? '',
        r.year?.toString() ?? '',
        r.errors?.toString() ?? '',
        r.warnings?.toString() ?? '',
        r.infos?.toString() ?? '',
        r.figures?.toString() ?? '',
        r.tablesRead?.toString() ?? '',
        r.status,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------------------------
// The HTML report

/** A file of a batch as the report needs it: its summary line and section body, or why it could not be read. */
export type ReportEntry =
  { file: string; ok: true; row: SummaryRow; section: string } | { file: string; ok: false; error: string };

/** The status summaryRow gives a scanned document, and what it means for the reviewer. */
const SCANNED = '扫描件';
const DAMAGED = '文件已损坏';

/** Why a file's figures could not be checked, or undefined when they could. */
function unreadableReason(e: ReportEntry): string | undefined {
  if (!e.ok) return cleanReason(e.error, e.file);
  if (e.row.status === SCANNED)
    return '扫描件：文档没有文字层，无法读取数字（请取得可复制文字的原件，或先做文字识别）';
  return undefined;
}

/** The reason of a refused file without the file's path in front (the report names the file beside it). */
function cleanReason(error: string, file: string): string {
  for (const sep of ['：', ' '])
    if (error.startsWith(file + sep)) return error.slice(file.length + sep.length);
  return error;
}

/**
 * Files worst first: those that could not be read at all, then by errors, warnings and notes, each descending;
 * files that compare equal keep the order they were given in.
 */
export function worstFirst(entries: readonly ReportEntry[]): number[] {
  const key = (e: ReportEntry) =>
    unreadableReason(e) !== undefined || !e.ok
      ? [0, 0, 0, 0]
      : [1, -(e.row.errors ?? 0), -(e.row.warnings ?? 0), -(e.row.infos ?? 0)];
  const keys = entries.map(key);
  return entries
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return ka[k]! - kb[k]!;
      return a - b;
    });
}

/** Names that tell the files apart: each path without the directory all of them share. */
export function displayNames(files: readonly string[]): string[] {
  if (files.length === 1) return [basename(files[0]!)];
  const parts = files.map((f) => f.split(/[\\/]/));
  let common = 0;
  const shortest = Math.min(...parts.map((p) => p.length - 1));
  while (common < shortest && parts.every((p) => p[common] === parts[0]![common])) common++;
  return parts.map((p) => p.slice(common).join('/'));
}

const anchor = (n: number) => `file-${n}`;

/** The body of one file's section (everything under its heading): what a worker renders for its file. */
export function fileSection(r: AuditJson): string {
  const body: string[] = [];
  const who = [r.unit ?? '（未识别单位）', r.year !== undefined ? `${r.year} 年度` : '（未识别年度）'];
  body.push(
    `<p class="meta">${esc(who.join(' · '))} · ${r.kind.toUpperCase()} · ${r.pages} 页 · 读出数字 ${r.figures.length} 个 · 错误 ${r.summary.error} · 警告 ${r.summary.warning} · 提示 ${r.summary.info}</p>`,
  );
  body.push(`<h3>发现（${r.findings.length} 条）</h3>`);
  if (r.findings.length === 0) body.push('<p>未发现问题。</p>');
  else {
    body.push(
      '<table class="findings"><colgroup><col class="c-sev"><col class="c-page"><col class="c-msg"><col class="c-quote"><col class="c-exp"><col class="c-act"><col class="c-rule"></colgroup>' +
        '<thead><tr><th>级别</th><th>位置</th><th>问题</th><th>原文</th><th>应为</th><th>实为</th><th>规则</th></tr></thead><tbody>',
    );
    for (const f of sortedFindings(r.findings)) {
      const { page, quote, label } = findingPlace(f);
      const where = [page !== undefined ? `第 ${page} 页` : '', label ? esc(label) : '']
        .filter(Boolean)
        .join('<br>');
      body.push(
        `<tr class="${f.severity}"><td class="sev"><span class="badge ${f.severity}">${SEV[f.severity]}</span></td><td class="page">${where}</td><td>${esc(f.message)}</td><td class="quote">${quote ? `“${esc(quote)}”` : ''}</td><td class="num">${esc(f.expected ?? '')}</td><td class="num">${esc(f.actual ?? '')}</td><td class="rule"><code>${esc(f.rule)}</code></td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }
  body.push('<h3>报表</h3>');
  if (r.tables.length === 0) body.push('<p>未找到报表。</p>');
  else {
    body.push('<ul class="tables">');
    for (const t of r.tables)
      body.push(
        `<li>${esc(t.id.toUpperCase())} ${esc(t.title)}：${STATUS[t.status]}${t.reason ? `（${esc(t.reason)}）` : ''}${t.pages.length ? `，第 ${t.pages.join('、')} 页` : ''}</li>`,
      );
    body.push('</ul>');
  }
  if (r.figures.length > 0) {
    body.push(
      `<details class="figures"><summary>读出的数字（${r.figures.length} 个）</summary><table><thead><tr><th>名称</th><th>数值</th><th>单位</th><th>页</th><th>原文</th></tr></thead><tbody>`,
    );
    for (const f of r.figures)
      body.push(
        `<tr><td>${esc(f.name)}</td><td class="num">${esc(f.value)}</td><td>${esc(f.unit)}</td><td>${f.page}</td><td class="quote">${esc(f.text)}</td></tr>`,
      );
    body.push('</tbody></table></details>');
  }
  return body.join('\n');
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',SimHei,sans-serif;margin:0 auto;padding:24px 32px 48px;max-width:1280px;color:#222;line-height:1.55;font-size:15px}
h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.3em;border-bottom:2px solid #8b0000;padding-bottom:.2em;margin:1.6em 0 .4em;word-break:break-all}
h2 .no{display:inline-block;min-width:2em;color:#8b0000}h3{font-size:1.05em;margin:1em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.92em;margin:.4em 0 .8em}
th,td{border:1px solid #bbb;padding:.35em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f1f1f1;font-weight:bold}td.num,th.num{text-align:right;white-space:nowrap}
td.quote{color:#333;font-family:FangSong,'Noto Serif CJK SC','Source Han Serif SC',serif}
table.findings{table-layout:fixed}col.c-sev{width:4.4em}col.c-page{width:5.6em}col.c-msg{width:30%}col.c-quote{width:27%}
col.c-exp,col.c-act{width:11%}col.c-rule{width:12em}td.rule code{font-size:.8em;overflow-wrap:anywhere}
table.findings td.num{white-space:normal;text-align:left;overflow-wrap:normal}
table.summary td.year,table.summary td.status,table.summary th{white-space:nowrap}
.badge{display:inline-block;padding:0 .4em;border:1px solid;border-radius:3px;font-weight:bold;white-space:nowrap}
.badge.error{color:#a00;border-color:#a00;background:#fdecec}.badge.warning{color:#8a5a00;border-color:#b87900;background:#fff4dc}
.badge.info{color:#0b5394;border-color:#0b5394;background:#eaf2fb}
.meta{color:#555;margin:.2em 0}.damage,.refused{border-left:4px solid #a00;background:#fdecec;padding:.4em .7em}
.overview{display:flex;flex-wrap:wrap;gap:8px;margin:.8em 0}
.overview div{border:1px solid #bbb;border-radius:4px;padding:.3em .8em;min-width:6.5em}
.overview b{display:block;font-size:1.5em}.overview .error b{color:#a00}.overview .warning b{color:#8a5a00}.overview .info b{color:#0b5394}
.overview .unreadable b{color:#a00}.overview .zero b{color:#888}
table.summary td.count{text-align:right;width:4.5em}table.summary td.count.error{color:#a00;font-weight:bold}
table.summary td.count.zero{color:#999}table.summary tr.unreadable td{background:#fdecec}
td.seq{text-align:right;width:3em;color:#555}a{color:#0b4f9c}
p.back{font-size:.9em;margin:.4em 0 0}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
 section.file.read{break-before:page}col.c-page{width:4.6em}col.c-rule{width:9em}col.c-msg{width:29%}col.c-quote{width:26%}
 col.c-exp,col.c-act{width:12.5%}h2,h3{break-after:avoid}
 tr,.overview div{break-inside:avoid}thead{display:table-header-group}
 details.figures,p.back{display:none}
}
`;

/** The page around the summary and sections; the report is head, summary, sections (joined by "\n"), tail. */
function pageHead(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>决算公开审查报告</title>
<style>${STYLE}</style></head><body>
<h1>决算公开审查报告</h1>
<p class="meta">由 Juesuan 生成。每个发现均注明级别、页码、原文、应为与实为；规则说明见 juesuan rules。</p>
`;
}
const PAGE_TAIL = '\n</body></html>\n';

/** The summary at the top of the report, for entries listed in `order` and shown under `names`. */
function summaryHtml(
  entries: readonly ReportEntry[],
  order: readonly number[],
  names: readonly string[],
): string {
  const readable = entries.filter((e) => unreadableReason(e) === undefined);
  const sum = (k: 'errors' | 'warnings' | 'infos') =>
    readable.reduce((s, e) => s + (e.ok ? (e.row[k] ?? 0) : 0), 0);
  const withErrors = readable.filter((e) => e.ok && (e.row.errors ?? 0) > 0).length;
  const damaged = readable.filter((e) => e.ok && e.row.status === DAMAGED).length;
  const out: string[] = [];
  out.push('<section class="summary" id="summary"><h2>汇总</h2>');
  const box = (cls: string, label: string, n: number) =>
    `<div class="${cls}${n === 0 ? ' zero' : ''}" data-count="${cls}"><b>${n}</b>${label}</div>`;
  out.push(
    '<div class="overview">' +
      box('files', '个文件', entries.length) +
      box('readable', '个已审查', readable.length) +
      box('unreadable', '个无法读取', entries.length - readable.length) +
      box('with-errors', '个有错误', withErrors) +
      box('error', '个错误', sum('errors')) +
      box('warning', '个警告', sum('warnings')) +
      box('info', '个提示', sum('infos')) +
      '</div>',
  );
  const problems = order.filter(
    (i) =>
      unreadableReason(entries[i]!) !== undefined ||
      (entries[i]!.ok && (entries[i] as { row: SummaryRow }).row.status === DAMAGED),
  );
  if (problems.length > 0) {
    out.push(
      `<h3>无法读取或未能完整读取的文件（${problems.length} 个）</h3><table class="unreadable"><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>`,
    );
    for (const i of problems) {
      const e = entries[i]!;
      const why =
        unreadableReason(e) ?? '文件已损坏，部分内容可能未读出，已读出的部分照常审查（详见该文件一节）';
      out.push(
        `<tr><td><a href="#${anchor(order.indexOf(i) + 1)}">${esc(names[i]!)}</a></td><td>${esc(why)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  if (damaged > 0) out.push(`<p class="meta">已审查的文件中有 ${damaged} 个已损坏，只审查了读出的部分。</p>`);
  out.push(
    '<h3>各文件（问题最多的在前）</h3><table class="summary"><thead><tr><th class="num">序号</th><th>文件</th><th>单位</th><th>年度</th><th class="num">错误</th><th class="num">警告</th><th class="num">提示</th><th>状态</th></tr></thead><tbody>',
  );
  order.forEach((i, pos) => {
    const e = entries[i]!;
    const n = pos + 1;
    const link = `<a href="#${anchor(n)}" title="${esc(e.file)}">${esc(names[i]!)}</a>`;
    const reason = unreadableReason(e);
    if (!e.ok || reason !== undefined) {
      out.push(
        `<tr class="unreadable"><td class="seq">${n}</td><td class="file">${link}</td><td>${e.ok ? esc(e.row.unit ?? '') : ''}</td><td class="year">${e.ok ? (e.row.year ?? '') : ''}</td><td class="count">—</td><td class="count">—</td><td class="count">—</td><td class="status">无法读取</td></tr>`,
      );
      return;
    }
    const c = (k: 'errors' | 'warnings' | 'infos', cls: string) => {
      const v = e.row[k] ?? 0;
      return `<td class="count ${v === 0 ? 'zero' : cls}">${v}</td>`;
    };
    out.push(
      `<tr><td class="seq">${n}</td><td class="file">${link}</td><td>${esc(e.row.unit ?? '（未识别）')}</td><td class="year">${e.row.year ?? ''}</td>${c('errors', 'error')}${c('warnings', 'warning')}${c('infos', 'info')}<td class="status">${esc(e.row.status)}</td></tr>`,
    );
  });
  out.push('</tbody></table></section>');
  return out.join('\n');
}

/** One file's whole section, numbered as in the summary. */
function sectionHtml(e: ReportEntry, n: number, name: string, body: string): string {
  const reason = unreadableReason(e);
  const head = `<section class="file ${e.ok && reason === undefined ? 'read' : 'unread'}" id="${anchor(n)}"><h2><span class="no">${n}</span>${esc(name)}</h2>`;
  const inner = !e.ok ? `<p class="refused">无法读取：${esc(reason ?? '')}</p>` : body;
  const scanned = e.ok && reason !== undefined ? `<p class="refused">无法读取：${esc(reason)}</p>\n` : '';
  return `${head}\n${scanned}${inner}\n<p class="back"><a href="#summary">↑ 返回汇总</a></p></section>`;
}

/** The whole report of entries whose sections are at hand. */
export function reportHtml(entries: readonly ReportEntry[]): string {
  const order = worstFirst(entries);
  const names = displayNames(entries.map((e) => e.file));
  const sections = order.map((i, pos) => {
    const e = entries[i]!;
    return sectionHtml(e, pos + 1, names[i]!, e.ok ? e.section : '');
  });
  return pageHead() + summaryHtml(entries, order, names) + '\n' + sections.join('\n') + PAGE_TAIL;
}

/** The HTML report of audited files (one file: the same report with a summary of one). */
export function auditHtml(results: readonly AuditJson[]): string {
  return reportHtml(
    results.map((r) => ({ file: r.file, ok: true, row: summaryRow(r), section: fileSection(r) })),
  );
}

/**
 * The HTML report of a batch, written while files finish in any order: each section goes to a scratch file as it
 * arrives (so memory does not grow with the batch), and `finish` writes the report — the summary first, then the
 * sections in the summary's order — and removes the scratch file. The result equals reportHtml of all entries.
 */
export class BatchReportWriter {
  private readonly entries: (ReportEntry & { at?: number; length?: number })[] = [];
  private readonly scratch: string;
  private readonly fd: number;
  private offset = 0;

  constructor(private readonly path: string) {
    this.scratch = `${path}.part`;
    this.fd = openSync(this.scratch, 'w+');
  }

  /** The entry of the file at `index` in the batch. */
  add(index: number, entry: ReportEntry): void {
    if (!entry.ok) {
      this.entries[index] = entry;
      return;
    }
    const bytes = Buffer.from(entry.section, 'utf8');
    writeSync(this.fd, bytes, 0, bytes.length, this.offset);
    this.entries[index] = {
      file: entry.file,
      ok: true,
      row: entry.row,
      section: '',
      at: this.offset,
      length: bytes.length,
    };
    this.offset += bytes.length;
  }

  /** Writes the report; entries never added are left out. */
  finish(): void {
    const entries = this.entries.filter((e) => e !== undefined);
    const order = worstFirst(entries);
    const names = displayNames(entries.map((e) => e.file));
    const out = openSync(this.path, 'w');
    try {
      writeSync(out, pageHead() + summaryHtml(entries, order, names));
      order.forEach((i, pos) => {
        const e = entries[i]!;
        let body = '';
        if (e.ok && e.length !== undefined && e.at !== undefined) {
          const buf = Buffer.alloc(e.length);
          readSync(this.fd, buf, 0, e.length, e.at);
          body = buf.toString('utf8');
        }
        writeSync(out, '\n' + sectionHtml(e, pos + 1, names[i]!, body));
      });
      writeSync(out, PAGE_TAIL);
    } finally {
      closeSync(out);
      this.discard();
    }
  }

  /** Removes the scratch file (finish does it; call it when the batch fails). */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish
    }
    try {
      unlinkSync(this.scratch);
    } catch {
      // already removed
    }
  }
}

/** The lines printed at the end of a batch. */
export function batchSummaryText(rows: readonly SummaryRow[], jobs: number): string {
  const read = rows.filter((r) => r.errors !== undefined && r.status !== SCANNED);
  const total = (k: 'errors' | 'warnings' | 'infos') => read.reduce((s, r) => s + (r[k] ?? 0), 0);
  return (
    `已审查 ${rows.length} 个文件（${jobs} 个并行进程）：可读 ${read.length} 个，无法读取 ${rows.length - read.length} 个，` +
    `有错误的 ${read.filter((r) => (r.errors ?? 0) > 0).length} 个；错误 ${total('errors')} 个，警告 ${total('warnings')} 个，提示 ${total('infos')} 个。`
  );
}
