/**
 * Sum and comparison checks with the interval rule of DOMAIN.md §2 (XBRL Calculations 1.1, round to
 * nearest): a figure printed with d decimals stands for [v − h, v + h], h = ½·10⁻ᵈ; Σleft = Σright
 * holds when the intervals meet, i.e. |Σleft − Σright| ≤ h × (number of non-zero figures). Zero cells
 * are exact: a published table leaves a cell blank only when there is no amount at all.
 */
import type { Fen } from '../money/amount.ts';
import type { Row } from '../model/disclosure.ts';
import { TABLE_SPECS, type TableId } from '../model/tables.ts';
import { cellValue, columnPart, fmt, rowPart, whichPart } from './cells.ts';
import type { CellRef, Location, ReportInput, RuleContext, Severity } from './types.ts';

/** A figure outside the tables (procurement total …) or a computed one. */
export interface FieldOperand {
  value: Fen | undefined;
  label: string;
  location: Location;
}

export type Operand = CellRef | FieldOperand;

function isCell(o: Operand): o is CellRef {
  return (o as CellRef).table !== undefined && (o as CellRef).column !== undefined;
}

/**
 * What naming an operand gives besides its location: its label, the label shortened against the first operand
 * of the check (same row → column only; same column → row only) and its printed value ('' when unknown).
 * One scratch record, overwritten by each call of `name`, so that naming allocates nothing but the strings and
 * the location the finding keeps.
 */
const named = { value: undefined as Fen | undefined, label: '', short: '', text: '' };

/** A row's parts of cell labels: 「2010450 事业运行」行, and with its table, 表五「2010450 事业运行」行. */
interface RowNames {
  row: string;
  inTable: string;
}

/** Key of the run's row names: a row is named in ~2.5 locations of a run's findings. */
const ROW_NAMES = {};
const newRowNames = (): Map<Row, RowNames> => new Map();

/** The row's names, made once per run. */
function rowNamesOf(ctx: RuleContext, table: TableId, row: Row): RowNames {
  const all = ctx.shared(ROW_NAMES, newRowNames);
  let names = all.get(row);
  if (names === undefined) {
    const text = rowPart(row, row.key);
    names = { row: text, inTable: TABLE_SPECS[table].number + text };
    all.set(row, names);
  }
  return names;
}

/** Names an operand for a finding (into `named`) and returns its location. */
function name(ctx: RuleContext, o: Operand, anchor: Operand | undefined): Location {
  const d = ctx.d;
  if (!isCell(o)) {
    named.value = o.value;
    named.text = o.value === undefined ? '' : fmt(d, o.value);
    named.label = named.short = o.label;
    return o.location;
  }
  const row = o.at ?? d.tables[o.table].byKey.get(o.row);
  const which = o.which ?? 'value';
  const bag =
    row === undefined
      ? undefined
      : which === 'value'
        ? row.values
        : which === 'prior'
          ? row.prior
          : row.budget;
  const value = bag?.[o.column];
  const names = row === undefined ? undefined : rowNamesOf(ctx, o.table, row);
  const rowText = names === undefined ? rowPart(undefined, o.row, o.table) : names.row;
  const colText = columnPart(o.table, o.column) + whichPart(which);
  const label = (names === undefined ? TABLE_SPECS[o.table].number + rowText : names.inTable) + colText;
  let short = label;
  if (
    anchor !== undefined &&
    anchor !== o &&
    isCell(anchor) &&
    anchor.table === o.table &&
    (anchor.which ?? 'value') === which
  ) {
    if (anchor.row === o.row) short = colText;
    else if (anchor.column === o.column) short = rowText;
  }
  const text = value === undefined ? '' : fmt(d, value);
  const line =
    row?.cellSources?.[which === 'value' ? o.column : `${which}.${o.column}`]?.line ?? row?.source?.line;
  // The usual cases (a figure of the year, with or without its line) are made in their final shape at once,
  // keys in the order of the others: a literal's hidden class lives as long as the code, one grown key by key
  // only as long as some location has it.
  let location: Location;
  if (which === 'value' && value !== undefined)
    location =
      line !== undefined
        ? { table: o.table, row: o.row, column: o.column, label, line, value: text }
        : { table: o.table, row: o.row, column: o.column, label, value: text };
  else {
    location = { table: o.table, row: o.row, column: o.column, label };
    if (which !== 'value') location.which = which;
    if (line !== undefined) location.line = line;
    if (value !== undefined) location.value = text;
  }
  named.value = value;
  named.label = label;
  named.short = short;
  named.text = text;
  return location;
}

