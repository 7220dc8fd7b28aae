/**
 * Sum and comparison checks with the interval rule of DOMAIN.md §2 (XBRL Calculations 1.1, round to
 * nearest): a figure printed with d decimals stands for [v − h, v + h], h = ½·10⁻ᵈ; Σleft = Σright
 * holds when the intervals meet, i.e. |Σleft − Σright| ≤ h × (number of non-zero figures). Zero cells
 * are exact: a published table leaves a cell blank only when there is no amount at all.
 */
import type { Fen } from '../money/amount.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { TABLE_SPECS } from '../model/tables.ts';
import { cellValue, columnPart, fmt, rowLabel, whichPart } from './cells.ts';
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

/** An operand named for a finding: each label, printed value and location is built once. */
interface Described {
  value: Fen | undefined;
  /** Printed value ('' when unknown). */
  text: string;
  label: string;
  /** The label shortened against the first operand (same row → column only; same column → row only). */
  short: string;
  location: Location;
}

function describe(ctx: RuleContext, o: Operand, anchor: Operand | undefined): Described {
  if (!isCell(o)) {
    const text = o.value === undefined ? '' : fmt(ctx.d, o.value);
    return { value: o.value, text, label: o.label, short: o.label, location: o.location };
  }
  const d = ctx.d;
  const row = d.tables[o.table].byKey.get(o.row);
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
  const rowPart = rowLabel(row, o.row) + '行';
  const colPart = columnPart(o.table, o.column) + whichPart(which);
  const label = TABLE_SPECS[o.table].number + rowPart + colPart;
  let short = label;
  if (
    anchor &&
    anchor !== o &&
    isCell(anchor) &&
    anchor.table === o.table &&
    (anchor.which ?? 'value') === which
  ) {
    if (anchor.row === o.row) short = colPart;
    else if (anchor.column === o.column) short = rowPart;
  }
  const text = value === undefined ? '' : fmt(d, value);
  const location: Location = { table: o.table, row: o.row, column: o.column, label };
  if (which !== 'value') location.which = which;
  const line =
    row?.cellSources?.[which === 'value' ? o.column : `${which}.${o.column}`]?.line ?? row?.source?.line;
  if (line !== undefined) location.line = line;
  if (value !== undefined) location.value = text;
  return { value, text, label, short, location };
}

function describeAll(
  ctx: RuleContext,
  left: Operand[],
  right: Operand[],
): { l: Described[]; r: Described[] } {
  const anchor = left[0];
  return { l: left.map((o) => describe(ctx, o, anchor)), r: right.map((o) => describe(ctx, o, anchor)) };
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

/** Σleft = Σright within rounding. Records insufficient data when any figure is unknown. */
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
      const anchor = left[0];
      const missing = [...left, ...right]
        .map((o) => describe(ctx, o, anchor))
        .filter((x) => x.value === undefined);
      return `缺少 ${missing.map((x) => x.label).join('、')}`;
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
  if (within) {
    ctx.report(roundingNote(ctx, left, right, ls, rs, diff, tolerance, opts.what));
    return 'rounding';
  }
  const d = ctx.d;
  const { l, r } = describeAll(ctx, left, right);
  const { leftText, rightText } = describeSides(d, l, r, ls, rs);
  const diffText = `${diff > 0 ? '+' : ''}${fmt(d, diff)}`;
  ctx.report({
    severity: opts.severity,
    messageId: 'sum-mismatch',
    data: {
      what: opts.what ? opts.what + '：' : '',
      left: leftText,
      right: rightText,
      difference: diffText,
      unit: d.amountUnit,
    },
    location: locationsOf(l, r),
    expected: fmt(d, rs),
    actual: fmt(d, ls),
    difference: diffText,
  });
  return 'fail';
}

function describeSides(
  d: Disclosure,
  l: Described[],
  r: Described[],
  ls: Fen,
  rs: Fen,
): { leftText: string; rightText: string } {
  let leftText: string;
  if (l.length === 1) leftText = `${l[0]!.label} ${fmt(d, ls)}`;
  else {
    leftText = `${l[0]!.label} ${l[0]!.text}`;
    for (let i = 1; i < l.length; i++) leftText += ` + ${l[i]!.short} ${l[i]!.text}`;
    leftText += ` = ${fmt(d, ls)}`;
  }
  let rightText: string;
  if (r.length === 1) rightText = `${r[0]!.label} ${fmt(d, rs)}`;
  else {
    rightText = `${r[0]!.short} ${r[0]!.text}`;
    for (let i = 1; i < r.length; i++) rightText += ` + ${r[i]!.short} ${r[i]!.text}`;
    rightText += ` = ${fmt(d, rs)}`;
  }
  return { leftText, rightText };
}

function locationsOf(l: Described[], r: Described[]): Location[] {
  const out: Location[] = new Array<Location>(l.length + r.length);
  for (let i = 0; i < l.length; i++) out[i] = l[i]!.location;
  for (let i = 0; i < r.length; i++) out[l.length + i] = r[i]!.location;
  return out;
}

/**
 * A sum that holds only within the rounding tolerance: an info finding, formatted now like any other
 * (real publications have dozens; batches have hundreds of thousands, so the formatting stays lean).
 */
function roundingNote(
  ctx: RuleContext,
  left: Operand[],
  right: Operand[],
  ls: Fen,
  rs: Fen,
  diff: Fen,
  tolerance: number,
  what: string | undefined,
): ReportInput {
  const d = ctx.d;
  const { l, r } = describeAll(ctx, left, right);
  const { leftText, rightText } = describeSides(d, l, r, ls, rs);
  const difference = `${diff > 0 ? '+' : ''}${fmt(d, diff)}`;
  const tol = fmt(d, Math.floor(tolerance), d.decimals + 1);
  return {
    severity: 'info',
    kind: 'rounding',
    messageId: 'sum-rounding',
    data: {
      left: leftText,
      right: rightText,
      difference,
      unit: d.amountUnit,
      tolerance: tol,
      what: what ? `（${what}）` : '',
    },
    location: locationsOf(l, r),
    expected: fmt(d, rs),
    actual: fmt(d, ls),
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
  const ra = describe(ctx, a, undefined);
  const rb = describe(ctx, b, undefined);
  if (ra.value === undefined || rb.value === undefined) {
    ctx.insufficient(
      () =>
        `缺少 ${[ra, rb]
          .filter((x) => x.value === undefined)
          .map((x) => x.label)
          .join('、')}`,
    );
    return 'insufficient';
  }
  ctx.ran();
  const over = ra.value - rb.value;
  if (over <= 0) return 'pass';
  const nonZero = (ra.value !== 0 ? 1 : 0) + (rb.value !== 0 ? 1 : 0);
  if (over <= ctx.d.halfStepFen * nonZero) return 'rounding';
  const d = ctx.d;
  ctx.report({
    severity: opts.severity,
    messageId: 'at-most-exceeded',
    data: {
      what: opts.what ? opts.what + '：' : '',
      a: ra.label,
      aValue: ra.text,
      b: rb.label,
      bValue: rb.text,
      over: fmt(d, over),
      unit: d.amountUnit,
    },
    location: [ra.location, rb.location],
    expected: `≤ ${fmt(d, rb.value)}`,
    actual: fmt(d, ra.value),
    difference: `+${fmt(d, over)}`,
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
  const loc: Location = { field: path, label };
  if (line !== undefined) loc.line = line;
  if (value !== undefined) loc.value = fmt(ctx.d, value);
  return { value, label, location: loc };
}
