/**
 * Exact arithmetic for the 项目支出绩效自评表 (DOMAIN.md §7): weights, scores and indicator values are
 * decimal strings, read as exact fractions of bigints — never binary floats — and rounded half-up to two
 * decimals only when a score is printed.
 */
import { divRoundHalfUp, type Fen } from '../money/amount.ts';
import type { Indicator, IndicatorOperator } from '../model/disclosure.ts';

/** An exact fraction; `den` is always positive. */
export interface Exact {
  num: bigint;
  den: bigint;
}

const LEADING_NUMBER = /^\s*[+-]?\d+(?:\.\d+)?/;
// Full-width forms (％, ０–９, letters) that NFKC folds; most texts have none.
const NEEDS_NFKC = /[\uFF01-\uFF5E\u3000]/;

function nfkc(text: string): string {
  return NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
}

const POW10: readonly bigint[] = Array.from({ length: 19 }, (_, i) => 10n ** BigInt(i));

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** What `\s` matches at the start of a text (ECMAScript white space and line terminators). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Reads the leading decimal number of a text ("8.98", "8.98分", "100%", " 58 个"), as `^\s*[+-]?\d+(\.\d+)?`
 * reads it after NFKC; undefined when none. A scan of the characters, with no match array, substrings or
 * cache: a batch reads tens of thousands of different scores and values.
 */
export function parseDecimal(text: string | undefined): Exact | undefined {
  if (text === undefined) return undefined;
  const t = nfkc(text);
  const n = t.length;
  let i = 0;
  while (i < n && isSpace(t.charCodeAt(i))) i++;
  const sign = t.charCodeAt(i);
  const neg = sign === 45; // -
  if (neg || sign === 43) i++; // +
  const intStart = i;
  while (i < n && isDigit(t.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart) return undefined;
  let fracLen = 0;
  if (t.charCodeAt(i) === 46 && isDigit(t.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(t.charCodeAt(i))) i++;
    fracLen = i - intEnd - 1;
  }
  let num: bigint;
  if (intEnd - intStart + fracLen <= 15) {
    // Up to 15 digits are exact as a JS integer.
    let v = 0;
    for (let k = intStart; k < i; k++) if (k !== intEnd) v = v * 10 + t.charCodeAt(k) - 48;
    num = BigInt(v);
  } else num = BigInt(t.slice(intStart, intEnd) + t.slice(intEnd + 1, i));
  if (neg) num = -num;
  return { num, den: POW10[fracLen] ?? 10n ** BigInt(fracLen) };
}

export const ZERO: Exact = { num: 0n, den: 1n };
export const exactInt = (n: number | bigint): Exact => ({ num: BigInt(n), den: 1n });

export const add = (a: Exact, b: Exact): Exact =>
  a.den === b.den
    ? { num: a.num + b.num, den: a.den }
    : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
export const sub = (a: Exact, b: Exact): Exact => add(a, { num: -b.num, den: b.den });
export const mul = (a: Exact, b: Exact): Exact => ({ num: a.num * b.num, den: a.den * b.den });
/** a / b; b must not be zero. */
export function div(a: Exact, b: Exact): Exact {
  if (b.num === 0n) throw new RangeError('division by zero');
  const num = a.num * b.den;
  const den = a.den * b.num;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}
export const cmp = (a: Exact, b: Exact): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Exact, b: Exact): Exact => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Exact, b: Exact): Exact => (cmp(a, b) >= 0 ? a : b);
export const isZero = (a: Exact): boolean => a.num === 0n;

/** Rounded half-up to two decimals, as a count of hundredths. */
export function hundredths(a: Exact): bigint {
  return divRoundHalfUp(a.num * 100n, a.den);
}

/** Hundredths as exact. */
export const fromHundredths = (h: bigint): Exact => ({ num: h, den: 100n });