/** The labels of the operands whose value is unknown, for the not-run detail. */
function missingLabels(ctx: RuleContext, ops: readonly Operand[], anchor: Operand | undefined): string {
  let out = '';
  for (let i = 0; i < ops.length; i++) {
    name(ctx, ops[i]!, anchor);
    if (named.value === undefined) out += (out === '' ? '' : '、') + named.label;
  }
  return out;
}

/**
 * One side of a sum as the message prints it — 「a 1.00 + b 2.00 = 3.00」, or 「a 3.00」 for a single figure —
 * with its locations put into `locs` from `at`. The first figure of the left side keeps its full label, the
 * first of the right side is shortened against it. `sumText` is the side's total, printed.
 */
function side(
  ctx: RuleContext,
  ops: readonly Operand[],
  anchor: Operand,
  right: boolean,
  sumText: string,
  locs: Location[],
  at: number,
): string {
  if (ops.length === 1) {
    locs[at] = name(ctx, ops[0]!, anchor);
    return named.label + ' ' + sumText;
  }
  locs[at] = name(ctx, ops[0]!, anchor);
  let text = (right ? named.short : named.label) + ' ' + named.text;
  for (let i = 1; i < ops.length; i++) {
    locs[at + i] = name(ctx, ops[i]!, anchor);
    text += ' + ' + named.short + ' ' + named.text;
  }
  return text + ' = ' + sumText;
}

export type CheckResult = 'pass' | 'rounding' | 'fail' | 'insufficient';

export interface BalanceOptions {
  /** Severity when the identity fails; defaults to the rule's. */
  severity?: Severity;
  /** A phrase naming the identity, e.g. "本年收入合计应等于各项收入之和". */
  what?: string;
  /** Report a rounding-only gap as an info finding (default true). */
  reportRounding?: boolean;
}

/** The figure of an operand, or undefined when unknown. */
function valueOf(ctx: RuleContext, o: Operand): Fen | undefined {
  return isCell(o) ? cellValue(ctx.d, o) : o.value;
}

/** Σleft = Σright within rounding. Records insufficient data when any figure is unknown. */
export function checkBalance(
  ctx: RuleContext,
  left: Operand[],
  right: Operand[],
  opts: BalanceOptions = {},
): CheckResult {
  // Fast path without allocation: most checks pass.
  let ls = 0;
  let rs = 0;
  let nonZero = 0;
  let unknown = false;
  for (let i = 0; i < left.length; i++) {
    const v = valueOf(ctx, left[i]!);
    if (v === undefined) unknown = true;
    else if (v !== 0) {
      ls += v;
      nonZero++;
    }
  }
  for (let i = 0; i < right.length; i++) {
    const v = valueOf(ctx, right[i]!);
    if (v === undefined) unknown = true;
    else if (v !== 0) {
      rs += v;
      nonZero++;
    }
  }
  if (unknown) {
    ctx.insufficient(() => {
      const l = missingLabels(ctx, left, left[0]);
      const r = missingLabels(ctx, right, left[0]);
      return `缺少 ${l !== '' && r !== '' ? l + '、' + r : l + r}`;
    });
    return 'insufficient';
  }
  const diff = ls - rs;
  if (diff === 0) {
    ctx.ran();
    return 'pass';
  }
  const tolerance = ctx.d.halfStepFen * nonZero;
  const within = Math.abs(diff) <= tolerance;
  if (within && opts.reportRounding === false) {
    ctx.ran();
    return 'rounding';
  }
  ctx.report(sumFinding(ctx, left, right, ls, rs, within ? tolerance : undefined, opts));
  return within ? 'rounding' : 'fail';
}

