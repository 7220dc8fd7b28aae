/**
 * XLSX writer: one worksheet per table of the publication, laid out as the printed 决算公开 tables
 * (财预〔2016〕143号 formats): merged title, 编制单位 and 单位：万元 line, merged header cells with
 * borders, amounts as real numbers with thousands separators, two decimals and blank zero cells,
 * codes as text, frozen header, A4 landscape print setup with the header repeated on each page.
 * The writer only lays out the `ReportDocument`; every figure comes from it.
 *
 * The sheets are laid out on a small in-memory grid (sheet-grid.ts) and written as SpreadsheetML directly
 * (ECMA-376 Part 1 §18; docs/adr/0009-office-files-written-directly.md).
 */
import { formatAmount, parseAmount, type MoneyUnit } from '../../money/amount.ts';
import { draftNotice, type CellKind, type DocCell, type DocTable, type ReportDocument } from '../document.ts';
import type { OfficeWriteOptions } from './docx.ts';
import { SheetGrid, type CellFont, type GridCell, writeWorkbook } from './sheet-grid.ts';
import { fitLines } from './line-fit.ts';
import { nameColumnIndex } from './table-grid.ts';

/** Blank zero, thousands separators, two decimals (the printed table convention). */
export const AMOUNT_FORMAT_BLANK_ZERO = '#,##0.00;-#,##0.00;""';

const FONT_NAME = '宋体';
const BODY_SIZE = 10;
const TITLE_SIZE = 16;
/** Excel rejects these in sheet names. */
const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

export async function writeXlsx(doc: ReportDocument, options: OfficeWriteOptions = {}): Promise<Uint8Array> {
  const names = new Set<string>();
  // The validation-error draft keeps its long-standing note; other drafts say why they are drafts.
  const draftNote = !doc.draft
    ? undefined
    : (doc.draftReason ?? '校验未通过') === '校验未通过'
      ? '草稿：本文件在校验未通过时强制生成，仅供核对，不得公开。'
      : `草稿：${draftNotice(doc).why}，仅供核对，不得公开。`;
  const sheets = doc.tables.map((table) => addSheet(table, sheetName(table, names), draftNote));
  if (doc.tables.length === 0) {
    // A workbook needs one sheet; say why it is empty rather than writing a broken file.
    const ws = new SheetGrid('说明', 1);
    ws.cell(1, 1).value = `${doc.title}：没有表格。`;
    sheets.push(ws);
  }
  return writeWorkbook(sheets, {
    creator: 'Juesuan',
    lastModifiedBy: 'Juesuan',
    title: doc.title,
    subject: `${doc.unitName}${doc.year}年度部门决算报表`,
    company: doc.unitName,
    keywords: doc.draft ? '部门决算公开 草稿' : '部门决算公开',
    ...(options.deflate !== undefined ? { deflate: options.deflate } : {}),
  });
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
  const taken = new Set<number>();
  const key = (r: number, c: number) => r * 4096 + c;
  const out: Placed[] = [];
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    let c = 1;
    for (const cell of cells) {
      while (taken.has(key(r, c))) c++;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - c + 1));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - i));
      if (rowSpan > 1 || colSpan > 1)
        for (let dr = 0; dr < rowSpan; dr++)
          for (let dc = 0; dc < colSpan; dc++) taken.add(key(r + dr, c + dc));
      out.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return out;
}

/** Merges the placed cell's area and borders it; returns its top-left cell, whose style the area shares. */
function mergeAndBorder(ws: SheetGrid, p: Placed): GridCell {
  if (p.rowSpan > 1 || p.colSpan > 1) ws.merge(p.row, p.col, p.row + p.rowSpan - 1, p.col + p.colSpan - 1);
  const cell = ws.cell(p.row, p.col);
  cell.style.border = true;
  return cell;
}

const font = (extra: Partial<CellFont> = {}): CellFont => ({
  name: FONT_NAME,
  size: BODY_SIZE,
  bold: false,
  ...extra,
});

