/**
 * DOCX writer: lays a `ReportDocument` out after GB/T 9704-2012《党政机关公文格式》 — A4, margins 37/35/28/26 mm,
 * title 方正小标宋简体 2号, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold 3号, body 仿宋_GB2312 3号 with a fixed 28 pt
 * line, page numbers "— 1 —" in 4号 宋体 (odd pages right, even pages left, §7.5). Wide tables go in landscape
 * sections; tables are real Word tables with repeated header rows; charts are native Word charts.
 *
 * The WordprocessingML is written directly as text (ECMA-376 Part 1 §17): a publication holds thousands of table
 * cells, and an object model per cell cost ~150 ms per unit (docs/adr/0009-office-files-written-directly.md).
 */
import {
  draftNotice,
  type Block,
  type ChartSpec,
  type DocCell,
  type DocColumn,
  type DocTable,
  type ReportDocument,
  type Run,
} from '../document.ts';
import {
  CHART_EXTENT,
  chartNumber,
  chartWorkbook,
  chartXml,
  drawnChart,
  type DrawnChart,
} from './docx-chart.ts';
import {
  APP_PROPERTIES_XML,
  contentTypesXml,
  corePropertiesXml,
  DOCX_FONTS,
  DRAFT_HEADER,
  draftHeaderXml,
  FONT_TABLE_XML,
  NS,
  PACKAGE_RELS_XML,
  pageNumberFooterXml,
  REL,
  relationshipsXml,
  SETTINGS_XML,
  SIZE,
  STYLES_XML,
  THEME_XML,
  type Relationship,
} from './docx-parts.ts';
import { fitLines, headerLabelFit, headerLabelLines } from './line-fit.ts';
import { isWideTable, splitAtGroupHeaders } from './table-grid.ts';
import { escapeXml, XML_DECLARATION } from './ooxml/xml.ts';
import { zip, type DeflateRaw, type ZipEntry } from './ooxml/zip.ts';

export type { DeflateRaw };

/** Options of the DOCX and XLSX writers. */
export interface OfficeWriteOptions {
  /** The compressor for the package's parts (default: the platform's CompressionStream). */
  deflate?: DeflateRaw;
}

export { DOCX_FONTS, DRAFT_HEADER };

const mm = (v: number): number => Math.round((v * 1440) / 25.4);

const A4 = { width: 11906, height: 16838 } as const;
/** GB/T 9704 §5.2.1: 天头 37 mm, 订口 28 mm; text block 156 × 225 mm. */
const PORTRAIT_MARGIN = {
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  footer: mm(23),
};
/** Landscape table pages: the same binding edge (the portrait left edge becomes the landscape top). */
const LANDSCAPE_MARGIN = {
  top: mm(28),
  bottom: mm(26),
  left: mm(30),
  right: mm(30),
  header: mm(12),
  footer: mm(14),
};
const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

export { isWideTable };

type Jc = 'left' | 'center' | 'right' | 'both';

/** Paragraph properties, written in the order of CT_PPrBase. */
interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  /** Right tab stop at this position (twips). */
  rightTab?: number;
  /** A prepared `<w:ind …/>`. */
  ind?: string;
  jc?: Jc;
}

function paragraphXml(p: ParagraphProps, pageBreakBefore: boolean, runs: string): string {
  let pPr = '';
  if (p.style !== undefined) pPr += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext === true) pPr += '<w:keepNext/>';
  if (pageBreakBefore) pPr += '<w:pageBreakBefore/>';
  if (p.rightTab !== undefined) pPr += `<w:tabs><w:tab w:val="right" w:pos="${p.rightTab}"/></w:tabs>`;
  if (p.ind !== undefined) pPr += p.ind;
  if (p.jc !== undefined) pPr += `<w:jc w:val="${p.jc}"/>`;
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
}

/**
 * A run of text; a tab becomes Word's tab element (the unit line puts 单位：万元 at a right tab), a line feed a line
 * break (a title broken on purpose, line-fit.ts).
 */
