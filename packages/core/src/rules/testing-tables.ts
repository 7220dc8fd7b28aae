/** Test helpers for table rules: find findings naming a cell, list and drop rows of the data file. */
import type { Data } from './testing.ts';
import type { Finding } from './types.ts';

type RowData = Record<string, unknown>;

/** Findings (of any severity) whose location names this cell. */
export function naming(findings: readonly Finding[], table: string, row: string, column: string): Finding[] {
  return findings.filter((f) =>
    f.location.some((l) => l.table === table && l.row === row && l.column === column),
  );
}

/** The rows of a table in the data file. */
export function rowsOf(data: Data, table: string): RowData[] {
  return ((data['tables'] as Data)[table] as { rows: RowData[] }).rows;
}

/** Codes of a table's code rows with the given length (3 = 类, 5 = 款, 7 = 项). */
export function codesOf(data: Data, table: string, length: number): string[] {
  return rowsOf(data, table)
    .map((r) => r['code'])
    .filter((c): c is string => typeof c === 'string' && c.length === length);
}

/** Deep copy of the data without the rows of `table` that match. */
export function withoutRows(data: Data, table: string, drop: (row: RowData) => boolean): Data {
  const copy = structuredClone(data);
  const t = (copy['tables'] as Data)[table] as { rows: RowData[] };
  t.rows = t.rows.filter((r) => !drop(r));
  return copy;
}

/** The printed value of a cell in the data file (undefined when absent). */
export function printed(data: Data, table: string, key: string, column: string): string | undefined {
  const row = rowsOf(data, table).find((r) => r['row'] === key || r['code'] === key);
  const v = row?.[column];
  return v === undefined ? undefined : String(v);
}