/**
 * The finding of a sum that does not hold (`tolerance` undefined), or that holds only within the rounding
 * tolerance (an info note; real publications have dozens, batches hundreds of thousands). Each operand is
 * looked up, named and printed once, straight into the message and the location list.
 */
function sumFinding(
  ctx: RuleContext,
  left: Operand[],
  right: Operand[],
  ls: Fen,
  rs: Fen,
  tolerance: number | undefined,
  opts: BalanceOptions,
): ReportInput {
  const d = ctx.d;
  const anchor = left[0]!;
  const actual = fmt(d, ls);
  const expected = fmt(d, rs);
  const location = new Array<Location>(left.length + right.length);
  const leftText = side(ctx, left, anchor, false, actual, location, 0);
  const rightText = side(ctx, right, anchor, true, expected, location, left.length);
  const diff = ls - rs;
  const difference = diff > 0 ? '+' + fmt(d, diff) : fmt(d, diff);
  const what = opts.what;
  if (tolerance === undefined)
    return {
      severity: opts.severity,
      messageId: 'sum-mismatch',
      data: {
        what: what ? what + '：' : '',
        left: leftText,
        right: rightText,
        difference,
        unit: d.amountUnit,
      },
      location,
      expected,
      actual,
      difference,
    };
  return {
    severity: 'info',
    kind: 'rounding',
    messageId: 'sum-rounding',
    data: {
      left: leftText,
      right: rightText,
      difference,
      unit: d.amountUnit,
      tolerance: fmt(d, Math.floor(tolerance), d.decimals + 1),
      what: what ? '（' + what + '）' : '',
    },
    location,
    expected,
    actual,
    difference,
  };
}

/** total = Σparts within rounding. */
export function checkSum(
  ctx: RuleContext,
  total: Operand,
  parts: Operand[],
  opts: BalanceOptions = {},
): CheckResult {
  return checkBalance(ctx, [total], parts, opts);
}

/** a ≤ b (a may exceed b only by rounding). */
export function checkAtMost(
  ctx: RuleContext,
  a: Operand,
  b: Operand,
  opts: BalanceOptions = {},
): CheckResult {
  const va = valueOf(ctx, a);
  const vb = valueOf(ctx, b);
  if (va !== undefined && vb !== undefined && va <= vb) {
    ctx.ran();
    return 'pass';
  }
  if (va === undefined || vb === undefined) {
    ctx.insufficient(() => `缺少 ${missingLabels(ctx, [a, b], undefined)}`);
    return 'insufficient';
  }
  ctx.ran();
  const over = va - vb;
  const nonZero = (va !== 0 ? 1 : 0) + (vb !== 0 ? 1 : 0);
  if (over <= ctx.d.halfStepFen * nonZero) return 'rounding';
  const d = ctx.d;
  const locA = name(ctx, a, undefined);
  const aLabel = named.label;
  const aText = named.text;
  const locB = name(ctx, b, undefined);
  const overText = fmt(d, over);
  ctx.report({
    severity: opts.severity,
    messageId: 'at-most-exceeded',
    data: {
      what: opts.what ? opts.what + '：' : '',
      a: aLabel,
      aValue: aText,
      b: named.label,
      bValue: named.text,
      over: overText,
      unit: d.amountUnit,
    },
    location: [locA, locB],
    expected: '≤ ' + named.text,
    actual: aText,
    difference: '+' + overText,
  });
  return 'fail';
}

/** A field operand for figures outside the tables. */
export function field(
  ctx: RuleContext,
  path: string,
  label: string,
  value: Fen | undefined,
  line?: number,
): FieldOperand {
  // Made in its final shape at once, as in `name`.
  const text = value === undefined ? undefined : fmt(ctx.d, value);
  let loc: Location;
  if (line === undefined)
    loc = text === undefined ? { field: path, label } : { field: path, label, value: text };
  else loc = text === undefined ? { field: path, label, line } : { field: path, label, line, value: text };
  return { value, label, location: loc };
}