function runXml(text: string, rPr = ''): string {
  const open = `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}`;
  if (!text.includes('\t') && !text.includes('\n'))
    return `${open}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const part = (t: string) =>
    t
      .split('\t')
      .map((x) => `<w:t xml:space="preserve">${escapeXml(x)}</w:t>`)
      .join('<w:tab/>');
  return `${open}${text.split('\n').map(part).join('<w:br/>')}</w:r>`;
}

/** Safety margin (em) between the estimated width of a display line and its measure. */
const FIT_MARGIN = 0.6;

/**
 * Display text (title, heading, caption) with deliberate line breaks where it does not fit the measure: `size` in
 * half-points, `width` in twips, `indentEm` the first line's indent in em.
 */
function fitted(
  text: string,
  size: number,
  width: number,
  indentEm = 0,
  names: readonly string[] = [],
): string {
  const em = (width * 2) / (size * 20); // twips → em of a font of `size` half-points
  const capacity = indentEm > 0 ? [em - indentEm - FIT_MARGIN, em - FIT_MARGIN] : [em - FIT_MARGIN];
  return fitLines(text, { capacity, names }).join('\n');
}

const BOLD = '<w:b/><w:bCs/>';
/** The highlight of text still to be supplied, as a run (narrative) and as a cell's shading (unknown figures). */
const PLACEHOLDER_HIGHLIGHT = '<w:highlight w:val="yellow"/>';
const UNKNOWN_SHADING = '<w:shd w:val="clear" w:color="auto" w:fill="FFF200"/>';

function textRun(run: Run): string {
  return runXml(run.text, (run.bold ? BOLD : '') + (run.placeholder ? PLACEHOLDER_HIGHLIGHT : ''));
}

interface SectionDraft {
  landscape: boolean;
  body: string[];
  /** Whether the last element of `body` is a paragraph (which then carries the section's properties). */
  endsWithParagraph: boolean;
}

class Layout {
  readonly sections: SectionDraft[] = [{ landscape: false, body: [], endsWithParagraph: false }];
  /** A page break waiting for the next paragraph (set as pageBreakBefore, so no empty line starts the page). */
  pendingBreak = false;
  /** Charts drawn so far, in document order (chart1.xml …). */
  readonly charts: DrawnChart[] = [];
  /** Names a display line may break after (the unit's name). */
  names: readonly string[] = [];

  get current(): SectionDraft {
    const s = this.sections[this.sections.length - 1];
    if (s === undefined) throw new Error('no section');
    return s;
  }

  /** Switches orientation; a new section starts on a new page, which consumes a pending page break. */
  orient(landscape: boolean): void {
    const cur = this.current;
    if (cur.landscape === landscape) return;
    if (cur.body.length === 0) cur.landscape = landscape;
    else this.sections.push({ landscape, body: [], endsWithParagraph: false });
    this.pendingBreak = false;
  }

  paragraph(p: ParagraphProps, runs: string): void {
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    this.current.body.push(paragraphXml(p, breakBefore, runs));
    this.current.endsWithParagraph = true;
  }

  table(xml: string): void {
    this.current.body.push(xml);
    this.current.endsWithParagraph = false;
  }

  get textWidth(): number {
    return this.current.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  }
}

const ALIGN = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;
const NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"/>';

function writeBlock(layout: Layout, block: Block): void {
  switch (block.type) {
    case 'title':
      layout.orient(false);
      layout.paragraph(
        { style: 'Title' },
        runXml(fitted(block.text, SIZE.er, layout.textWidth, 0, layout.names)),
      );
      if (block.subtitle !== undefined) layout.paragraph({ style: 'Subtitle' }, runXml(block.subtitle));
      // GB/T 9704 §7.3.3: one empty line between the title and the text.
      layout.paragraph({ style: 'Body', ind: '<w:ind w:firstLine="0"/>' }, '');
      return;
    case 'heading':
      layout.orient(false);
      // Level 1 is centred; levels 2 and 3 have a two-character first-line indent (docx-parts.ts STYLES).
      layout.paragraph(
        { style: `Heading${block.level}` },
        runXml(fitted(block.text, SIZE.san, layout.textWidth, block.level === 1 ? 0 : 2, layout.names)),
      );
      return;
    case 'paragraph': {
      layout.orient(false);
      const align = block.align ?? 'justify';
      layout.paragraph(
        {
          style: 'Body',
          ...(block.indent === false || align === 'center' ? { ind: NO_INDENT } : {}),
          jc: ALIGN[align],
        },
        block.runs.map(textRun).join(''),
      );
      return;
    }
    case 'pageBreak':
      layout.pendingBreak = true;
      return;
    case 'table':
      layout.orient(isWideTable(block.table));
      writeTable(layout, block.table);
      return;
    case 'chart':
      layout.orient(false);
      writeChart(layout, block.chart);
      return;
  }
}

const THIN = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_PROPERTIES_TAIL =
  '<w:jc w:val="center"/><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${THIN}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="80"/>' +
  '<w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>';

function cellAlign(
  cell: DocCell,
  column: DocColumn | undefined,
  header: boolean,
): 'left' | 'center' | 'right' {
  if (cell.align !== undefined) return cell.align;
  if (header) return 'center';
  if ((cell.colSpan ?? 1) > 1 || column === undefined) return 'left';
  switch (column.kind) {
    case 'amount':
    case 'percent':
    case 'count':
    case 'score':
      return 'right';
    case 'code':
      return 'center';
    case 'text':
      return 'left';
  }
}

/** The column whose cell is indented by `DocRow.indent`: the one keyed `name`, else the first text column. */
function nameColumn(columns: readonly DocColumn[]): number {
  const byKey = columns.findIndex((c) => c.key === 'name');
  return byKey >= 0 ? byKey : columns.findIndex((c) => c.kind === 'text');
}

/** A cell merged down from a row above: what the rows below it must hold in its place (ECMA-376 §17.4.85). */
interface OpenMerge {
  /** Rows still to cover. */
  rows: number;
  span: number;
  tcPrHead: string;
  jc: Jc;
  /** Drawn as one cell by its borders, not merged (a group header's label, see groupPart). */
  drawn?: boolean;
}

interface TableContext {
  t: DocTable;
  /** The part of a table headed by a group header row (splitAtGroupHeaders). */
  groupPart?: boolean;
  style: string;
  charTwips: number;
  nameCol: number;
  /** `<w:tcW …/>` of a cell starting at a column and spanning n columns, keyed `col:n`. */
  widths: Map<string, string>;
  grid: number[];
  scale: number;
}

function tcW(ctx: TableContext, col: number, span: number): string {
  const key = `${col}:${span}`;
  let w = ctx.widths.get(key);
  if (w === undefined) {
    const spanned = ctx.grid.slice(col, col + span);
    const width = Math.round(spanned.reduce((s, x) => s + x, 0) * ctx.scale);
    w = spanned.length === span && width > 0 ? `<w:tcW w:type="dxa" w:w="${width}"/>` : '';
    ctx.widths.set(key, w);
  }
  return w;
}

function continuationXml(m: OpenMerge): string {
  if (m.drawn === true)
    return (
      `<w:tc><w:tcPr>${m.tcPrHead}<w:tcBorders><w:top w:val="nil"/>${m.rows > 1 ? '<w:bottom w:val="nil"/>' : ''}</w:tcBorders>` +
      '<w:vAlign w:val="center"/></w:tcPr><w:p/></w:tc>'
    );
  return (
    `<w:tc><w:tcPr>${m.tcPrHead}<w:vMerge w:val="continue"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:jc w:val="${m.jc}"/></w:pPr></w:p></w:tc>`
  );
}

/**
 * A label cell's text with deliberate line breaks between its words where it does not fit the cell ("本年收入合计" →
 * "本年收入" / "合计", never "本年收入合" / "计"): header cells, and the centred labels of a form (绩效自评表). A label
 * whose words are too long for the cell even on lines of their own is set one size smaller (小五), rather than be
 * broken inside a word or a bracket ("运行（维" / "护）费"). Returns the text and, when smaller, the run properties.
 */
function labelText(
  ctx: TableContext,
  cell: DocCell,
  col: number,
  span: number,
  isHeader: boolean,
): { text: string; rPr: string; tcMar: string } {
  const plain = { text: cell.text, rPr: '', tcMar: '' };
  const label = isHeader || (ctx.t.header.length === 0 && cell.align === 'center' && ctx.groupPart !== true);
  const formLabel = ctx.groupPart === true && cell.align === 'center' && cell.fen === undefined;
  if (!(label || formLabel) || cell.text.length > 16 || /[\s\n]/.test(cell.text)) return plain;
  const width = ctx.grid.slice(col, col + span).reduce((s, x) => s + x, 0) * ctx.scale;
  const room = width - 160; // cell margins 80 + 80 twips
  const capacity = room / ctx.charTwips - 0.4;
  if (capacity <= 1) return plain;
  const fit = headerLabelFit(cell.text, capacity);
  if (fit !== undefined) return { text: fit.join('\n'), rPr: '', tcMar: '' };
  // One size smaller, on narrower cell margins (40 twips a side).
  const small = headerLabelFit(cell.text, (width - 80) / (SIZE.xiaoWu * 10) - 0.4);
  if (small !== undefined && SIZE.xiaoWu * 10 < ctx.charTwips)
    return {
      text: small.join('\n'),
      rPr: `<w:sz w:val="${SIZE.xiaoWu}"/><w:szCs w:val="${SIZE.xiaoWu}"/>`,
      tcMar: '<w:tcMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tcMar>',
    };
  return { text: headerLabelLines(cell.text, capacity).join('\n'), rPr: '', tcMar: '' };
}

/** One row: its own cells, with the continuation of cells merged down from above at the columns they cover. */
function rowXml(
  ctx: TableContext,
  cells: readonly DocCell[],
  r: number,
  open: (OpenMerge | undefined)[],
): string {
  const { t } = ctx;
  const isHeader = r < t.header.length;
  const docRow = isHeader ? undefined : t.rows[r - t.header.length];
  const lastRow = r === t.header.length + t.rows.length - 1;
  let out = `<w:tr><w:trPr><w:cantSplit/>${isHeader ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
  let col = 0;
  const covered = () => {
    for (let m = open[col]; m !== undefined && m.rows > 0; m = open[col]) {
      out += continuationXml(m);
      m.rows--;
      if (m.rows === 0 || lastRow) open[col] = undefined;
      col += m.span;
    }
  };
  for (const cell of cells) {
    covered();
    const span = cell.colSpan ?? 1;
    const rowSpan = cell.rowSpan ?? 1;
    const align = cellAlign(cell, span === 1 ? t.columns[col] : undefined, isHeader);
    const indentLevel = !isHeader && col === ctx.nameCol && align === 'left' ? (docRow?.indent ?? 0) : 0;
    const bold = isHeader || cell.bold === true || docRow?.bold === true;
    const tcPrHead = tcW(ctx, col, span) + (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '');
    // A group header's label over the rows below is drawn, not merged: it then prints at the top of every page the
    // group continues on (in the repeated header row), and LibreOffice lays out the rows after it correctly.
    const drawn = isHeader && ctx.groupPart === true && rowSpan > 1;
    if (rowSpan > 1 && !lastRow) open[col] = { rows: rowSpan - 1, span, tcPrHead, jc: align, drawn };
    const ind = indentLevel > 0 ? `<w:ind w:left="${indentLevel * ctx.charTwips}"/>` : '';
    const label = labelText(ctx, cell, col, span, isHeader);
    const merge = drawn
      ? '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>'
      : rowSpan > 1
        ? '<w:vMerge w:val="restart"/>'
        : '';
    out +=
      `<w:tc><w:tcPr>${tcPrHead}${merge}${cell.unknown === true ? UNKNOWN_SHADING : ''}${label.tcMar}<w:vAlign w:val="${drawn ? 'top' : 'center'}"/></w:tcPr>` +
      // Header rows keep with the row after them: a table never ends a page on its header.
      `<w:p><w:pPr><w:pStyle w:val="${ctx.style}"/>${isHeader ? '<w:keepNext/>' : ''}${ind}<w:jc w:val="${align}"/></w:pPr>` +
      `${runXml(label.text, (bold ? BOLD : '') + label.rPr)}</w:p></w:tc>`;
    col += span;
  }
  // Cells merged down at the right-hand end of the row.
  while (col < open.length) {
    if (open[col] !== undefined) covered();
    else col++;
  }
  return out + '</w:tr>';
}

function writeTable(layout: Layout, t: DocTable): void {
  const width = layout.textWidth;
  const totalWeight = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const grid = t.columns.map((c) => Math.floor((width * c.width) / totalWeight));
  const size = t.columns.length <= 4 && !layout.current.landscape ? SIZE.xiaoSi : SIZE.wu;
  // Font and size come from the paragraph style: runs carry only their text (thousands of cells per report).
  const style = size === SIZE.xiaoSi ? 'TableTextLarge' : 'TableText';

  const caption = [t.number, t.title].filter((s) => s !== '').join('　');
  if (caption !== '')
    layout.paragraph({ style: 'TableTitle' }, runXml(fitted(caption, SIZE.xiaoEr, width, 0, layout.names)));
  if (t.subtitle !== undefined && t.subtitle !== '') {
    layout.paragraph({ style: 'TableTextLarge', keepNext: true, jc: 'center' }, runXml(t.subtitle));
  }
  if (t.unitLine !== undefined || t.unitLabel !== undefined) {
    layout.paragraph(
      { style, keepNext: true, rightTab: width },
      runXml(`${t.unitLine ?? ''}\t${t.unitLabel ?? ''}`),
    );
  }

  // A row that heads the rows below it (the 绩效自评表's indicator header) starts a second Word table whose header
  // row it is: Word and LibreOffice repeat only a table's first rows on a new page.
  const parts = splitAtGroupHeaders(t);
  parts.forEach(({ table: part, group }, i) => {
    if (i > 0) layout.paragraph({ style: 'TableJoin' }, '');
    const all = [...part.header, ...part.rows.map((r) => r.cells)];
    if (all.length === 0) return;
    const total = grid.reduce((s, x) => s + x, 0);
    const ctx: TableContext = {
      t: part,
      groupPart: group,
      style,
      charTwips: size * 10, // one character of the table font, in twips
      nameCol: nameColumn(t.columns),
      widths: new Map(),
      grid,
      // Cell widths follow the grid, stretched to the table width that the grid's rounding fell short of.
      scale: total > 0 && width > total ? width / total : 1,
    };
    const open: (OpenMerge | undefined)[] = [];
    let xml =
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_PROPERTIES_TAIL}<w:tblGrid>` +
      grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
      '</w:tblGrid>';
    for (let r = 0; r < all.length; r++) xml += rowXml(ctx, all[r]!, r, open);
    layout.table(xml + '</w:tbl>');
  });
  for (const note of t.notes ?? []) layout.paragraph({ style }, runXml(note));
}

function chartDescription(chart: ChartSpec): string {
  return chart.series
    .map(
      (s) =>
        `${s.name}：` +
        chart.categories.map((c, i) => `${c} ${chartNumber(s.values[i] ?? 0)}${chart.unit}`).join('，'),
    )
    .join('；');
}

/** A chart as a native Word chart (LibreOffice and WPS draw it too); if it cannot be drawn, its data as a table. */
function writeChart(layout: Layout, chart: ChartSpec): void {
  // "Title（单位：万元）" where it fits one line; else the title alone (fitted to the measure) and the unit under it
  // on the right, as tables print it — never "万元）" alone on a line.
  const caption = `${chart.title}（单位：${chart.unit}）`;
  const oneLine = fitted(caption, SIZE.xiaoEr, layout.textWidth);
  if (!oneLine.includes('\n')) layout.paragraph({ style: 'TableTitle' }, runXml(oneLine));
  else {
    layout.paragraph({ style: 'TableTitle' }, runXml(fitted(chart.title, SIZE.xiaoEr, layout.textWidth)));
    layout.paragraph({ style: 'TableText', keepNext: true, jc: 'right' }, runXml(`单位：${chart.unit}`));
  }
  const drawn = drawnChart(chart);
  if (drawn === undefined) {
    writeTable(layout, chartDataTable(chart));
    return;
  }
  layout.charts.push(drawn);
  const n = layout.charts.length;
  const title = escapeXml(chart.title);
  const drawing =
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${CHART_EXTENT.cx}" cy="${CHART_EXTENT.cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr id="${n}" name="${title}" descr="${escapeXml(chartDescription(chart))}" title="${title}"/>` +
    `<wp:cNvGraphicFramePr/><a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rIdChart${n}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  layout.paragraph({ style: 'TableText', jc: 'center' }, drawing);
}

/** A chart's data as a small table (its caption is already written). */
function chartDataTable(chart: ChartSpec): DocTable {
  return {
    id: `chart-${chart.id}`,
    number: '',
    title: '',
    columns: [
      { key: 'name', kind: 'text', width: 24 },
      ...chart.series.map((s, i) => ({ key: `s${i}`, kind: 'amount' as const, width: 12 })),
    ],
    header: [[{ text: '项目' }, ...chart.series.map((s) => ({ text: s.name }))]],
    rows: chart.categories.map((c, i) => ({
      cells: [
        { text: c },
        ...chart.series.map((s) => ({
          text: Number.isFinite(s.values[i]) ? chartNumber(s.values[i] ?? 0) : '',
        })),
      ],
    })),
  };
}

interface SectionRefs {
  headers?: { odd: string; even: string };
  footers: { odd: string; even: string };
}

function sectionPropertiesXml(s: SectionDraft, index: number, refs: SectionRefs): string {
  const m = s.landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  const [w, h] = s.landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  return (
    '<w:sectPr>' +
    (refs.headers !== undefined
      ? `<w:headerReference w:type="default" r:id="${refs.headers.odd}"/><w:headerReference w:type="even" r:id="${refs.headers.even}"/>`
      : '') +
    `<w:footerReference w:type="default" r:id="${refs.footers.odd}"/><w:footerReference w:type="even" r:id="${refs.footers.even}"/>` +
    (index > 0 ? '<w:type w:val="nextPage"/>' : '') +
    `<w:pgSz w:w="${w}" w:h="${h}" w:orient="${s.landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
    (index === 0 ? '<w:pgNumType w:start="1"/>' : '<w:pgNumType/>') +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/** The parts of the package beyond the fixed ones, and the document's relationships to them. */
class PackageParts {
  readonly rels: Relationship[] = [
    { id: 'rId1', type: REL.styles, target: 'styles.xml' },
    { id: 'rId2', type: REL.settings, target: 'settings.xml' },
    { id: 'rId3', type: REL.fontTable, target: 'fontTable.xml' },
    { id: 'rId4', type: REL.theme, target: 'theme/theme1.xml' },
  ];
  readonly entries: ZipEntry[] = [];
  readonly headers: string[] = [];
  readonly footers: string[] = [];
  readonly charts: string[] = [];

  /** A header or footer part; returns its relationship id. */
  add(kind: 'header' | 'footer', xml: string): string {
    const list = kind === 'header' ? this.headers : this.footers;
    const path = `word/${kind}${list.length + 1}.xml`;
    list.push(path);
    const id = `rId${kind === 'header' ? 'H' : 'F'}${list.length}`;
    this.rels.push({ id, type: REL[kind], target: path.slice('word/'.length) });
    this.entries.push({ path, data: xml, reuse: true });
    return id;
  }

  /** Each drawn chart: its part, its relationship to its workbook, and the workbook. */
  async addCharts(charts: readonly DrawnChart[]): Promise<void> {
    const workbooks = await Promise.all(charts.map((c) => chartWorkbook(c.chart)));
    charts.forEach((c, i) => {
      const n = i + 1;
      this.rels.push({ id: `rIdChart${n}`, type: REL.chart, target: `charts/chart${n}.xml` });
      this.charts.push(`word/charts/chart${n}.xml`);
      this.entries.push(
        { path: `word/charts/chart${n}.xml`, data: chartXml(c, 'rId1') },
        {
          path: `word/charts/_rels/chart${n}.xml.rels`,
          data: relationshipsXml([
            { id: 'rId1', type: REL.package, target: `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx` },
          ]),
          reuse: true,
        },
        { path: `word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, data: workbooks[i]! },
      );
    });
  }
}

/** The body: each section's content and properties, with its own odd and even footer (and draft header), as Word writes them. */
function bodyXml(layout: Layout, draft: string | undefined, parts: PackageParts): string {
  return layout.sections
    .map((s, i) => {
      const refs: SectionRefs = {
        ...(draft !== undefined
          ? {
              headers: {
                odd: parts.add('header', draftHeaderXml(`PowerPlusWaterMarkObject${2 * i + 1}`, draft)),
                even: parts.add('header', draftHeaderXml(`PowerPlusWaterMarkObject${2 * i + 2}`, draft)),
              },
            }
          : {}),
        footers: {
          odd: parts.add('footer', pageNumberFooterXml('odd')),
          even: parts.add('footer', pageNumberFooterXml('even')),
        },
      };
      const sectPr = sectionPropertiesXml(s, i, refs);
      if (i === layout.sections.length - 1) return s.body.join('') + sectPr;
      // A section ends with the paragraph that holds its properties (§17.6.18): its own last one, or an empty one.
      if (!s.endsWithParagraph) return s.body.join('') + `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
      const last = s.body.pop() ?? '';
      return s.body.join('') + last.replace('</w:pPr>', `${sectPr}</w:pPr>`);
    })
    .join('');
}

/** Writes the document as DOCX bytes. */
export async function writeDocx(doc: ReportDocument, options: OfficeWriteOptions = {}): Promise<Uint8Array> {
  const layout = new Layout();
  layout.names = [doc.unitName];
  for (const block of doc.blocks) writeBlock(layout, block);
  const parts = new PackageParts();
  const draftMark = doc.draft ? draftNotice(doc).mark : undefined;
  const body = bodyXml(layout, draftMark, parts);
  await parts.addCharts(layout.charts);
  const documentXml =
    XML_DECLARATION +
    `<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}"><w:body>${body}</w:body></w:document>`;
  const date = new Date();
  const { headers, footers, charts } = parts;
  return zip(
    [
      // Content types and relationships depend only on how many sections and charts there are: reused.
      { path: '[Content_Types].xml', data: contentTypesXml({ headers, footers, charts }), reuse: true },
      { path: '_rels/.rels', data: PACKAGE_RELS_XML, reuse: true },
      { path: 'word/document.xml', data: documentXml },
      { path: 'word/_rels/document.xml.rels', data: relationshipsXml(parts.rels), reuse: true },
      { path: 'word/styles.xml', data: STYLES_XML, reuse: true },
      { path: 'word/settings.xml', data: SETTINGS_XML, reuse: true },
      { path: 'word/fontTable.xml', data: FONT_TABLE_XML, reuse: true },
      { path: 'word/theme/theme1.xml', data: THEME_XML, reuse: true },
      ...parts.entries,
      {
        path: 'docProps/core.xml',
        data: corePropertiesXml({
          title: doc.title,
          subject: `${doc.unitName}${doc.year}年度部门决算公开`,
          creator: 'Juesuan',
          keywords: '部门决算公开',
          description:
            draftMark !== undefined ? `${draftMark}；profile ${doc.profile}` : `profile ${doc.profile}`,
          lastModifiedBy: 'Juesuan',
          date,
        }),
      },
      { path: 'docProps/app.xml', data: APP_PROPERTIES_XML, reuse: true },
    ],
    { date, ...(options.deflate !== undefined ? { deflate: options.deflate } : {}) },
  );
}
