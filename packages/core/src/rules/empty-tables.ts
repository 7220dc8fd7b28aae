/** Whether a table has any amount: an empty table is published with a statement instead (DOMAIN.md §4). */
import type { Table } from '../model/disclosure.ts';

/** Whether any current-year cell of the table carries a non-zero amount. */
export function hasAmounts(table: Table): boolean {
  for (const row of table.rows) for (const k in row.values) if ((row.values[k] ?? 0) !== 0) return true;
  return false;
}
