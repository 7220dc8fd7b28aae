/**
 * DOCX writer: lays a `ReportDocument` out after GB/T 9704-2012《党政机关公文格式》 — A4, margins 37/35/28/26 mm,
 * title 方正小标宋简体 2号, headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold 3号, body 仿宋_GB2312 3号 with a fixed 28 pt
 * line, page numbers "— 1 —" in 4号 宋体 (odd pages right, even pages left, §7.5). Wide tables go in landscape
 * sections; tables are real Word tables with repeated header rows; charts are native Word charts.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { TextWatermark } from 'docx/watermarks';
import type { Block, ChartSpec, DocCell, DocColumn, DocTable, ReportDocument, Run } from '../document.ts';

/** Font names as Chinese government documents name them; the font table gives each a fallback (see FONT_TABLE_XML). */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  table: '宋体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Chinese type sizes in half-points (docx `size`): 2号 22 pt, 小二 18 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { er: 44, xiaoEr: 36, san: 32, si: 28, xiaoSi: 24, wu: 21 } as const;

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

/** Fixed line spacing of the body, 28 pt (GB/T 9704: 22 lines per page). */
const BODY_LINE = 560;
const TWO_CHARS = 640; // two 16 pt characters in twips

const fonts = (eastAsia: string) => ({
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia,
  cs: DOCX_FONTS.latin,
});

/**
 * The font table: each official font with an alternative name, the GB2312 charset (86) and the code-page bit for
 * GB2312, so that Word/WPS without 方正小标宋简体 or 仿宋_GB2312 substitute a Chinese font (宋体, 仿宋 …) and
 * LibreOffice picks a CJK font through its own substitution rather than drawing boxes.
 */
const FONT_ENTRIES: readonly { name: string; alt: string; panose: string; family: string; pitch: string }[] =
  [
    {
      name: DOCX_FONTS.title,
      alt: '宋体',
      panose: '02010600030101010101',
      family: 'roman',
      pitch: 'variable',
    },
    {
      name: DOCX_FONTS.heading1,
      alt: 'SimHei',
      panose: '02010609060101010101',
      family: 'swiss',
      pitch: 'variable',
    },
    {
      name: DOCX_FONTS.heading2,
      alt: '楷体',
      panose: '02010609060101010101',
      family: 'roman',
      pitch: 'variable',
    },
    {
      name: DOCX_FONTS.body,
      alt: '仿宋',
      panose: '02010609060101010101',
      family: 'roman',
      pitch: 'variable',
    },
    {
      name: DOCX_FONTS.table,
      alt: 'SimSun',
      panose: '02010600030101010101',
      family: 'roman',
      pitch: 'variable',
    },
  ];

