/**
 * Test support: workbooks in the layouts real files use, written from a disclosure's printed tables
 * (report/tables builds them), so that an import can be checked figure by figure. Layouts vary what
 * real files vary: sheet names and titles (public names, the final-accounts software's "Z01 …(财决01表)"),
 * 元 or 万元, a 行次 column and a 栏次 row, blank or "-" zeros, thousands separators as text, hidden
 * rows and columns, notes under the table, merged or split codes (from the profile), one sheet per
 * table or all tables on one sheet, CSV. Not exported from the package.
 */
import ExcelJS from 'exceljs';
import { amountCells } from '../balance/identities.ts';
import { generateUnitData, type GenerateOptions } from '../testing/generate-unit.ts';
import { fenText } from './amounts.ts';
import { formatAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import type { Disclosure } from '../model/disclosure.ts';
import type { DocCell, DocTable } from '../report/document.ts';

export interface LayoutOptions {
  unit: MoneyUnit;
  /** Sheet name of a table (default "表一" …). */
  sheetName?: (t: DocTable, i: number) => string;
  /** Title as printed in the sheet (default the table's). */
  title?: (t: DocTable, i: number) => string;
  /** Text in the title row's last cell, e.g. "公开01表". */
  titleTag?: (t: DocTable, i: number) => string | undefined;
  /** "编制单位：X" and "金额单位：元" in one cell instead of two. */
  unitLineCombined?: boolean;
  /** Add a 行次 column after each label column and a 栏次 row under the header (the software's export). */
  rowNumbers?: boolean;
  zero?: 'blank' | 'dash' | 'number';
  /** Amounts as text with thousands separators ("2,940.05"), as some exports write them. */
  thousandsText?: boolean;
  /** A hidden column of internal codes before the amounts, and a hidden helper row under the header. */
  hiddenStuff?: boolean;
  /** A note row under each table. */
  note?: string;
  /** All tables on one sheet, one under another, with blank rows between. */
  oneSheet?: boolean;
  /** Year in the title ("2022年度…"). */
  year?: number;
}

interface Placed {
  cell: DocCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

function place(rows: DocCell[][], width: number): Placed[] {
  const taken = new Set<string>();
  const out: Placed[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, width - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i}:${c + j}`);
      out.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return out;
}

function amountValue(fen: Fen | undefined, o: LayoutOptions): string | number | undefined {
  if (fen === undefined) return undefined;
  const decimals = 2;
  if (fen === 0 || formatAmount(fen, { unit: o.unit, decimals }) === '0.00') {
    if (o.zero === 'dash') return '-';
    if (o.zero === 'number') return 0;
    return undefined;
  }
  const text = formatAmount(fen, { unit: o.unit, decimals, thousands: o.thousandsText === true });
  return o.thousandsText ? text : Number(formatAmount(fen, { unit: o.unit, decimals }));
}

/** Writes the tables into a worksheet from row `top` (1-based); returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, t: DocTable, i: number, top: number, o: LayoutOptions): number {
  // Columns, with a 行次 column after each text column (label) when asked.
  const cols = t.columns.map((c) => c.kind);
  const map: number[] = [];
  const rowNoCols: number[] = [];
  let w = 0;
  cols.forEach((k, ci) => {
    map[ci] = w++;
    const nextIsAmount = cols[ci + 1] === 'amount';
    if (o.rowNumbers && k === 'text' && nextIsAmount) rowNoCols.push(w++);
  });
  let hiddenCol: number | undefined;
  if (o.hiddenStuff) hiddenCol = w++;
  const width = w;
  let r = top;
  const title = o.title ? o.title(t, i) : `${o.year ? `${o.year}年度` : ''}${t.title}`;
  ws.mergeCells(r, 1, r, Math.max(1, width - 1));
  ws.getCell(r, 1).value = title;
  const tag = o.titleTag?.(t, i);
  if (tag) ws.getCell(r, width).value = tag;
  r++;
  const unitText = `金额单位：${o.unit}`;
  if (o.unitLineCombined) {
    ws.getCell(r, 1).value = `${t.unitLine ?? ''}          ${unitText}`;
  } else {
    ws.getCell(r, 1).value = t.unitLine ?? '';
    ws.getCell(r, width).value = unitText;
  }
  r++;
  // Header: the doc's header with 行次 columns spanning all header rows.
  const headerTop = r;
  const hdr = place(t.header, t.columns.length);
  // A span over doc columns covers the 行次 columns inside it (they stand between label and amount).
  const expandCol = (c: number, span: number) => [map[c]!, map[c + span - 1]!] as const;
  for (const p of hdr) {
    const [c0, c1] = expandCol(p.col, p.colSpan);
    const rr = headerTop + p.row;
    if (p.rowSpan > 1 || c1 > c0) ws.mergeCells(rr, c0 + 1, rr + p.rowSpan - 1, c1 + 1);
    ws.getCell(rr, c0 + 1).value = p.cell.text;
  }
  const hRows = t.header.length;
  for (const rc of rowNoCols) {
    const covered = hdr.some((p) => {
      const [c0, c1] = expandCol(p.col, p.colSpan);
      return c0 <= rc && rc <= c1 && p.row + p.rowSpan - 1 >= hRows - 1;
    });
    const firstFree = covered
      ? hRows
      : hdr
          .filter((p) => {
            const [c0, c1] = expandCol(p.col, p.colSpan);
            return c0 <= rc && rc <= c1;
          })
          .reduce((m, p) => Math.max(m, p.row + p.rowSpan), 0);
    if (firstFree >= hRows) continue;
    if (hRows - 1 > firstFree) ws.mergeCells(headerTop + firstFree, rc + 1, headerTop + hRows - 1, rc + 1);
    ws.getCell(headerTop + firstFree, rc + 1).value = '行次';
  }
  if (hiddenCol !== undefined) {
    ws.getCell(headerTop, hiddenCol + 1).value = '内部编号';
    ws.getColumn(hiddenCol + 1).hidden = true;
  }
  r = headerTop + hRows;
  if (o.rowNumbers) {
    ws.getCell(r, 1).value = '栏次';
    let n = 1;
    cols.forEach((k, ci) => {
      if (k === 'amount') ws.getCell(r, map[ci]! + 1).value = n++;
    });
    r++;
  }
  if (o.hiddenStuff) {
    ws.getCell(r, 1).value = '校验行';
    ws.getCell(r, map[cols.indexOf('amount')]! + 1).value = 123456.78;
    ws.getRow(r).hidden = true;
    r++;
  }
  let rowNo = 1;
  for (const row of t.rows) {
    const placed = place([row.cells], t.columns.length);
    for (const p of placed) {
      const c0 = map[p.col]!;
      const c1 = map[p.col + p.colSpan - 1]!;
      const kind = cols[p.col];
      if (c1 > c0) ws.mergeCells(r, c0 + 1, r, c1 + 1);
      const cell = ws.getCell(r, c0 + 1);
      if (kind === 'amount') {
        const v =
          p.cell.fen !== undefined
            ? amountValue(p.cell.fen, o)
            : p.cell.text === ''
              ? undefined
              : p.cell.text;
        if (v !== undefined) cell.value = v;
      } else if (p.cell.text !== '') cell.value = p.cell.text;
    }
    for (const rc of rowNoCols) ws.getCell(r, rc + 1).value = rowNo;
    if (hiddenCol !== undefined) ws.getCell(r, hiddenCol + 1).value = `N${rowNo}`;
    rowNo++;
    r++;
  }
  for (const n of [...(t.notes ?? []), ...(o.note ? [o.note] : [])]) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = n;
    r++;
  }
  return r;
}

/** A workbook of the given tables in a layout. */
export async function layoutWorkbook(tables: DocTable[], o: LayoutOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (o.oneSheet) {
    const ws = wb.addWorksheet('决算报表');
    let r = 1;
    tables.forEach((t, i) => {
      r = writeTable(ws, t, i, r, o) + 2;
    });
  } else
    tables.forEach((t, i) => {
      const ws = wb.addWorksheet(o.sheetName ? o.sheetName(t, i) : t.number || `表${i + 1}`);
      writeTable(ws, t, i, 1, o);
    });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One table as CSV text (merged cells repeat nothing; the title and unit lines come first). */
export function layoutCsv(t: DocTable, o: LayoutOptions): string {
  const width = t.columns.length;
  const grid: string[][] = [];
  const line = (cells: string[]) =>
    grid.push(cells.concat(Array(Math.max(0, width - cells.length)).fill('')));
  line([o.title ? o.title(t, 0) : t.title]);
  line([t.unitLine ?? '', ...Array(Math.max(0, width - 2)).fill(''), `单位：${o.unit}`]);
  const hdr = place(t.header, width);
  const hg: string[][] = t.header.map(() => Array(width).fill(''));
  for (const p of hdr) hg[p.row]![p.col] = p.cell.text;
  for (const h of hg) grid.push(h);
  for (const row of t.rows) {
    const cells: string[] = Array(width).fill('');
    for (const p of place([row.cells], width)) {
      const kind = t.columns[p.col]?.kind;
      if (kind === 'amount') {
        const v = p.cell.fen !== undefined ? amountValue(p.cell.fen, o) : undefined;
        cells[p.col] = v === undefined ? '' : String(v);
      } else cells[p.col] = p.cell.text;
    }
    grid.push(cells);
  }
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return grid.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

/** GB 18030 bytes of a text made of ASCII and common CJK (for the CSV-from-Excel-on-Windows case). */
export function toGb18030(text: string): Uint8Array {
  // Build a reverse table from the decoder for the characters used.
  const chars = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe && table.size < chars.size; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (chars.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code <= 0x7f) out.push(code);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GB 18030 double-byte code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

/** A model without what only says where it was read from, for comparing two reads of one unit. */
export function comparable(d: Disclosure): unknown {
  return JSON.parse(
    JSON.stringify(d, (k, v: unknown) =>
      k === 'source' || k === 'cellSources' || k === 'file' || k === 'index' || v instanceof Map
        ? undefined
        : v,
    ),
  );
}

/**
 * A generated unit with amounts in 元 that are not whole 0.01 万元: every amount of an exact unit
 * scaled by one factor m/10000, so every relation (all linear, with integer coefficients) still holds.
 */
export function unitInYuanForTests(seed: number, extra: GenerateOptions = {}): Record<string, unknown> {
  const data = generateUnitData({ seed, ...extra }) as Record<string, unknown>;
  const cells = amountCells(data);
  const m = 5003 + ((seed * 7919) % 15000);
  for (const [p, fen] of cells.fen) {
    const keys = p.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
    let cur = data as Record<string, unknown>;
    for (const k of keys.slice(0, -1))
      cur = (Array.isArray(cur) ? (cur as unknown[])[Number(k)] : cur[k]) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = fenText((fen / 10_000) * m, '元');
  }
  data['amountUnit'] = '元';
  return data;
}
