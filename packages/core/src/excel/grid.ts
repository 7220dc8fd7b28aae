/**
 * A workbook as plain grids of cells, whatever file it came from (XLSX through exceljs, CSV): the
 * table reader works on this and never on a library's objects. Rows and columns are 0-based here;
 * messages use A1 addresses.
 */

export interface GridCell {
  /** Text as shown (numbers as their shortest decimal form). */
  text: string;
  /** The number, for numeric cells (or a formula's cached numeric result). */
  num?: number;
  /** Formula text without "=", when the cell holds one. */
  formula?: string;
  /** Whether a formula cell carries a cached result. */
  hasResult?: boolean;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  rows: (GridCell | undefined)[][];
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  hidden: boolean;
  /** Master cell of the merge covering (r, c), as "r:c", for cells inside a merge. */
  mergeMaster: Map<string, CellRange>;
}

export interface Workbook {
  file: string;
  sheets: Sheet[];
}

/** "A", "B", … "Z", "AA" for a 0-based column. */
export function columnName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell. */
export function address(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

/** 0-based row/column of an A1 address ($ allowed). */
export function parseAddress(a: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a.toUpperCase());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

export function newSheet(name: string): Sheet {
  return {
    name,
    rows: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    hidden: false,
    mergeMaster: new Map(),
  };
}

export function setCell(sheet: Sheet, r: number, c: number, cell: GridCell): void {
  let row = sheet.rows[r];
  if (!row) {
    row = [];
    sheet.rows[r] = row;
  }
  row[c] = cell;
}

export function addMerge(sheet: Sheet, range: CellRange): void {
  sheet.merges.push(range);
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) sheet.mergeMaster.set(`${r}:${c}`, range);
}

/** The cell at (r, c); inside a merge, the merge's top-left cell (its value covers the range). */
export function cellAt(sheet: Sheet, r: number, c: number): GridCell | undefined {
  const m = sheet.mergeMaster.get(`${r}:${c}`);
  if (m) return sheet.rows[m.top]?.[m.left];
  return sheet.rows[r]?.[c];
}

/** The cell's own content, without looking through merges. */
export function ownCell(sheet: Sheet, r: number, c: number): GridCell | undefined {
  const m = sheet.mergeMaster.get(`${r}:${c}`);
  if (m && (m.top !== r || m.left !== c)) return undefined;
  return sheet.rows[r]?.[c];
}

export function textAt(sheet: Sheet, r: number, c: number): string {
  return cellAt(sheet, r, c)?.text.trim() ?? '';
}

export function columnCount(sheet: Sheet): number {
  let n = 0;
  for (const row of sheet.rows) if (row && row.length > n) n = row.length;
  return n;
}
