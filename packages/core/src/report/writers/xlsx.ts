/**
 * XLSX writer: one worksheet per table of the publication, laid out as the printed 决算公开 tables
 * (财预〔2016〕143号 formats): merged title, 编制单位 and 单位：万元 line, merged header cells with
 * borders, amounts as real numbers with thousands separators, two decimals and blank zero cells,
 * codes as text, frozen header, A4 landscape print setup with the header repeated on each page.
 * The writer only lays out the `ReportDocument`; every figure comes from it.
 */
import ExcelJS from 'exceljs';
import { formatAmount, parseAmount, type MoneyUnit } from '../../money/amount.ts';
import type { CellKind, DocCell, DocTable, ReportDocument } from '../document.ts';
import { nameColumnIndex } from './table-grid.ts';

/** Blank zero, thousands separators, two decimals (the printed table convention). */
export const AMOUNT_FORMAT_BLANK_ZERO = '#,##0.00;-#,##0.00;""';

const FONT_NAME = '宋体';
const BODY_SIZE = 10;
const TITLE_SIZE = 16;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel rejects these in sheet names. */
const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

const DRAFT_NOTE = '草稿：本文件在校验未通过时强制生成，仅供核对，不得公开。';

export async function writeXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Juesuan';
  wb.lastModifiedBy = 'Juesuan';
  wb.title = doc.title;
  wb.subject = `${doc.unitName}${doc.year}年度部门决算报表`;
  wb.company = doc.unitName;
  wb.keywords = doc.draft ? '部门决算公开 草稿' : '部门决算公开';
  const names = new Set<string>();
  for (const table of doc.tables) addSheet(wb, table, sheetName(table, names), doc.draft);
  if (doc.tables.length === 0) {
    // A workbook needs one sheet; say why it is empty rather than writing a broken file.
    const ws = wb.addWorksheet('说明');
    ws.getCell('A1').value = `${doc.title}：没有表格。`;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as Uint8Array);
}