const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  FONT_ENTRIES.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
      '<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/></w:font>',
  ).join('') +
  `<w:font w:name="${DOCX_FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
  '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
  '</w:fonts>';

export const DRAFT_HEADER = '草稿（校验未通过）';

/** Whether a table is printed on a landscape page: asked for, or too many columns for 156 mm. */
export function isWideTable(t: DocTable): boolean {
  const totalWidth = t.columns.reduce((s, c) => s + c.width, 0);
  return t.landscape === true || t.columns.length > 6 || totalWidth > 100;
}

type Child = Paragraph | Table;

interface SectionDraft {
  landscape: boolean;
  children: Child[];
}

class Layout {
  readonly sections: SectionDraft[] = [{ landscape: false, children: [] }];
  /** A page break waiting for the next paragraph (set as pageBreakBefore, so no empty line starts the page). */
  pendingBreak = false;

  get current(): SectionDraft {
    const s = this.sections[this.sections.length - 1];
    if (s === undefined) throw new Error('no section');
    return s;
  }

  /** Switches orientation; a new section starts on a new page, which consumes a pending page break. */
  orient(landscape: boolean): void {
    const cur = this.current;
    if (cur.landscape === landscape) return;
    if (cur.children.length === 0) cur.landscape = landscape;
    else this.sections.push({ landscape, children: [] });
    this.pendingBreak = false;
  }

  paragraph(options: IParagraphOptions): void {
    const breakBefore = this.pendingBreak;
    this.pendingBreak = false;
    this.current.children.push(new Paragraph(breakBefore ? { ...options, pageBreakBefore: true } : options));
  }

  table(t: Table): void {
    this.current.children.push(t);
  }

  get textWidth(): number {
    return this.current.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  }
}

function textRun(run: Run, base: IRunOptions = {}): TextRun {
  return new TextRun({
    ...base,
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.placeholder ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

function writeBlock(layout: Layout, block: Block): void {
  switch (block.type) {
    case 'title':
      layout.orient(false);
      layout.paragraph({ style: 'Title', children: [new TextRun(block.text)] });
      if (block.subtitle !== undefined)
        layout.paragraph({ style: 'Subtitle', children: [new TextRun(block.subtitle)] });
      // GB/T 9704 §7.3.3: one empty line between the title and the text.
      layout.paragraph({ style: 'Body', indent: { firstLine: 0 }, children: [] });
      return;
    case 'heading': {
      layout.orient(false);
      const heading = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 }[
        block.level
      ];
      layout.paragraph({ heading, children: [new TextRun(block.text)] });
      return;
    }
    case 'paragraph': {
      layout.orient(false);
      const align = block.align ?? 'justify';
      layout.paragraph({
        style: 'Body',
        alignment: ALIGN[align],
        ...(block.indent === false || align === 'center'
          ? { indent: { firstLine: 0, firstLineChars: 0 } }
          : {}),
        children: block.runs.map((r) => textRun(r)),
      });
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

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

/** The grid column of every cell, allowing for cells merged across rows from above (HTML-style rowSpan). */
function placeCells(rows: readonly (readonly DocCell[])[]): number[][] {
  const taken: boolean[][] = [];
  return rows.map((cells, r) => {
    let col = 0;
    return cells.map((cell) => {
      while (taken[r]?.[col] === true) col++;
      const at = col;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        const row = (taken[r + dr] ??= []);
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) row[at + dc] = true;
      }
      col += cell.colSpan ?? 1;
      return at;
    });
  });
}

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

function writeTable(layout: Layout, t: DocTable): void {
  const width = layout.textWidth;
  const totalWeight = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const grid = t.columns.map((c) => Math.floor((width * c.width) / totalWeight));
  const size = t.columns.length <= 4 && !layout.current.landscape ? SIZE.xiaoSi : SIZE.wu;
  const charTwips = size * 10; // one character of the table font, in twips
  // Font and size come from the paragraph style: runs carry only their text (thousands of cells per report).
  const style = size === SIZE.xiaoSi ? 'TableTextLarge' : 'TableText';

  const caption = [t.number, t.title].filter((s) => s !== '').join('　');
  layout.paragraph({ style: 'TableTitle', children: [new TextRun(caption)] });
  if (t.subtitle !== undefined && t.subtitle !== '') {
    layout.paragraph({
      style: 'TableTextLarge',
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new TextRun(t.subtitle)],
    });
  }
  if (t.unitLine !== undefined || t.unitLabel !== undefined) {
    layout.paragraph({
      style,
      keepNext: true,
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      children: [new TextRun(`${t.unitLine ?? ''}\t${t.unitLabel ?? ''}`)],
    });
  }

  const all = [...t.header, ...t.rows.map((r) => r.cells)];
  const placed = placeCells(all);
  const nameCol = nameColumn(t.columns);

  const rows = all.map((cells, r) => {
    const isHeader = r < t.header.length;
    const docRow = isHeader ? undefined : t.rows[r - t.header.length];
    return new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((cell, i) => {
        const col = placed[r]?.[i] ?? 0;
        const span = cell.colSpan ?? 1;
        const align = cellAlign(cell, span === 1 ? t.columns[col] : undefined, isHeader);
        const indentLevel = !isHeader && col === nameCol && align === 'left' ? (docRow?.indent ?? 0) : 0;
        const bold = isHeader || cell.bold === true || docRow?.bold === true;
        return new TableCell({
          // No w:tcW: the fixed layout's w:tblGrid gives the widths (and saves a fifth of the writing time).
          verticalAlign: VerticalAlignTable.CENTER,
          ...(span > 1 ? { columnSpan: span } : {}),
          ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
          children: [
            new Paragraph({
              style,
              alignment: ALIGN[align],
              ...(indentLevel > 0 ? { indent: { left: indentLevel * charTwips } } : {}),
              children: [new TextRun(bold ? { text: cell.text, bold: true } : cell.text)],
            }),
          ],
        });
      }),
    });
  });

  if (rows.length > 0) {
    layout.table(
      new Table({
        rows,
        width: { size: width, type: WidthType.DXA },
        columnWidths: grid,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        borders: TABLE_BORDERS,
        margins: { top: 30, bottom: 30, left: 80, right: 80 },
      }),
    );
  }
  for (const note of t.notes ?? []) {
    layout.paragraph({ style, children: [new TextRun(note)] });
  }
}

const CHART_COLORS = ['C0504D', '4F81BD', '9BBB59', 'F79646', '8064A2', '4BACC6', '7F7F7F', 'D99694'];

/** A chart as a native Word chart (LibreOffice and WPS draw it too); if it cannot be drawn, its data as a table. */
function writeChart(layout: Layout, chart: ChartSpec): void {
  layout.paragraph({ style: 'TableTitle', children: [new TextRun(`${chart.title}（单位：${chart.unit}）`)] });
  const font = { name: DOCX_FONTS.table };
  const size = { width: 560, height: 300 };
  let drawing: ChartRun | undefined;
  try {
    const [first] = chart.series;
    if (
      chart.kind === 'pie' &&
      chart.series.length === 1 &&
      first !== undefined &&
      first.values.every((v) => v >= 0)
    ) {
      drawing = new ChartRun({
        type: 'pie',
        categories: chart.categories,
        series: [
          {
            name: first.name,
            values: first.values,
            colors: chart.categories.map((_, i) => CHART_COLORS[i % CHART_COLORS.length]),
          },
        ],
        dataLabels: {
          value: true,
          position: 'outsideEnd',
          numberFormat: '#,##0.00',
          font: { ...font, size: 9, color: '000000' },
        },
        legend: { position: 'right', font: { ...font, size: 10 } },
        font,
        transformation: size,
        altText: { name: chart.title, description: chartDescription(chart), title: chart.title },
      });
    } else if (chart.series.length > 0 && chart.categories.length > 0) {
      drawing = new ChartRun({
        type: 'column',
        categories: chart.categories,
        series: chart.series.map((s, i) => ({
          name: s.name,
          values: s.values,
          color: CHART_COLORS[i % CHART_COLORS.length],
        })),
        // Labels on every bar only while they fit side by side; the axis carries the scale otherwise.
        ...(chart.categories.length * chart.series.length <= 8
          ? {
              dataLabels: {
                value: true,
                numberFormat: '#,##0.00',
                font: { ...font, size: 8, color: '000000' },
              },
            }
          : {}),
        valueAxis: { numberFormat: '#,##0', font: { ...font, size: 9 } },
        categoryAxis: { font: { ...font, size: 9 } },
        legend: { position: 'bottom', font: { ...font, size: 10 } },
        font,
        transformation: size,
        altText: { name: chart.title, description: chartDescription(chart), title: chart.title },
      });
    }
  } catch {
    drawing = undefined; // e.g. a value that is not a finite number: fall through to the data table
  }
  if (drawing !== undefined) {
    layout.paragraph({ style: 'TableText', alignment: AlignmentType.CENTER, children: [drawing] });
    return;
  }
  writeTable(layout, chartDataTable(chart));
}

function chartNumber(v: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'PageNumber',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // GB/T 9704 §7.5: one character in from the edge of the text block.
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'DraftMark',
        children: [
          new TextRun(DRAFT_HEADER),
          new TextWatermark({
            text: '草稿',
            font: DOCX_FONTS.heading1,
            color: 'D0D0D0',
            opacity: 0.35,
            width: 420,
          }),
        ],
      }),
    ],
  });
}

function sectionOptions(s: SectionDraft, index: number, draft: boolean): ISectionOptions {
  const header = draft ? { default: draftHeader(), even: draftHeader() } : undefined;
  return {
    properties: {
      ...(index > 0 ? { type: SectionType.NEXT_PAGE } : {}),
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: s.landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
        ...(index === 0 ? { pageNumbers: { start: 1 } } : {}),
      },
    },
    ...(header !== undefined ? { headers: header } : {}),
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children: s.children,
  };
}

const bodyParagraph = {
  spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
};

/** Writes the document as DOCX bytes. */
export async function writeDocx(doc: ReportDocument): Promise<Uint8Array> {
  const layout = new Layout();
  for (const block of doc.blocks) writeBlock(layout, block);

  const document = new Document({
    title: doc.title,
    subject: `${doc.unitName}${doc.year}年度部门决算公开`,
    creator: 'Juesuan',
    lastModifiedBy: 'Juesuan',
    keywords: '部门决算公开',
    description: doc.draft ? `${DRAFT_HEADER}；profile ${doc.profile}` : `profile ${doc.profile}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: fonts(DOCX_FONTS.body),
            size: SIZE.san,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
        title: {
          run: { font: fonts(DOCX_FONTS.title), size: SIZE.er, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          },
        },
        heading1: {
          run: { font: fonts(DOCX_FONTS.heading1), size: SIZE.san, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, keepNext: true, outlineLevel: 0, ...bodyParagraph },
        },
        heading2: {
          run: { font: fonts(DOCX_FONTS.heading2), size: SIZE.san, bold: false, color: '000000' },
          paragraph: {
            indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
            keepNext: true,
            outlineLevel: 1,
            ...bodyParagraph,
          },
        },
        heading3: {
          run: { font: fonts(DOCX_FONTS.body), size: SIZE.san, bold: true, color: '000000' },
          paragraph: {
            indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
            keepNext: true,
            outlineLevel: 2,
            ...bodyParagraph,
          },
        },
      },
      paragraphStyles: [
        {
          id: 'Body',
          name: 'Body Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: fonts(DOCX_FONTS.body), size: SIZE.san },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
            ...bodyParagraph,
          },
        },
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          run: { font: fonts(DOCX_FONTS.heading2), size: SIZE.san },
          paragraph: { alignment: AlignmentType.CENTER, ...bodyParagraph },
        },
        {
          id: 'TableTitle',
          name: 'Table Title',
          basedOn: 'Normal',
          run: { font: fonts(DOCX_FONTS.title), size: SIZE.xiaoEr },
          paragraph: {
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: fonts(DOCX_FONTS.table), size: SIZE.wu },
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
        {
          id: 'TableTextLarge',
          name: 'Table Text Large',
          basedOn: 'TableText',
          run: { size: SIZE.xiaoSi },
        },
        {
          id: 'PageNumber',
          name: 'Page Number Line',
          basedOn: 'Normal',
          run: { font: fonts(DOCX_FONTS.pageNumber), size: SIZE.si },
        },
        {
          id: 'DraftMark',
          name: 'Draft Mark',
          basedOn: 'Normal',
          run: { font: fonts(DOCX_FONTS.heading1), size: SIZE.xiaoSi, color: 'C00000', bold: true },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
    },
    sections: layout.sections.map((s, i) => sectionOptions(s, i, doc.draft)),
  });

  return Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
}