/** Prints hundredths as "8.98". */
export function formatHundredths(h: bigint): string {
  const neg = h < 0n;
  const s = (neg ? -h : h).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Prints a difference of hundredths with its sign ("+6.00", "-4.62"). */
export function formatSignedHundredths(h: bigint): string {
  return `${h > 0n ? '+' : ''}${formatHundredths(h)}`;
}

/** Prints an exact value rounded half-up to two decimals, dropping ".00" for whole numbers ("10", "8.98"). */
export function formatScore(a: Exact): string {
  const h = hundredths(a);
  return h % 100n === 0n ? (h / 100n).toString() : formatHundredths(h);
}

/** |a − b| ≤ 0.01. */
export function withinHundredth(a: Exact, b: Exact): boolean {
  const d = sub(a, b);
  const abs = d.num < 0n ? -d.num : d.num;
  return abs * 100n <= d.den;
}

/** 预算执行率得分 = min(weight, weight × 执行数 / 全年预算数); undefined when 全年预算数 is 0. */
export function executionScore(weight: Exact, executed: Fen, annualBudget: Fen): Exact | undefined {
  if (annualBudget === 0) return undefined;
  return min(weight, mul(weight, { num: BigInt(executed), den: BigInt(annualBudget) }));
}

/** A quantitative indicator whose target and actual can be compared as numbers of the same unit. */
export interface Quantitative {
  operator: Exclude<IndicatorOperator, 'qualitative'>;
  target: Exact;
  actual: Exact;
  /** Unit as printed with the target ("个", "%", "万元"), or "". */
  unit: string;
}

// A target whose "unit" carries digits or date words is a date or deadline ("2022年12月31日", "12月底前").
const DATE_LIKE = /\d|[日号底前]|以内|之内/;

function unitAfterNumber(text: string): string {
  return nfkc(text).replace(LEADING_NUMBER, '').trim();
}

/**
 * The indicator as numbers, or undefined when it is qualitative, a date, or its actual value is not a
 * number in the target's unit (DOMAIN.md §7: qualitative indicators are scored by the evaluator).
 */
// Not cached per indicator: a unit has a few indicators, reading one costs less than a weak map entry
// that would be kept (and promoted by the collector) as long as the model.
export function quantitative(ind: Indicator): Quantitative | undefined {
  if (ind.operator === 'qualitative') return undefined;
  const target = parseDecimal(ind.targetValue);
  const actual = parseDecimal(ind.actualValue);
  if (!target || !actual) return undefined;
  const unit = nfkc(ind.unit ?? '').trim();
  if (DATE_LIKE.test(unit)) return undefined;
  const actualUnit = unitAfterNumber(ind.actual);
  if (DATE_LIKE.test(actualUnit)) return undefined;
  if (unit !== '' && actualUnit !== '' && unit !== actualUnit) return undefined;
  return { operator: ind.operator, target, actual, unit };
}

/**
 * Score of a quantitative indicator (DOMAIN.md §7): "≥"/"="/">" targets score actual/target × weight,
 * "≤"/"<" targets score target/actual × weight (actual 0 → full weight); capped at the weight, never
 * below 0. Undefined when not computable ("=0" with a non-zero actual).
 */
export function indicatorScore(q: Quantitative, weight: Exact): Exact | undefined {
  const { operator, target, actual } = q;
  let raw: Exact;
  if (operator === '<=' || operator === '<') {
    if (cmp(actual, ZERO) <= 0) return weight;
    raw = mul(weight, div(target, actual));
  } else {
    if (isZero(target)) {
      if (operator !== '=') return weight;
      return isZero(actual) ? weight : undefined;
    }
    raw = mul(weight, div(actual, target));
  }
  return max(ZERO, min(weight, raw));
}

/** Whether the actual value misses the target (a deviation that needs an explanation). */
export function missesTarget(q: Quantitative): boolean {
  const c = cmp(q.actual, q.target);
  switch (q.operator) {
    case '>=':
      return c < 0;
    case '>':
      return c <= 0;
    case '=':
      return c !== 0;
    case '<=':
      return c > 0;
    case '<':
      return c >= 0;
  }
}

/** A stated decimal as printed, e.g. for messages. */
export function printed(text: string | undefined): string {
  return text === undefined ? '（未填）' : text.trim();
}