/** "表一 收入支出决算总表" shortened to Excel's 31 characters, without forbidden characters, unique. */
export function sheetName(table: Pick<DocTable, 'number' | 'title' | 'id'>, used: Set<string>): string {
  const clean = (s: string) => s.replace(FORBIDDEN_SHEET_CHARS, '').replace(/\s+/g, ' ').trim();
  const title = clean(table.title);
  let base = clean(table.number ? `${table.number} ${title}` : title) || clean(table.id) || '表';
  base = base.replace(/^'+|'+$/g, '') || '表';
  if (base.toLowerCase() === 'history') base = `${base}表`;
  base = [...base].slice(0, MAX_SHEET_NAME).join('');
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Money unit named by the table's unit label ("单位：万元"). */
function unitOf(table: DocTable): MoneyUnit {
  const label = table.unitLabel ?? '';
  if (label.includes('万元')) return '万元';
  if (label.includes('亿元')) return '亿元';
  if (label.includes('元')) return '元';
  return '万元';
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u201C\u201D]/;

/** Display width in Excel character units (width of "0"): a CJK character measures about 1.6 at the body size. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 1.6 : 1;
  return w;
}

/** Lines a wrapped text needs in a cell of `width` characters. */
function linesFor(text: string, width: number): number {
  if (!text) return 1;
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

function decimalsOf(text: string, fallback: number): number {
  const m = /\.(\d+)/.exec(text);
  return m?.[1] !== undefined ? m[1].length : fallback;
}

function numberFormat(decimals: number, blankZero: boolean, suffix = ''): string {
  const d = decimals > 0 ? '.' + '0'.repeat(decimals) : '';
  const pos = `#,##0${d}${suffix}`;
  return `${pos};-${pos};${blankZero ? '""' : `0${d}${suffix}`}`;
}

interface Placed {
  cell: DocCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Places rows of cells on a grid, honouring colSpan/rowSpan (cells skip columns taken from above). */
function place(rows: DocCell[][], firstRow: number, width: number): Placed[] {
  const taken = new Set<string>();
  const out: Placed[] = [];
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    let c = 1;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - c + 1));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - i));
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr}:${c + dc}`);
      out.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return out;
}

function mergeAndBorder(ws: ExcelJS.Worksheet, p: Placed): void {
  if (p.rowSpan > 1 || p.colSpan > 1)
    ws.mergeCells(p.row, p.col, p.row + p.rowSpan - 1, p.col + p.colSpan - 1);
  for (let r = p.row; r < p.row + p.rowSpan; r++)
    for (let c = p.col; c < p.col + p.colSpan; c++) ws.getCell(r, c).border = BORDER;
}

function addSheet(wb: ExcelJS.Workbook, table: DocTable, name: string, draft: boolean): void {
  const width = Math.max(1, table.columns.length);
  const landscape = table.landscape !== false;
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 18 },
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  const colWidths = table.columns.map((c) => Math.max(4, c.width));
  ws.columns = table.columns.map((c, i) => ({ key: c.key, width: colWidths[i] ?? 10 }));
  const spanWidth = (col: number, span: number) =>
    colWidths.slice(col - 1, col - 1 + span).reduce((a, b) => a + b, 0);
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
    name: FONT_NAME,
    size: BODY_SIZE,
    ...extra,
  });

  let r = 1;
  const fullRow = (
    text: string,
    style: { font: Partial<ExcelJS.Font>; align: 'left' | 'center' | 'right'; height?: number },
  ) => {
    if (width > 1) ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = style.font;
    cell.alignment = { horizontal: style.align, vertical: 'middle', wrapText: true };
    const lines = linesFor(text, spanWidth(1, width) / ((style.font.size ?? BODY_SIZE) / BODY_SIZE));
    ws.getRow(r).height = style.height ?? Math.max(18, lines * ((style.font.size ?? BODY_SIZE) * 1.45) + 4);
    r++;
  };

  if (draft) fullRow(DRAFT_NOTE, { font: font({ bold: true, color: { argb: 'FFC00000' } }), align: 'left' });
  if (table.number) fullRow(table.number, { font: font(), align: 'left' });
  fullRow(table.title, { font: font({ bold: true, size: TITLE_SIZE }), align: 'center', height: 32 });

  // 编制单位 on the left, 单位：万元 in as few right-hand columns as hold it; a long unit name wraps.
  if (table.unitLine || table.unitLabel) {
    const labelWidth = textWidth(table.unitLabel ?? '') + 2;
    let rightCols = 1;
    while (rightCols < width - 1 && spanWidth(width - rightCols + 1, rightCols) < labelWidth) rightCols++;
    const leftEnd = width > 1 ? width - rightCols : 1;
    if (leftEnd > 1) ws.mergeCells(r, 1, r, leftEnd);
    const left = ws.getCell(r, 1);
    left.value = table.unitLine ?? '';
    left.font = font();
    left.alignment = { horizontal: 'left', vertical: 'bottom', wrapText: true };
    if (width > 1) {
      if (width > leftEnd + 1) ws.mergeCells(r, leftEnd + 1, r, width);
      const right = ws.getCell(r, leftEnd + 1);
      right.value = table.unitLabel ?? '';
      right.font = font();
      right.alignment = { horizontal: 'right', vertical: 'bottom' };
    } else if (table.unitLabel) left.value = `${table.unitLine ?? ''}\u3000${table.unitLabel}`.trim();
    ws.getRow(r).height = Math.max(20, linesFor(String(left.value), spanWidth(1, leftEnd)) * 14 + 6);
    r++;
  }

  // Header rows: merged, centred, wrapped, bordered.
  const headerFirst = r;
  const headerPlaced = place(table.header, headerFirst, width);
  for (const p of headerPlaced) {
    mergeAndBorder(ws, p);
    const cell = ws.getCell(p.row, p.col);
    cell.value = p.cell.text;
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: p.cell.align ?? 'center', vertical: 'middle', wrapText: true };
  }
  const headerLast = headerFirst + table.header.length - 1;
  for (let hr = headerFirst; hr <= headerLast; hr++) {
    const lines = Math.max(
      1,
      ...headerPlaced
        .filter((p) => p.row === hr && p.rowSpan === 1)
        .map((p) => linesFor(p.cell.text, spanWidth(p.col, p.colSpan))),
    );
    ws.getRow(hr).height = Math.max(20, lines * 14 + 6);
  }
  r = headerLast + 1;

  // Body rows.
  const unit = unitOf(table);
  const indentCol = nameColumnIndex(table) + 1;
  const bodyFirst = r;
  const bodyPlaced = place(
    table.rows.map((row) => row.cells),
    bodyFirst,
    width,
  );
  const heights = new Map<number, number>();
  for (const p of bodyPlaced) {
    const row = table.rows[p.row - bodyFirst];
    const kind: CellKind = table.columns[p.col - 1]?.kind ?? 'text';
    mergeAndBorder(ws, p);
    const cell = ws.getCell(p.row, p.col);
    const bold = p.cell.bold ?? row?.bold ?? false;
    cell.font = font(bold ? { bold: true } : {});
    const indent = p.col === indentCol && p.colSpan === 1 ? (row?.indent ?? 0) : 0;
    writeValue(cell, p.cell, kind, unit);
    const numeric = typeof cell.value === 'number';
    const horizontal =
      p.cell.align ??
      (numeric || kind === 'amount' ? 'right' : kind === 'code' ? 'left' : p.colSpan > 1 ? 'center' : 'left');
    // Text and figures keep one character of air from the border they align to; names add their level.
    const pad = horizontal === 'center' ? 0 : 1 + (horizontal === 'left' ? indent : 0);
    cell.alignment = {
      horizontal,
      vertical: 'middle',
      wrapText: !numeric,
      ...(pad > 0 ? { indent: pad } : {}),
    };
    if (kind === 'code') cell.alignment = { ...cell.alignment, wrapText: false };
    else if (!numeric && p.rowSpan === 1) {
      // An indent step measures about 1.5 width units in Excel and LibreOffice.
      const lines = linesFor(p.cell.text, spanWidth(p.col, p.colSpan) - pad * 1.5);
      heights.set(p.row, Math.max(heights.get(p.row) ?? 1, lines));
    }
  }
  for (let br = bodyFirst; br < bodyFirst + table.rows.length; br++) {
    ws.getRow(br).height = Math.max(18, (heights.get(br) ?? 1) * 14 + 4);
  }
  r = bodyFirst + table.rows.length;

  for (const note of table.notes ?? []) fullRow(note, { font: font(), align: 'left' });

  // Freeze and repeat the header rows; a table without header rows (the 绩效自评表 form) has neither.
  if (table.header.length > 0) {
    ws.views = [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: headerLast,
        topLeftCell: `A${headerLast + 1}`,
        activeCell: `A${headerLast + 1}`,
      },
    ];
    ws.pageSetup.printTitlesRow = `${headerFirst}:${headerLast}`;
  }
  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${Math.max(r - 1, headerLast)}`;
  const page = '&C第 &P 页，共 &N 页';
  ws.headerFooter = draft
    ? { oddHeader: '&C&"-,Bold"&14草稿', oddFooter: `&L草稿${page}` }
    : { oddFooter: page };
}

