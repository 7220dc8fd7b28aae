/**
 * Sum and comparison checks with the interval rule of DOMAIN.md §2 (XBRL Calculations 1.1, round to
 * nearest): a figure printed with d decimals stands for [v − h, v + h], h = ½·10⁻ᵈ; Σleft = Σright
 * holds when the intervals meet, i.e. |Σleft − Σright| ≤ h × (number of non-zero figures). Zero cells
 * are exact: a published table leaves a cell blank only when there is no amount at all.
 */
import { formatAmount, type Fen } from '../money/amount.ts';
import { cellLabel, cellLocation, cellValue, fmt } from './cells.ts';
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

interface Resolved {
  value: Fen | undefined;
  /** Labels are built only when a finding is reported: passing checks stay cheap. */
  label: () => string;
  short: () => string;
  location: () => Location;
}

function shortLabel(ctx: RuleContext, o: CellRef, anchor: Operand | undefined): string {
  const d = ctx.d;
  if (anchor && isCell(anchor) && anchor.table === o.table && anchor !== o) {
    const sameWhich = (anchor.which ?? 'value') === (o.which ?? 'value');
    if (anchor.row === o.row && sameWhich) return cellLabel(d, o).replace(/^.*行/, '');
    if (anchor.column === o.column && sameWhich) {
      const full = cellLabel(d, o);
      return full.slice(full.indexOf('「'), full.indexOf('」行') + 2);
    }
  }
  return cellLabel(d, o);
}

function resolve(ctx: RuleContext, o: Operand, anchor: Operand | undefined): Resolved {
  if (!isCell(o))
    return { value: o.value, label: () => o.label, short: () => o.label, location: () => o.location };
  const d = ctx.d;
  return {
    value: cellValue(d, o),
    label: () => cellLabel(d, o),
    short: () => shortLabel(ctx, o, anchor),
    location: () => cellLocation(d, o),
  };
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
        .map((o) => resolve(ctx, o, anchor))
        .filter((x) => x.value === undefined);
      return `缺少 ${missing.map((x) => x.label()).join('、')}`;
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
    ctx.report(new RoundingNote(ctx, left, right, ls, rs, diff, tolerance, opts.what));
    return 'rounding';
  }
  const d = ctx.d;
  const { leftText, rightText } = describeSides(ctx, left, right, ls, rs);
  const diffText = `${diff > 0 ? '+' : ''}${fmt(d, diff)}`;
  ctx.report({
    severity: opts.severity,
    message: `${opts.what ? opts.what + '：' : ''}${leftText} ≠ ${rightText}，相差 ${diffText} ${d.amountUnit}`,
    location: locationsOf(ctx, left, right),
    expected: fmt(d, rs),
    actual: fmt(d, ls),
    difference: diffText,
  });
  return 'fail';
}

function describeSides(
  ctx: RuleContext,
  left: Operand[],
  right: Operand[],
  ls: Fen,
  rs: Fen,
): { leftText: string; rightText: string } {
  const d = ctx.d;
  const anchor = left[0];
  const l = left.map((o) => resolve(ctx, o, anchor));
  const r = right.map((o) => resolve(ctx, o, anchor));
  const leftText =
    l.length === 1
      ? `${l[0]!.label()} ${fmt(d, ls)}`
      : `${l.map((x, i) => `${i === 0 ? x.label() : x.short()} ${fmt(d, x.value!)}`).join(' + ')} = ${fmt(d, ls)}`;
  const rightText =
    r.length === 1
      ? `${r[0]!.label()} ${fmt(d, rs)}`
      : `${r.map((x) => `${x.short()} ${fmt(d, x.value!)}`).join(' + ')} = ${fmt(d, rs)}`;
  return { leftText, rightText };
}

function locationsOf(ctx: RuleContext, left: Operand[], right: Operand[]): Location[] {
  const anchor = left[0];
  return [...left, ...right].map((o) => resolve(ctx, o, anchor).location());
}

/**
 * A sum that holds only within the rounding tolerance: an info finding rendered on first read. One object
 * per note (real publications have dozens; batches have hundreds of thousands that nobody reads in full).
 */
class RoundingNote implements ReportInput {
  readonly severity = 'info' as const;
  readonly kind = 'rounding' as const;
  constructor(
    private readonly ctx: RuleContext,
    private readonly left: Operand[],
    private readonly right: Operand[],
    private readonly ls: Fen,
    private readonly rs: Fen,
    private readonly diff: Fen,
    private readonly tolerance: number,
    private readonly what: string | undefined,
  ) {}
  get message(): string {
    const d = this.ctx.d;
    const { leftText, rightText } = describeSides(this.ctx, this.left, this.right, this.ls, this.rs);
    return `${leftText}，${rightText}，相差 ${this.difference} ${d.amountUnit}，在四舍五入允许范围（±${formatAmount(Math.floor(this.tolerance), { unit: d.amountUnit, decimals: d.decimals + 1 })}）内：各数分别四舍五入所致，不是错误${this.what ? `（${this.what}）` : ''}`;
  }
  get location(): Location[] {
    return locationsOf(this.ctx, this.left, this.right);
  }
  get expected(): string {
    return fmt(this.ctx.d, this.rs);
  }
  get actual(): string {
    return fmt(this.ctx.d, this.ls);
  }
  get difference(): string {
    return `${this.diff > 0 ? '+' : ''}${fmt(this.ctx.d, this.diff)}`;
  }
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
  const ra = resolve(ctx, a, undefined);
  const rb = resolve(ctx, b, undefined);
  if (ra.value === undefined || rb.value === undefined) {
    ctx.insufficient(
      () =>
        `缺少 ${[ra, rb]
          .filter((x) => x.value === undefined)
          .map((x) => x.label())
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
    message: `${opts.what ? opts.what + '：' : ''}${ra.label()} ${fmt(d, ra.value)} 大于 ${rb.label()} ${fmt(d, rb.value)}，超出 ${fmt(d, over)} ${d.amountUnit}`,
    location: [ra.location(), rb.location()],
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
