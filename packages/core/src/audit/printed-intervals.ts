/**
 * Exact interval arithmetic on printed figures, shared by the narrative rules (rules/catalog/narrative-*.ts).
 * Rounding-aware as everywhere (docs/adr/0003): a figure printed with d decimals stands for
 * [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ], a printed zero is exact, and a check fails only when no values inside those
 * intervals satisfy it.
 */
import { FEN_PER_UNIT, formatAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';

/** An exact fraction n/d (d > 0). */
export interface Q {
  n: bigint;
  d: bigint;
}

export function q(n: bigint, d: bigint): Q {
  return d < 0n ? { n: -n, d: -d } : { n, d };
}
function lt(a: Q, b: Q): boolean {
  return a.n * b.d < b.n * a.d;
}
function minQ(xs: Q[]): Q {
  return xs.reduce((m, x) => (lt(x, m) ? x : m));
}
function maxQ(xs: Q[]): Q {
  return xs.reduce((m, x) => (lt(m, x) ? x : m));
}

/** A range of ratios. */
export interface QRange {
  lo: Q;
  hi: Q;
}

/** A range that overlaps nothing. */
export const NO_RANGE: QRange = { lo: q(1n, 0n), hi: q(-1n, 0n) };

/** A printed amount as an interval in half-分 units: [2v − s, 2v + s], s = one step of its last digit; zero is exact. */
export interface Iv {
  lo: bigint;
  hi: bigint;
  /** 2 × the printed value. */
  mid: bigint;
}

function moneyUnit(u: string): MoneyUnit {
  return u === '元' || u === '亿元' ? u : '万元';
}

export function iv(fen: Fen, unit: string, decimals: number): Iv {
  const step = FEN_PER_UNIT[moneyUnit(unit)] / 10n ** BigInt(decimals);
  const mid = 2n * BigInt(fen);
  const s = fen === 0 ? 0n : step;
  return { lo: mid - s, hi: mid + s, mid };
}

/** A printed percentage as an interval of ratios. */
export function pctIv(r: Ratio, decimals: number): QRange {
  const half = q(1n, 2n * 100n * 10n ** BigInt(decimals));
  const v = q(r.num, r.den);
  return {
    lo: q(v.n * half.d - half.n * v.d, v.d * half.d),
    hi: q(v.n * half.d + half.n * v.d, v.d * half.d),
  };
}

/** The range of a/b over the corners (b's interval must not contain 0). */
export function ratioRange(a: Iv, b: Iv): QRange | undefined {
  if (b.lo <= 0n && b.hi >= 0n) return undefined;
  const cs = [q(a.lo, b.lo), q(a.lo, b.hi), q(a.hi, b.lo), q(a.hi, b.hi)];
  return { lo: minQ(cs), hi: maxQ(cs) };
}

export function overlaps(a: QRange, b: QRange): boolean {
  return !lt(a.hi, b.lo) && !lt(b.hi, a.lo);
}

export function sub(a: Iv, b: Iv): Iv {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo, mid: a.mid - b.mid };
}

/** An amount in 万元 with two decimals, as messages print it. */
export function wanText(fen: Fen): string {
  return formatAmount(fen, { unit: '万元', decimals: 2 });
}

/**
 * An amount with its unit, in the unit the document printed it in: 元 for a document in 元 (two decimals), 万元
 * otherwise. A message quotes the figures as the reader sees them in the text.
 */
export function amountText(fen: Fen, unit: string | undefined): string {
  const u = messageUnit(unit);
  return `${formatAmount(fen, { unit: u, decimals: 2 })}${u}`;
}

/** The unit messages print a figure's amounts in: 元 for a figure printed in 元, else 万元. */
export function messageUnit(unit: string | undefined): '元' | '万元' {
  return unit === '元' ? '元' : '万元';
}

export function pctText(n: bigint, d: bigint): string {
  return formatPercent({ num: n, den: d });
}

const UP = /^(增加|增长|上升|增幅|增长率|大于|高于|超过)$/;
const DOWN = /^(减少|下降|降低|降幅|下降率|小于|低于)$/;

/** The sign a direction word gives: 增加 +1, 减少 −1, 持平 0; undefined for other words. */
export function signOf(word: string | undefined): 1 | -1 | 0 | undefined {
  if (word === undefined) return undefined;
  if (UP.test(word)) return 1;
  if (DOWN.test(word)) return -1;
  if (/持平/.test(word)) return 0;
  return undefined;
}

/** A stated rate, signed: 下降 2.84% → −2.84%; "-7.26%" stays negative. */
export function signedRate(r: Ratio, word: string | undefined): Ratio {
  const s = signOf(word);
  return s === -1 && r.num > 0n ? { num: -r.num, den: r.den } : r;
}

/** Whether a ratio is exactly `value` percent (100n: 100%). */
export function isPct(r: Ratio | undefined, value: bigint): boolean {
  return r !== undefined && r.num * 100n === value * r.den;
}
