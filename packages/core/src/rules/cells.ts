/** Reading cells and naming them for messages. */
import { formatAmount, type Fen } from '../money/amount.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { columnLabel, TABLE_SPECS, type TableId } from '../model/tables.ts';
import type { CellRef, Location } from './types.ts';

/** The amount in a cell, or undefined when unknown (row or value missing). */
export function cellValue(d: Disclosure, ref: CellRef): Fen | undefined {
  const row = ref.at ?? d.tables[ref.table].byKey.get(ref.row);
  if (!row) return undefined;
  const which = ref.which ?? 'value';
  const bag = which === 'value' ? row.values : which === 'prior' ? row.prior : row.budget;
  return bag?.[ref.column];
}

/** Labels of the fixed rows by table and key, for rows the data does not give (never 「publicTotal」). */
const FIXED_ROW_LABELS = new Map(
  Object.entries(TABLE_SPECS).flatMap(([id, spec]) =>
    spec.fixedRows.map((r) => [`${id}|${r.id}`, r.label] as const),
  ),
);
const ANY_FIXED_ROW_LABEL = new Map(
  Object.values(TABLE_SPECS)
    .flatMap((spec) => spec.fixedRows.map((r) => [r.id, r.label] as const))
    .reverse(),
);

/** 「2010450 事业运行」 or 「合计」; a fixed row the data lacks by its label (of `table` when given). */
export function rowLabel(row: Row | undefined, key: string, table?: string): string {
  if (!row)
    return `「${(table !== undefined ? FIXED_ROW_LABELS.get(`${table}|${key}`) : undefined) ?? ANY_FIXED_ROW_LABEL.get(key) ?? key}」`;
  if (row.code) return `「${row.code}${row.name ? ' ' + row.name : ''}」`;
  return `「${row.name}」`;
}

const WHICH_LABEL = { value: '', prior: '（上年决算数）', budget: '（年初预算数）' } as const;

/** Column parts of labels (「基本支出」列, or '' in a one-column table), built once per table and column. */
const COLUMN_PARTS = Object.fromEntries(
  Object.entries(TABLE_SPECS).map(([id, spec]) => [
    id,
    new Map(spec.columns.map((c) => [c.id, spec.columns.length === 1 ? '' : `「${c.label}」列`])),
  ]),
) as Record<TableId, Map<string, string>>;

/** 「基本支出」列 (or '' in a one-column table): the column part of a cell label. */
export function columnPart(table: TableId, column: string): string {
  return (
    COLUMN_PARTS[table].get(column) ??
    (TABLE_SPECS[table].columns.length === 1 ? '' : `「${columnLabel(table, column)}」列`)
  );
}

/** （上年决算数） or '': the figure part of a cell label. */
export function whichPart(which: 'value' | 'prior' | 'budget'): string {
  return WHICH_LABEL[which];
}

/** 表五「2010450 事业运行」行「基本支出」列（上年决算数）. */
export function cellLabel(d: Disclosure, ref: CellRef): string {
  const row = d.tables[ref.table].byKey.get(ref.row);
  const which = ref.which ?? 'value';
  return (
    TABLE_SPECS[ref.table].number +
    rowLabel(row, ref.row, ref.table) +
    '行' +
    columnPart(ref.table, ref.column) +
    WHICH_LABEL[which]
  );
}

/** 「2010450 事业运行」行: the row part of a cell label. */
export function rowPart(row: Row | undefined, key: string, table?: string): string {
  return rowLabel(row, key, table) + '行';
}

const FEN_PER = { 元: 100, 万元: 1_000_000, 亿元: 10_000_000_000 } as const;
/** '.0' … '.9', '.00' … '.99', '.000' … '.999': the fraction of a printed amount by decimals, made once. */
const FRACTIONS: readonly (readonly string[])[] = [1, 10, 100, 1000].map((div, decimals) =>
  Array.from({ length: div }, (_, i) => (decimals === 0 ? '' : '.' + String(i).padStart(decimals, '0'))),
);

/** Prints an amount in the data file's unit and `decimals` (default: the file's), rounding half away from zero. */
export function fmt(d: Disclosure, fen: Fen, decimals: number = d.decimals): string {
  // Fast path of formatAmount for the usual cases; findings print many figures (batches: millions), so it
  // makes one string from the integer part and a ready fraction instead of piecing the text together.
  const perUnit = FEN_PER[d.amountUnit];
  const div = decimals === 0 ? 1 : decimals === 1 ? 10 : decimals === 2 ? 100 : decimals === 3 ? 1000 : 0;
  if (perUnit !== undefined && div !== 0 && perUnit % div === 0 && Number.isSafeInteger(fen)) {
    // Integer division by flooring the quotient and correcting it by the exact remainder: `%` on figures past
    // the small-integer range is a floating-point fmod call. For a safe integer a, ⌊a / step⌋ is off by at most
    // one, q × step ≤ a stays exact, and so does the remainder; the result is that of exact integer division.
    const step = perUnit / div;
    const neg = fen < 0;
    const a = neg ? -fen : fen;
    let q = Math.floor(a / step);
    let r = a - q * step;
    if (r >= step) {
      q++;
      r -= step;
    }
    if (2 * r >= step) q++;
    // A figure that rounds to zero prints without a sign.
    const sign = neg && q !== 0 ? '-' : '';
    if (decimals === 0) return sign + q;
    let whole = Math.floor(q / div);
    let frac = q - whole * div;
    if (frac >= div) {
      whole++;
      frac -= div;
    }
    return sign + whole + FRACTIONS[decimals]![frac]!;
  }
  return formatAmount(fen, { unit: d.amountUnit, decimals });
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
