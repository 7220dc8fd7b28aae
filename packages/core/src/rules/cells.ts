/** Reading cells and naming them for messages. */
import { formatAmount, type Fen } from '../money/amount.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { columnLabel, TABLE_SPECS, type TableId } from '../model/tables.ts';
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

/** Column parts of labels (「基本支出」列, or '' in a one-column table), built once per table and column. */
const columnParts = new Map<string, string>();

function columnPart(table: TableId, column: string): string {
  const key = table + '\u0000' + column;
  let part = columnParts.get(key);
  if (part === undefined) {
    part = TABLE_SPECS[table].columns.length === 1 ? '' : `「${columnLabel(table, column)}」列`;
    columnParts.set(key, part);
  }
  return part;
}

/** The parts of a cell label: 表五 + 「2010450 事业运行」行 + 「基本支出」列 + （上年决算数）. */
export function cellLabelParts(
  table: TableId,
  row: Row | undefined,
  rowKey: string,
  column: string,
  which: 'value' | 'prior' | 'budget' = 'value',
): { table: string; row: string; column: string; which: string } {
  return {
    table: TABLE_SPECS[table].number,
    row: rowLabel(row, rowKey) + '行',
    column: columnPart(table, column),
    which: WHICH_LABEL[which],
  };
}

/** 表五「2010450 事业运行」行「基本支出」列（上年决算数）. */
export function cellLabel(d: Disclosure, ref: CellRef): string {
  const row = d.tables[ref.table].byKey.get(ref.row);
  const which = ref.which ?? 'value';
  return (
    TABLE_SPECS[ref.table].number +
    rowLabel(row, ref.row) +
    '行' +
    columnPart(ref.table, ref.column) +
    WHICH_LABEL[which]
  );
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