function addSheet(table: DocTable, name: string, draftNote: string | undefined): SheetGrid {
  const draft = draftNote !== undefined;
  const width = Math.max(1, table.columns.length);
  const ws = new SheetGrid(name, width);
  ws.defaultRowHeight = 18;
  ws.print = table.landscape !== false ? 'landscape' : 'portrait';
  const colWidths = table.columns.map((c) => Math.max(4, c.width));
  ws.columnWidths = colWidths;
  const spanWidth = (col: number, span: number) =>
    colWidths.slice(col - 1, col - 1 + span).reduce((a, b) => a + b, 0);

  let r = 1;
  const fullRow = (
    text: string,
    style: { font: CellFont; align: 'left' | 'center' | 'right'; height?: number },
  ) => {
    if (width > 1) ws.merge(r, 1, r, width);
    const cell = ws.cell(r, 1);
    cell.value = text;
    cell.style.font = style.font;
    cell.style.alignment = { horizontal: style.align, vertical: 'middle', wrapText: true };
    const lines = linesFor(text, spanWidth(1, width) / (style.font.size / BODY_SIZE));
    ws.rowHeights.set(r, style.height ?? Math.max(18, lines * (style.font.size * 1.45) + 4));
    r++;
  };

  if (draftNote !== undefined)
    fullRow(draftNote, { font: font({ bold: true, color: 'FFC00000' }), align: 'left' });
  if (table.number) fullRow(table.number, { font: font(), align: 'left' });
  fullRow(table.title, { font: font({ bold: true, size: TITLE_SIZE }), align: 'center', height: 32 });
  if (table.unitLine || table.unitLabel) r = unitLine(ws, table, r, spanWidth);

  // Header rows: merged, centred, wrapped, bordered.
  const headerFirst = r;
  const headerPlaced = place(table.header, headerFirst, width);
  for (const p of headerPlaced) {
    const cell = mergeAndBorder(ws, p);
    cell.value = p.cell.text;
    cell.style.font = font({ bold: true });
    cell.style.alignment = { horizontal: p.cell.align ?? 'center', vertical: 'middle', wrapText: true };
  }
  const headerLast = headerFirst + table.header.length - 1;
  for (let hr = headerFirst; hr <= headerLast; hr++) {
    const lines = Math.max(
      1,
      ...headerPlaced
        .filter((p) => p.row === hr && p.rowSpan === 1)
        .map((p) => linesFor(p.cell.text, spanWidth(p.col, p.colSpan))),
    );
    ws.rowHeights.set(hr, Math.max(20, lines * 14 + 6));
  }
  r = bodyRows(ws, table, headerLast + 1, spanWidth);

  for (const note of table.notes ?? []) fullRow(note, { font: font(), align: 'left' });

  // Freeze and repeat the header rows; a table without header rows (the 绩效自评表 form) has neither, and prints on
  // one page instead, so that its indicators are never separated from their header.
  if (table.header.length > 0) {
    ws.frozenRows = headerLast;
    ws.printTitleRows = [headerFirst, headerLast];
  } else ws.fitToOnePage = true;
  ws.printAreaRows = Math.max(r - 1, headerLast);
  const page = '&C第 &P 页，共 &N 页';
  ws.header = draft ? '&C&"-,Bold"&14草稿' : undefined;
  ws.footer = draft ? `&L草稿${page}` : page;
  return ws;
}

