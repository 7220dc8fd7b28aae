/**
 * HTML writer (issue 3, item 4): one self-contained printable page — no external CSS, scripts, fonts
 * or images; charts are inline SVG rendered on the server (charts.ts). Print CSS follows GB/T 9704
 * where a browser can: A4 pages, body 仿宋 3号 with a fixed 28 pt line, headings 黑体/楷体, page
 * numbers "— 1 —", a page break before each table, wide tables on landscape pages.
 */
import { renderChartSvg } from '../charts.ts';
import {
  draftNotice,
  type Block,
  type ChartSpec,
  type DocCell,
  type DocRow,
  type DocTable,
  type ParagraphBlock,
  type ReportDocument,
  type Run,
} from '../document.ts';
import { tableName } from '../gaps.ts';
import { isNumericColumn, isWideTable, nameColumnIndex, placeCells } from './table-grid.ts';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

const FONT_BODY =
  "'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const FONT_HEI = "'SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
const FONT_KAI = "'KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'Noto Serif CJK SC', serif";
const FONT_TITLE =
  "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', serif";
const FONT_TABLE = "'SimSun', '宋体', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";

// eslint-disable-next-line max-lines-per-function -- the stylesheet is CSS text with the fonts filled in, one rule a line
function stylesheet(draft: string | undefined): string {
  return `
@page { size: A4; margin: 30mm 24mm 28mm 26mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${FONT_BODY}; font-size: 14pt; }
  ${draft !== undefined ? `@top-center { content: "草稿 · ${draft}，不得公开"; font-family: ${FONT_HEI}; font-size: 12pt; color: #c00000; }` : ''}
}
@page wide { size: A4 landscape; margin: 20mm 18mm 20mm 18mm; }
:root { color: #000; background: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 170mm; padding: 12mm 0; font-family: ${FONT_BODY}; font-size: 16pt; line-height: 28pt; }
h1, h2, h3, h4 { font-weight: normal; margin: 0; break-after: avoid; page-break-after: avoid; }
/* Titles and headings that need two lines get two even ones, never one or two characters alone. */
h1, h2, h3, h4, table.report caption .table-title { text-wrap: balance; }
h1.doc-title { font-family: ${FONT_TITLE}; font-size: 22pt; line-height: 36pt; text-align: center; margin: 0 0 8pt; }
p.subtitle { text-align: center; font-family: ${FONT_KAI}; margin: 0 0 16pt; }
h2 { font-family: ${FONT_HEI}; font-size: 16pt; line-height: 28pt; margin: 14pt 0 0; }
h3 { font-family: ${FONT_KAI}; font-size: 16pt; line-height: 28pt; text-indent: 2em; }
h4 { font-family: ${FONT_BODY}; font-size: 16pt; line-height: 28pt; font-weight: bold; text-indent: 2em; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.align-left { text-align: left; } p.align-center { text-align: center; } p.align-right { text-align: right; }
mark.placeholder { background: #fff2a8; color: #a00000; font-weight: bold; padding: 0 2pt; border-bottom: 1.5pt solid #e0a800; }
nav.toc { margin: 10pt 0 18pt; padding: 8pt 12pt; border: 0.75pt solid #999; font-size: 13pt; line-height: 22pt; }
nav.toc h2 { margin: 0 0 4pt; text-align: center; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li.toc-2 { padding-left: 2em; }
nav.toc li.toc-table { padding-left: 4em; font-size: 12pt; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.page-start { break-before: page; page-break-before: always; }
hr.page-break { border: 0; border-top: 1px dashed #bbb; margin: 18pt 0; }
section.table-block { margin: 16pt 0; }
section.table-block.landscape { page: wide; }
table.report { width: 100%; border-collapse: collapse; font-family: ${FONT_TABLE}; font-size: 10.5pt; line-height: 14pt; }
table.report caption { caption-side: top; padding-bottom: 4pt; }
table.report caption .table-number { display: block; text-align: left; font-family: ${FONT_HEI}; font-size: 12pt; }
table.report caption .table-title { display: block; text-align: center; font-family: ${FONT_HEI}; font-size: 15pt; line-height: 24pt; }
table.report caption .table-meta { display: flex; justify-content: space-between; font-size: 10.5pt; }
table.report th, table.report td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
table.report th { font-family: ${FONT_HEI}; font-weight: normal; text-align: center; background: #f2f2f2; }
table.report thead { display: table-header-group; }
/* Rows stay whole on a page, except in tables with merged body rows: Chromium then adds a blank page. */
table.report:not(.row-spans) tr { break-inside: avoid; page-break-inside: avoid; }
table.report td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.report td.code { white-space: nowrap; }
table.report td.al-left, table.report th.al-left { text-align: left; }
table.report td.al-center, table.report th.al-center { text-align: center; }
table.report td.al-right, table.report th.al-right { text-align: right; }
table.report tr.bold td, table.report td.bold { font-weight: bold; }
table.report td.unknown { background: #fff2a8; color: #a00000; font-weight: bold; }
table.report caption .table-subtitle { display: block; text-align: center; font-size: 12pt; line-height: 20pt; }
table.report tr.group-header td { font-family: ${FONT_HEI}; background: #f2f2f2; }
mark.placeholder, table.report td.unknown { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.report td.lv1 { padding-left: calc(4pt + 1em); } table.report td.lv2 { padding-left: calc(4pt + 2em); }
table.report td.lv3 { padding-left: calc(4pt + 3em); } table.report td.lv4 { padding-left: calc(4pt + 4em); }
.table-notes { font-size: 10.5pt; line-height: 16pt; margin-top: 4pt; }
figure.chart { margin: 12pt auto; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
.draft-banner { display: none; }
body.draft .draft-banner { display: block; position: fixed; top: 0; left: 0; right: 0; z-index: 10; padding: 2pt 0;
  text-align: center; font-family: ${FONT_HEI}; font-size: 12pt; line-height: 18pt; color: #fff; background: #c00000; }
body.draft .watermark { position: fixed; top: 40%; left: 0; right: 0; z-index: 5; text-align: center; pointer-events: none;
  font-family: ${FONT_HEI}; font-size: 120pt; line-height: 1; color: rgba(192, 0, 0, 0.12); transform: rotate(-30deg); }
.watermark { display: none; }
body.draft .watermark { display: block; }
@media screen { body { padding: 16mm 8mm; } body.draft { padding-top: 24mm; } }
@media print {
  body { max-width: none; padding: 0; }
  /* The @top-center margin box carries the draft mark on every printed page; the watermark stays. */
  body.draft .draft-banner { display: none; }
  nav.toc { break-after: page; page-break-after: always; border: 0; }
  a { color: inherit; text-decoration: none; }
  hr.page-break { display: none; }
  main > :last-child { margin-bottom: 0; }
  nav.toc { font-size: 12pt; line-height: 18pt; }
  nav.toc li.toc-table { font-size: 11pt; line-height: 15pt; }
  /* The 绩效自评表 on paper: a landscape page, text large enough to read, rows kept whole. */
  section.table-block.form table.report { font-size: 10pt; line-height: 13pt; }
  section.table-block.form table.report td, section.table-block.form table.report th { padding: 2pt 3pt; }
}
`;
}

function renderRuns(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.placeholder) html = `<mark class="placeholder" title="待填写">${html}</mark>`;
      return html;
    })
    .join('');
}

function renderParagraph(p: ParagraphBlock, startsPage = false): string {
  const classes: string[] = [];
  if (startsPage) classes.push('page-start');
  if (p.indent !== false) classes.push('indent');
  if (p.align && p.align !== 'justify') classes.push(`align-${p.align}`);
  const key = p.key ? ` data-key="${escapeHtml(p.key)}"` : '';
  return `<p${classes.length ? ` class="${classes.join(' ')}"` : ''}${key}>${renderRuns(p.runs)}</p>`;
}

function spanAttrs(cell: DocCell): string {
  let out = '';
  if ((cell.colSpan ?? 1) > 1) out += ` colspan="${cell.colSpan}"`;
  if ((cell.rowSpan ?? 1) > 1) out += ` rowspan="${cell.rowSpan}"`;
  return out;
}

/** Escaped text of a cell; an empty cell keeps its borders. */
function cellText(cell: DocCell): string {
  return escapeHtml(cell.text);
}

/** One cell of the body, with its classes (column kind, alignment, indent, unknown figure). */
function bodyCellHtml(table: DocTable, row: DocRow, cell: DocCell, col: number, nameCol: number): string {
  const column = table.columns[col];
  const classes: string[] = [];
  // A cell spanning several columns (合计 over 编码 and 名称) takes no column's alignment.
  const single = (cell.colSpan ?? 1) === 1;
  if (isNumericColumn(column) && single) classes.push('num');
  if (column?.kind === 'code' && single) classes.push('code');
  if (cell.align) classes.push(`al-${cell.align}`);
  if (cell.bold) classes.push('bold');
  if (cell.unknown) classes.push('unknown');
  const indent = Math.min(4, Math.max(0, row.indent ?? 0));
  if (col === nameCol && indent > 0) classes.push(`lv${indent}`);
  return (
    `<td${spanAttrs(cell)}${classes.length ? ` class="${classes.join(' ')}"` : ''}` +
    `${cell.unknown ? ' title="数据文件没有给出该数（未知，不等于零）"' : ''}>${cellText(cell)}</td>`
  );
}

function renderTable(table: DocTable, startsPage: boolean): string {
  const nameCol = nameColumnIndex(table);
  const out: string[] = [];
  const sectionClasses = ['table-block'];
  // Landscape as in the DOCX (the 绩效自评表 too: nine columns are unreadable on a portrait page).
  if (isWideTable(table)) sectionClasses.push('landscape');
  if (table.id.startsWith('perf')) sectionClasses.push('form');
  if (startsPage) sectionClasses.push('page-start');
  out.push(`<section class="${sectionClasses.join(' ')}" id="table-${escapeHtml(table.id)}">`);
  const rowSpans = table.rows.some((r) => r.cells.some((c) => (c.rowSpan ?? 1) > 1));
  out.push(`<table class="report${rowSpans ? ' row-spans' : ''}" data-table="${escapeHtml(table.id)}">`);
  out.push('<caption>');
  if (table.number) out.push(`<span class="table-number">${escapeHtml(table.number)}</span>`);
  out.push(`<span class="table-title">${escapeHtml(table.title)}</span>`);
  if (table.subtitle) out.push(`<span class="table-subtitle">${escapeHtml(table.subtitle)}</span>`);
  if (table.unitLine || table.unitLabel) {
    out.push(
      `<span class="table-meta"><span>${escapeHtml(table.unitLine ?? '')}</span><span>${escapeHtml(table.unitLabel ?? '')}</span></span>`,
    );
  }
  out.push('</caption>');
  out.push('<colgroup>');
  const totalWidth = table.columns.reduce((s, c) => s + Math.max(1, c.width), 0);
  for (const c of table.columns) {
    out.push(`<col style="width:${((Math.max(1, c.width) / totalWidth) * 100).toFixed(2)}%">`);
  }
  out.push('</colgroup>');
  if (table.header.length > 0) {
    out.push('<thead>');
    for (const line of table.header) {
      out.push('<tr>');
      for (const cell of line) {
        const cls = cell.align ? ` class="al-${cell.align}"` : '';
        out.push(`<th${spanAttrs(cell)}${cls}>${cellText(cell)}</th>`);
      }
      out.push('</tr>');
    }
    out.push('</thead>');
  }
  out.push('<tbody>');
  const grid = placeCells(
    table.rows.map((r) => r.cells),
    table.columns.length,
  );
  table.rows.forEach((row, r) => {
    const rowClasses: string[] = [];
    if (row.bold) rowClasses.push('bold');
    // A form's group header (the 绩效自评表's 一级指标 | 二级指标 … line) looks like a header row.
    if (row.groupHeader) rowClasses.push('group-header');
    const key = row.key !== undefined ? ` data-key="${escapeHtml(row.key)}"` : '';
    out.push(`<tr${rowClasses.length ? ` class="${rowClasses.join(' ')}"` : ''}${key}>`);
    const slots = grid[r] ?? [];
    for (const cell of row.cells) {
      const col = slots.find((s) => s?.cell === cell && s.origin)?.col ?? -1;
      out.push(bodyCellHtml(table, row, cell, col, nameCol));
    }
    out.push('</tr>');
  });
  out.push('</tbody>');
  out.push('</table>');
  if (table.notes && table.notes.length > 0) {
    out.push('<div class="table-notes">');
    for (const note of table.notes) out.push(`<p>${escapeHtml(note)}</p>`);
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('\n');
}

function renderChart(chart: ChartSpec, startsPage = false): string {
  const svg = renderChartSvg(chart, { width: 640, height: chart.kind === 'pie' ? 340 : 380 });
  const cls = startsPage ? 'chart page-start' : 'chart';
  return `<figure class="${cls}" id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}">\n${svg}\n</figure>`;
}

interface TocEntry {
  id: string;
  text: string;
  kind: 'toc-1' | 'toc-2' | 'toc-table';
}

/**
 * Which blocks start a printed page. An explicit page break starts the next block on a new page (the
 * break travels as `break-before` on that block, never as an element of its own: an element there would
 * sit alone on a page after a landscape table). Each table starts a page too, but when headings come
 * right before it the first of those headings does, so that no heading is left at the foot of a page.
 */
function pageStarts(blocks: readonly Block[]): Set<number> {
  const starts = new Set<number>();
  let afterBreak = false;
  blocks.forEach((block, i) => {
    if (block.type === 'pageBreak') {
      afterBreak = i > 0;
      return;
    }
    if (afterBreak) starts.add(i);
    afterBreak = false;
    if (block.type !== 'table') return;
    let j = i;
    while (j > 0 && blocks[j - 1]?.type === 'heading') j--;
    if (j === 0 || starts.has(j) || blocks[j - 1]?.type === 'pageBreak') return;
    starts.add(j);
  });
  return starts;
}

/** The HTML of the blocks, in order, with the table of contents they make and where it goes (after the title). */
interface RenderedBody {
  body: string[];
  toc: TocEntry[];
  /** Index in `body` of the table of contents' place, −1 when the document has no title block. */
  titleAt: number;
  headingCount: number;
  placedCharts: Set<string>;
}

function renderBlocks(doc: ReportDocument): RenderedBody {
  const starts = pageStarts(doc.blocks);
  const r: RenderedBody = { body: [], toc: [], titleAt: -1, headingCount: 0, placedCharts: new Set() };
  const { body, toc } = r;
  doc.blocks.forEach((block, i) => {
    const pageClass = starts.has(i) ? ' class="page-start"' : '';
    switch (block.type) {
      case 'title':
        body.push(`<header class="doc-head${starts.has(i) ? ' page-start' : ''}">`);
        body.push(`<h1 class="doc-title">${escapeHtml(block.text)}</h1>`);
        if (block.subtitle) body.push(`<p class="subtitle">${escapeHtml(block.subtitle)}</p>`);
        body.push('</header>');
        if (r.titleAt < 0) {
          r.titleAt = body.length;
          body.push(''); // the table of contents goes here
        }
        break;
      case 'heading': {
        const id = `sec-${++r.headingCount}`;
        const tag = `h${block.level + 1}`;
        body.push(`<${tag} id="${id}"${pageClass}>${escapeHtml(block.text)}</${tag}>`);
        if (block.level <= 2) toc.push({ id, text: block.text, kind: block.level === 1 ? 'toc-1' : 'toc-2' });
        break;
      }
      case 'paragraph':
        body.push(renderParagraph(block, starts.has(i)));
        break;
      case 'table':
        body.push(renderTable(block.table, starts.has(i)));
        // A 绩效自评表 is named with its project: the publication holds one per project.
        toc.push({ id: `table-${block.table.id}`, text: tableName(block.table), kind: 'toc-table' });
        break;
      case 'chart':
        r.placedCharts.add(block.chart.id);
        body.push(renderChart(block.chart, starts.has(i)));
        break;
      case 'pageBreak':
        // Shown on screen only; on paper the next block carries the break (pageStarts).
        body.push('<hr class="page-break">');
        break;
    }
  });
  return r;
}

function renderToc(toc: readonly TocEntry[]): string {
  if (toc.length === 0) return '';
  return [
    '<nav class="toc" aria-label="目录">',
    '<h2>目录</h2>',
    '<ol>',
    ...toc.map((e) => `<li class="${e.kind}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`),
    '</ol>',
    '</nav>',
  ].join('\n');
}

/** The draft marks: the banner and watermark on screen, and the text of the printed pages' top margin. */
function draftMarks(doc: ReportDocument): { marks: string; pageMark: string | undefined } {
  if (!doc.draft) return { marks: '', pageMark: undefined };
  const notice = draftNotice(doc);
  return {
    marks: `<div class="draft-banner" role="note">草稿 · ${escapeHtml(notice.why)}，仅供内部核对，不得公开</div>\n<div class="watermark" aria-hidden="true">草稿</div>\n`,
    pageMark:
      (doc.draftReason ?? '校验未通过') === '校验未通过'
        ? '未通过校验'
        : (doc.draftReason ?? '').replace(/["\\<>]/g, ''),
  };
}

/** Writes the document as one self-contained HTML page. */
export function writeHtml(doc: ReportDocument): string {
  const r = renderBlocks(doc);
  const { body, toc } = r;
  // Charts listed by the document but placed by no block still belong on the page.
  const unplaced = doc.charts.filter((c) => !r.placedCharts.has(c.id));
  if (unplaced.length > 0) {
    const id = `sec-${++r.headingCount}`;
    body.push(`<h2 id="${id}">附：图表</h2>`);
    toc.push({ id, text: '附：图表', kind: 'toc-1' });
    for (const chart of unplaced) body.push(renderChart(chart));
  }
  const tocHtml = renderToc(toc);
  if (r.titleAt >= 0) body[r.titleAt] = tocHtml;
  else
    body.unshift(
      `<header class="doc-head"><h1 class="doc-title">${escapeHtml(doc.title)}</h1></header>`,
      tocHtml,
    );

  const title = doc.draft ? `【草稿】${doc.title}` : doc.title;
  const { marks, pageMark } = draftMarks(doc);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Juesuan">
<title>${escapeHtml(title)}</title>
<style>${stylesheet(pageMark)}</style>
</head>
<body${doc.draft ? ' class="draft"' : ''} data-unit="${escapeHtml(doc.unitName)}" data-year="${doc.year}" data-profile="${escapeHtml(doc.profile)}">
${marks}<main>
${body.filter((s) => s !== '').join('\n')}
</main>
</body>
</html>
`;
}
