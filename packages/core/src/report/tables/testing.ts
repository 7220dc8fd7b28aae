/** Helpers for the table builders' tests: a profile with given table options, and the printed grid. */
import type { DocCell, DocRow, DocTable } from '../document.ts';
import { profileSchema, type ReportProfile, type TableOptions } from '../profile.ts';

export function tableProfile(
  tables: Partial<TableOptions> = {},
  templates: Record<string, string> = {},
): ReportProfile {
  return profileSchema.parse({ id: 'test', name: '测试', templates, sections: [], tables });
}

/** Places lines of cells on the column grid: for each slot, the cell and whether it is the cell's origin. */
function place(
  lines: readonly (readonly DocCell[])[],
  width: number,
): ({ cell: DocCell; origin: boolean } | undefined)[][] {
  const grid = lines.map(() =>
    new Array<{ cell: DocCell; origin: boolean } | undefined>(width).fill(undefined),
  );
  lines.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && grid[r]![c] !== undefined) c++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let rr = r; rr < Math.min(lines.length, r + rs); rr++)
        for (let cc = c; cc < Math.min(width, c + cs); cc++)
          grid[rr]![cc] = { cell, origin: rr === r && cc === c };
      c += cs;
    }
  });
  return grid;
}

/** Texts of the lines placed on the column grid ('' under cells spanning from the left or above). */
export function gridTexts(table: DocTable, part: 'header' | 'rows' = 'rows'): string[][] {
  const lines: readonly (readonly DocCell[])[] =
    part === 'header' ? table.header : table.rows.map((r) => r.cells);
  return place(lines, table.columns.length).map((line) => line.map((s) => (s?.origin ? s.cell.text : '')));
}

export function rowOf(table: DocTable, key: string): DocRow {
  const r = table.rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${table.id}: ${table.rows.map((x) => x.key).join(', ')}`);
  return r;
}

/** The cells of a row whose `ref` points at a model cell, as "row.column" → text. */
export function refTexts(table: DocTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of table.rows)
    for (const c of r.cells) if (c.ref) out.set(`${c.ref.row}.${c.ref.column}`, c.text);
  return out;
}

/** Every row has exactly as many grid slots as the table has columns (spans included). */
export function assertRectangular(table: DocTable): void {
  for (const part of ['header', 'rows'] as const) {
    const lines = part === 'header' ? table.header : table.rows.map((r) => r.cells);
    const width = table.columns.length;
    const used: number[][] = lines.map(() => []);
    lines.forEach((cells, r) => {
      let c = 0;
      for (const cell of cells) {
        while (used[r]!.includes(c)) c++;
        const cs = cell.colSpan ?? 1;
        const rs = cell.rowSpan ?? 1;
        for (let rr = r; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) used[rr]?.push(cc);
        c += cs;
      }
    });
    used.forEach((cols, r) => {
      const sorted = [...cols].sort((a, b) => a - b);
      const want = Array.from({ length: width }, (_, i) => i);
      if (sorted.join(',') !== want.join(','))
        throw new Error(
          `${table.id} ${part} line ${r} covers columns [${sorted.join(',')}], want 0…${width - 1}`,
        );
    });
  }
}