/** 编制单位 on the left, 单位：万元 in as few right-hand columns as hold it; a long unit name wraps. */
function unitLine(
  ws: SheetGrid,
  table: DocTable,
  r: number,
  spanWidth: (c: number, n: number) => number,
): number {
  const width = ws.width;
  const labelWidth = textWidth(table.unitLabel ?? '') + 2;
  let rightCols = 1;
  while (rightCols < width - 1 && spanWidth(width - rightCols + 1, rightCols) < labelWidth) rightCols++;
  const leftEnd = width > 1 ? width - rightCols : 1;
  if (leftEnd > 1) ws.merge(r, 1, r, leftEnd);
  const left = ws.cell(r, 1);
  // A unit name too long for its cells is broken on purpose at a word boundary, never inside a word.
  // (Room estimated with a margin: a line the application finds slightly too long would wrap anywhere.)
  const room = (spanWidth(1, leftEnd) - 1) * 0.92;
  const unit = (table.unitLine ?? '').replace(/^编制单位：/, '');
  left.value =
    textWidth(table.unitLine ?? '') <= room
      ? (table.unitLine ?? '')
      : fitLines(table.unitLine ?? '', { capacity: [room / 1.6], names: [unit] }).join('\n');
  left.style.font = font();
  left.style.alignment = { horizontal: 'left', vertical: 'bottom', wrapText: true };
  if (width > 1) {
    if (width > leftEnd + 1) ws.merge(r, leftEnd + 1, r, width);
    const right = ws.cell(r, leftEnd + 1);
    right.value = table.unitLabel ?? '';
    right.style.font = font();
    right.style.alignment = { horizontal: 'right', vertical: 'bottom' };
  } else if (table.unitLabel) left.value = `${table.unitLine ?? ''}\u3000${table.unitLabel}`.trim();
  ws.rowHeights.set(r, Math.max(20, String(left.value).split('\n').length * 14 + 6));
  return r + 1;
}

function bodyRows(
  ws: SheetGrid,
  table: DocTable,
  bodyFirst: number,
  spanWidth: (c: number, n: number) => number,
): number {
  const unit = unitOf(table);
  const indentCol = nameColumnIndex(table) + 1;
  const bodyPlaced = place(
    table.rows.map((row) => row.cells),
    bodyFirst,
    ws.width,
  );
  const heights = new Map<number, number>();
  for (const p of bodyPlaced) {
    const row = table.rows[p.row - bodyFirst];
    const kind: CellKind = table.columns[p.col - 1]?.kind ?? 'text';
    const cell = mergeAndBorder(ws, p);
    const bold = p.cell.bold ?? row?.bold ?? false;
    cell.style.font = font(bold ? { bold: true } : {});
    const indent = p.col === indentCol && p.colSpan === 1 ? (row?.indent ?? 0) : 0;
    writeValue(cell, p.cell, kind, unit);
    if (p.cell.unknown === true) {
      cell.style.fill = 'FFFFF200';
      cell.style.font = font({ bold: true, color: 'FFA00000' });
    }
    const numeric = typeof cell.value === 'number';
    const horizontal =
      p.cell.align ??
      (numeric || kind === 'amount' ? 'right' : kind === 'code' ? 'left' : p.colSpan > 1 ? 'center' : 'left');
    // Text and figures keep one character of air from the border they align to; names add their level.
    const pad = horizontal === 'center' ? 0 : 1 + (horizontal === 'left' ? indent : 0);
    cell.style.alignment = {
      horizontal,
      vertical: 'middle',
      wrapText: !numeric && kind !== 'code',
      ...(pad > 0 ? { indent: pad } : {}),
    };
    if (kind !== 'code' && !numeric && p.rowSpan === 1) {
      // An indent step measures about 1.5 width units in Excel and LibreOffice.
      const lines = linesFor(p.cell.text, spanWidth(p.col, p.colSpan) - pad * 1.5);
      heights.set(p.row, Math.max(heights.get(p.row) ?? 1, lines));
    }
  }
  for (let br = bodyFirst; br < bodyFirst + table.rows.length; br++) {
    ws.rowHeights.set(br, Math.max(18, (heights.get(br) ?? 1) * 14 + 4));
  }
  return bodyFirst + table.rows.length;
}

/** Writes the value of a body cell: amounts as numbers from the exact 分, codes as text. */
function writeValue(cell: GridCell, doc: DocCell, kind: CellKind, unit: MoneyUnit): void {
  if (kind === 'code') {
    cell.value = doc.text;
    cell.style.numFmt = '@';
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
    cell.style.numFmt = numberFormat(decimals, value !== 0 || doc.text.trim() === '');
    return;
  }
  if (doc.number !== undefined && Number.isFinite(doc.number)) {
    const text = doc.text.trim();
    const percent = text.endsWith('%');
    cell.value = doc.number;
    cell.style.numFmt = numberFormat(
      decimalsOf(text, kind === 'count' ? 0 : 2),
      doc.number !== 0 || text === '',
      percent ? '"%"' : '',
    );
    return;
  }
  cell.value = doc.text;
}
