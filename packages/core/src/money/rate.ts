/**
 * Shares, year-on-year rates and budget variance rates (DOMAIN.md §2), computed exactly as ratios of
 * integer 分 and rounded once when printed. A zero denominator gives "not computable" (null) unless a
 * wording convention says otherwise.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { divRoundHalfUp, type Fen } from './amount.ts';

/** An exact ratio of two amounts. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export const Direction = { Increase: 'increase', Decrease: 'decrease', Flat: 'flat' } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

/** part / whole, or null when whole is 0 (not computable). */
export function share(part: Fen, whole: Fen): Ratio | null {
  if (whole === 0) return null;
  return { num: BigInt(part), den: BigInt(whole) };
}

/**
 * Rate conventions for a zero base. `strict`: any zero denominator is not computable.
 * `seed` (the Xinjiang 2022 form of the seed): last 0 and this > 0 → 100%; both 0 → 0%.
 */
export const RateConvention = { Strict: 'strict', Seed: 'seed' } as const;
export type RateConvention = (typeof RateConvention)[keyof typeof RateConvention];

export interface Change {
  /** this − base, in 分. */
  change: Fen;
  direction: Direction;
  /** change / base, or null when not computable. */
  rate: Ratio | null;
}

/** Year-on-year change (与上年相比): change = this − last; rate = change / last. */
export function yoy(current: Fen, prior: Fen, convention: RateConvention = 'strict'): Change {
  return compare(current, prior, convention);
}

/** 预决算差异率 = (决算 − 年初预算) / 年初预算. */
export function budgetVariance(finalAmount: Fen, budget: Fen, convention: RateConvention = 'strict'): Change {
  return compare(finalAmount, budget, convention);
}

function compare(current: Fen, base: Fen, convention: RateConvention): Change {
  const change = current - base;
  const direction: Direction = change > 0 ? 'increase' : change < 0 ? 'decrease' : 'flat';
  let rate: Ratio | null;
  if (base !== 0) rate = { num: BigInt(change), den: BigInt(base) };
  else if (convention === 'seed')
    rate = current === 0 ? { num: 0n, den: 1n } : { num: current > 0 ? 1n : -1n, den: 1n };
  else rate = null;
  return { change, direction, rate };
}

/** Rounds a ratio to a percentage with `decimals` places, as an integer count of 10^-decimals %. */
export function percentScaled(r: Ratio, decimals = 2): bigint {
  return divRoundHalfUp(r.num * 100n * 10n ** BigInt(decimals), r.den);
}

/** Prints a ratio as a percentage ("7.96%"), half away from zero; `abs` drops the sign (for 下降 x%). */
export function formatPercent(
  r: Ratio | null,
  options: { decimals?: number; abs?: boolean; sign?: boolean } = {},
): string {
  if (r === null) return '不可计算';
  const decimals = options.decimals ?? 2;
  let scaled = percentScaled(r, decimals);
  if (options.abs && scaled < 0n) scaled = -scaled;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const body = decimals > 0 ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  const signStr = neg ? '-' : options.sign && scaled > 0n ? '+' : '';
  return `${signStr}${body}%`;
}

/** Parses a printed percentage such as "7.96%" or "－2.84％" into an exact ratio. */
export function parsePercent(text: string): Ratio {
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u2212]/g, '-');
  const m = /^([+-])?(\d+)(?:\.(\d+))?%$/.exec(s);
  if (!m) throw new JuesuanError(ErrorCode.BadPercent, `「${text}」不是百分比：应为数字加 %，如 7.96%`);
  const frac = m[3] ?? '';
  const num = BigInt((m[1] === '-' ? '-' : '') + (m[2] ?? '0') + frac);
  return { num, den: 100n * 10n ** BigInt(frac.length) };
}
