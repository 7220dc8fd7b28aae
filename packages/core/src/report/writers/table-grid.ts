/**
 * Where each cell of a document table sits once colSpan/rowSpan are applied, shared by the HTML,
 * Markdown and open-data writers (which must know the column of a cell to align, indent or label it).
 */
import type { DocCell, DocColumn, DocTable } from '../document.ts';

export interface Slot {
  cell: DocCell;
  /** True in the top-left slot of the cell; false in the slots it covers by spanning. */
  origin: boolean;
  /** First column of the cell. */
  col: number;
}

/** Places rows of cells on a grid `width` columns wide; slots nothing covers are undefined. */
export function placeCells(rows: readonly (readonly DocCell[])[], width: number): (Slot | undefined)[][] {
  const grid: (Slot | undefined)[][] = rows.map(() => new Array<Slot | undefined>(width).fill(undefined));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && grid[r]?.[c] !== undefined) c++;
      if (c >= width) break;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let rr = r; rr < Math.min(rows.length, r + rowSpan); rr++) {
        for (let cc = c; cc < Math.min(width, c + colSpan); cc++) {
          const line = grid[rr];
          if (line) line[cc] = { cell, origin: rr === r && cc === c, col: c };
        }
      }
      c += colSpan;
    }
  });
  return grid;
}

/**
 * One label per column from the (possibly merged) header rows, the levels joined with " / ":
 * "2022年度 / 预算数". A column without a header label falls back to its key.
 */
export function headerLabels(table: DocTable): string[] {
  const width = table.columns.length;
  const grid = placeCells(table.header, width);
  return table.columns.map((column, c) => {
    const parts: string[] = [];
    let last: DocCell | undefined;
    for (const line of grid) {
      const slot = line[c];
      if (!slot || slot.cell === last) continue;
      last = slot.cell;
      const text = slot.cell.text.trim();
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    return parts.length > 0 ? parts.join(' / ') : column.key;
  });
}

/**
 * Whether a table is printed on a landscape page: asked for, or too many columns for a portrait text block
 * (156 mm). The DOCX and the HTML print make the same choice.
 */
export function isWideTable(t: DocTable): boolean {
  const totalWidth = t.columns.reduce((s, c) => s + c.width, 0);
  return t.landscape === true || t.columns.length > 6 || totalWidth > 100;
}

const NUMERIC_KINDS = new Set<DocColumn['kind']>(['amount', 'percent', 'count', 'score']);

export function isNumericColumn(column: DocColumn | undefined): boolean {
  return column !== undefined && NUMERIC_KINDS.has(column.kind);
}

/** Index of the column holding the row name (key 'name', else the first text column), or -1. */
export function nameColumnIndex(table: DocTable): number {
  const byKey = table.columns.findIndex((c) => c.key === 'name');
  return byKey >= 0 ? byKey : table.columns.findIndex((c) => c.kind === 'text');
}

/** For a figure column: the columns that name its row (code and name cells left of it). */
export interface RowLabelColumns {
  /** Code columns (one merged code, or split 类/款/项 columns). */
  code: number[];
  name: number | undefined;
}

function isLabelColumn(column: DocColumn): boolean {
  return column.kind === 'text' || column.kind === 'code';
}

/**
 * Which columns label each figure column: the run of code/name columns immediately before the run of
 * figure columns it belongs to. Most tables have one run; two-sided tables (T1 income ‖ expenditure)
 * have one per side. Label columns themselves map to undefined.
 */
export function rowLabelColumns(table: DocTable): (RowLabelColumns | undefined)[] {
  let current: RowLabelColumns = { code: [], name: undefined };
  let inLabels = false;
  return table.columns.map((column, i) => {
    if (isLabelColumn(column)) {
      if (!inLabels) current = { code: [], name: undefined };
      inLabels = true;
      if (column.kind === 'code' || column.key === 'code') current.code.push(i);
      else current.name ??= i;
      return undefined;
    }
    inLabels = false;
    return current;
  });
}

/**
 * A table in parts: split before each row marked `groupHeader` (unless a cell merged down from above crosses
 * it), that row becoming the header row of the next part (flagged `group`). Word, LibreOffice and browsers repeat only a
 * table's first rows on a new page, so the DOCX and HTML writers print each part as a table of its own.
 */
export function splitAtGroupHeaders(t: DocTable): { table: DocTable; group: boolean }[] {
  const parts: { table: DocTable; group: boolean }[] = [];
  let start = 0;
  let header = t.header;
  let group = false;
  let reach = 0; // last row index a merged cell reaches so far
  t.rows.forEach((row, i) => {
    if (row.groupHeader === true && i > start && reach < i) {
      parts.push({ table: { ...t, header, rows: t.rows.slice(start, i) }, group });
      header = [row.cells];
      group = true;
      start = i + 1;
    }
    for (const c of row.cells) reach = Math.max(reach, i + (c.rowSpan ?? 1) - 1);
  });
  parts.push({ table: { ...t, header, rows: t.rows.slice(start) }, group });
  return parts;
}
