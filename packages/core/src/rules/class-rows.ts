/** 类-level rows of the summary tables (T1, T4) and the matching figures of T3, for cross-table checks. */
import type { Row, Table } from '../model/disclosure.ts';
import { topLevelRows } from './table-checks.ts';
import type { CellRef } from './types.ts';

/** Rows keyed by a 3-digit function 类 code, in table order. */
export function classRows(table: Table): Row[] {
  return table.rows.filter((r) => r.code !== undefined && r.code.length === 3);
}

/**
 * The cells of a classified table (T2/T3/T5) that make up one 类 in `column`: the 类 row when it is
 * listed, else the listed top-level rows under it (款 or 项 whose 类 is not printed). Empty when the
 * table has nothing under that 类.
 */
export function classCells(table: Table, classCode: string, column: string): CellRef[] {
  if (table.byKey.has(classCode)) return [{ table: table.id, row: classCode, column }];
  return topLevelRows(table)
    .filter((r) => r.code !== undefined && r.code.startsWith(classCode))
    .map((r) => ({ table: table.id, row: r.key, column }));
}

/** 3-digit 类 codes present in a classified table (listed 类 rows or implied by top-level rows). */
export function classCodesOf(table: Table): string[] {
  const out: string[] = [];
  for (const r of topLevelRows(table)) {
    const c = r.code!.slice(0, 3);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}
