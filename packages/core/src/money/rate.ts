/**
 * Shares, year-on-year rates and budget variance rates (DOMAIN.md §2), computed exactly as ratios of
 * integer 分 and rounded once when printed. A zero denominator gives "not computable" (null).
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { divRoundHalfUp, type Fen } from './amount.ts';

/** An exact ratio of two amounts. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

/** part / whole, or null when whole is 0 (not computable). */
export function share(part: Fen, whole: Fen): Ratio | null {
  if (whole === 0) return null;
  return { num: BigInt(part), den: BigInt(whole) };
}

/**
 * Rate of a change: (current − base) / base — 与上年相比的增减率 and 预决算差异率 alike — or null when the base
 * is 0 (not computable). How a profile words a zero base is the wording's business (report/wording.ts).
 */
export function changeRate(current: Fen, base: Fen): Ratio | null {
  if (base === 0) return null;
  return { num: BigInt(current - base), den: BigInt(base) };
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
