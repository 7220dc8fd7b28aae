/** Reading cells and naming them for messages. */
import { formatAmount, type Fen } from '../money/amount.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { columnLabel, TABLE_SPECS } from '../model/tables.ts';
import type { CellRef, Location } from './types.ts';

/** The amount in a cell, or undefined when unknown (row or value missing). */
export function cellValue(d: Disclosure, ref: CellRef): Fen | undefined {
  const row = d.tables[ref.table].byKey.get(ref.row);
  if (!row) return undefined;
  const which = ref.which ?? 'value';
  const bag = which === 'value' ? row.values : which === 'prior' ? row.prior : row.budget;
  return bag?.[ref.column];
}

/** 「2010450 事业运行」 or 「合计」. */
export function rowLabel(row: Row | undefined, key: string): string {
  if (!row) return `「${key}」`;
  if (row.code) return `「${row.code}${row.name ? ' ' + row.name : ''}」`;
  return `「${row.name}」`;
}

const WHICH_LABEL = { value: '', prior: '（上年决算数）', budget: '（年初预算数）' } as const;

/** 表五「2010450 事业运行」行「基本支出」列（上年决算数）. */
export function cellLabel(d: Disclosure, ref: CellRef): string {
  const spec = TABLE_SPECS[ref.table];
  const row = d.tables[ref.table].byKey.get(ref.row);
  const single = spec.columns.length === 1;
  return `${spec.number}${rowLabel(row, ref.row)}行${single ? '' : `「${columnLabel(ref.table, ref.column)}」列`}${WHICH_LABEL[ref.which ?? 'value']}`;
}

/** Prints an amount in the data file's unit and decimals. */
export function fmt(d: Disclosure, fen: Fen): string {
  return formatAmount(fen, { unit: d.amountUnit, decimals: d.decimals });
}

/** A location for a cell, with its line and printed value. */
export function cellLocation(d: Disclosure, ref: CellRef): Location {
  const row = d.tables[ref.table].byKey.get(ref.row);
  const which = ref.which ?? 'value';
  const srcKey = which === 'value' ? ref.column : `${which}.${ref.column}`;
  const line = row?.cellSources?.[srcKey]?.line ?? row?.source?.line;
  const v = cellValue(d, ref);
  const loc: Location = { table: ref.table, row: ref.row, column: ref.column, label: cellLabel(d, ref) };
  if (which !== 'value') loc.which = which;
  if (line !== undefined) loc.line = line;
  if (v !== undefined) loc.value = fmt(d, v);
  return loc;
}

/** A location for a field outside the tables. */
export function fieldLocation(
  d: Disclosure,
  field: string,
  label: string,
  value?: Fen | string,
  line?: number,
): Location {
  const loc: Location = { field, label };
  if (line !== undefined) loc.line = line;
  if (value !== undefined) loc.value = typeof value === 'number' ? fmt(d, value) : value;
  return loc;
}