/** Writes the value of a body cell: amounts as numbers from the exact 分, codes as text. */
function writeValue(cell: ExcelJS.Cell, doc: DocCell, kind: CellKind, unit: MoneyUnit): void {
  if (kind === 'code') {
    cell.value = doc.text;
    cell.numFmt = '@';
    return;
  }
  if (doc.fen !== undefined) {
    const decimals = decimalsOf(doc.text, 2);
    let printed = formatAmount(doc.fen, { unit, decimals });
    // The document's printed figure wins where it was stated rather than computed (rounding cases).
    if (doc.text.trim() !== '') {
      try {
        const stated = parseAmount(doc.text, unit).fen;
        const statedText = formatAmount(stated, { unit, decimals });
        if (statedText !== printed) printed = statedText;
      } catch {
        // Printed as something other than a figure (e.g. "—"): print what the document prints.
        cell.value = doc.text;
        return;
      }
    }
    const value = Number(printed);
    cell.value = value;
    // Zero cells print blank unless the document printed the zero ("0.00").
    cell.numFmt = numberFormat(decimals, value !== 0 || doc.text.trim() === '');
    return;
  }
  if (doc.number !== undefined && Number.isFinite(doc.number)) {
    const text = doc.text.trim();
    const percent = text.endsWith('%');
    cell.value = doc.number;
    cell.numFmt = numberFormat(
      decimalsOf(text, kind === 'count' ? 0 : 2),
      doc.number !== 0 || text === '',
      percent ? '"%"' : '',
    );
    return;
  }
  cell.value = doc.text;
}
