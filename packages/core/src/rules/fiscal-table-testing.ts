/** Test helpers for the T5–T9 and carry-over rules: reading rows of data-file content and reshaping a unit. */
import { rowIndex, type Data } from './testing.ts';

export type DataRow = Record<string, unknown> & { row?: string; code?: string };

/** The rows of a table in data-file content. */
export function rowsOf(data: Data, table: string): DataRow[] {
  return ((data['tables'] as Data)[table] as { rows: DataRow[] }).rows;
}

/** A row of a table by fixed id or code. */
export function rowOf(data: Data, table: string, key: string): DataRow {
  return rowsOf(data, table)[rowIndex(data, table, key)]!;
}

/** Deep copy with a table's rows replaced (the table's other fields are kept). */
export function withRows(data: Data, table: string, rows: DataRow[]): Data {
  const copy = structuredClone(data);
  const tables = copy['tables'] as Data;
  tables[table] = { ...(tables[table] as Data | undefined), rows };
  return copy;
}

/** Deep copy without a table: the data does not give it at all. */
export function withoutTable(data: Data, table: string): Data {
  const copy = structuredClone(data);
  delete (copy['tables'] as Data)[table];
  return copy;
}

/** Deep copy with the rows matching `drop` removed from a table. */
export function withoutRows(data: Data, table: string, drop: (r: DataRow) => boolean): Data {
  return withRows(
    data,
    table,
    rowsOf(data, table).filter((r) => !drop(r)),
  );
}

/** Codes of the 7-digit rows of a table. */
export function itemCodes(data: Data, table: string): string[] {
  return rowsOf(data, table)
    .map((r) => r.code)
    .filter((c): c is string => c !== undefined && c.length === 7);
}

/**
 * The unit with its 政府性基金 money booked as 国有资本经营预算 instead: T8's rows move to T9 (T8
 * becomes an empty table) and T1/T4 swap their 政府性基金 and 国有资本经营 figures. Codes are kept so
 * T3 still lists them; only the arithmetic of T9 and its ties to T4 are meant to be exercised.
 */
export function withStateCapital(data: Data): Data {
  const copy = structuredClone(data);
  const tables = copy['tables'] as Data;
  const t8 = tables['t8'] as { rows: DataRow[] };
  tables['t9'] = { rows: t8.rows };
  tables['t8'] = {
    emptyStatement: '本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，故本表为空表。',
    rows: [],
  };
  for (const row of (tables['t4'] as { rows: DataRow[] }).rows) {
    for (const bag of [row, row['prior'], row['initialBudget']] as (Record<string, unknown> | undefined)[]) {
      if (!bag || (bag['governmentFund'] === undefined && bag['stateCapital'] === undefined)) continue;
      const fund = bag['governmentFund'];
      bag['governmentFund'] = bag['stateCapital'];
      bag['stateCapital'] = fund;
    }
  }
  const t1 = (tables['t1'] as { rows: DataRow[] }).rows;
  const fund = t1.find((r) => r.row === 'governmentFund');
  const capital = t1.find((r) => r.row === 'stateCapital');
  if (fund && capital) [fund['amount'], capital['amount']] = [capital['amount'], fund['amount']];
  return copy;
}
