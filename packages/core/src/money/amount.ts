/**
 * Exact money. Every amount is an integer number of 分 (fen, 0.01 元) from the moment it is parsed;
 * rounding happens once, half away from zero (四舍五入), when a figure is printed.
 * Integers stay exact in a JS number up to 2^53 分 ≈ 90 万亿元, far above any unit's accounts.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';

/** Integer number of 分. */
export type Fen = number;

export const MoneyUnit = { Yuan: '元', Wan: '万元', Yi: '亿元' } as const;
export type MoneyUnit = (typeof MoneyUnit)[keyof typeof MoneyUnit];

/** 分 per one of each unit. */
export const FEN_PER_UNIT: Readonly<Record<MoneyUnit, bigint>> = {
  元: 100n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

export interface ParsedAmount {
  fen: Fen;
  /** Decimals as written, e.g. 2 for "360.44". */
  decimals: number;
  /** The unit written after the number, or the default unit when none was written. */
  unit: MoneyUnit;
  /** Whether the text carried its own unit. */
  unitWritten: boolean;
}

const UNIT_ALIASES: Readonly<Record<string, MoneyUnit>> = {
  元: '元',
  万元: '万元',
  万: '万元',
  亿元: '亿元',
  亿: '亿元',
};

// Normalised text: optional sign, digits with optional thousands separators, optional decimals, optional unit.
const AMOUNT_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(元|万元|万|亿元|亿)?$/;

/**
 * Normalises what real documents contain before a number is read: NFKC (full-width digits and
 * punctuation), the minus signs −/－, the ideographic full stop used as a decimal point, spaces
 * inside numbers and units.
 */
export function normaliseNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/[\s\u00A0\u3000]+/g, '')
    .replace(/[，]/g, ',');
}

/**
 * Parses an amount as printed in a publication or typed by a person: "2,940.05", "360.44 万元",
 * "0.00万元", "1.2亿元", "5,082.00元", "（1,234.00）" (accounting negative), full-width forms.
 * Returns integer 分; throws E_BAD_AMOUNT when the text is not an amount or is finer than 1 分.
 */
const PLAIN_RE = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

export function parseAmount(text: string, defaultUnit: MoneyUnit = '万元'): ParsedAmount {
  // Fast path for plain "1234.56" within exact double range.
  const plain = PLAIN_RE.exec(text);
  if (plain) {
    const frac = plain[2] ?? '';
    const perUnit = defaultUnit === '万元' ? 1_000_000 : defaultUnit === '元' ? 100 : 10_000_000_000;
    const div = 10 ** frac.length;
    if (perUnit % div === 0) {
      const fen = Number(plain[1]) * perUnit + (frac === '' ? 0 : Number(frac) * (perUnit / div));
      if (Number.isSafeInteger(fen))
        return { fen, decimals: frac.length, unit: defaultUnit, unitWritten: false };
    }
  }
  let s = normaliseNumberText(text);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren?.[1] !== undefined) {
    s = paren[1];
    negative = true;
  }
  const m = AMOUNT_RE.exec(s);
  if (!m) {
    throw new JuesuanError(
      ErrorCode.BadAmount,
      `「${text}」不是金额：应为数字，可带千分位和单位（元、万元、亿元），如 2,940.05 或 360.44万元`,
    );
  }
  const sign = m[1];
  if (sign === '-') negative = !negative;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const fracPart = m[3] ?? '';
  const unit = m[4] !== undefined ? UNIT_ALIASES[m[4]] : defaultUnit;
  if (unit === undefined) throw new JuesuanError(ErrorCode.BadAmount, `「${text}」的单位无法识别`);
  const scale = FEN_PER_UNIT[unit];
  const denom = 10n ** BigInt(fracPart.length);
  const numer = BigInt(intPart + fracPart) * scale;
  if (numer % denom !== 0n) {
    throw new JuesuanError(ErrorCode.BadAmount, `「${text}」精度超过 1 分（0.01 元），无法精确表示`);
  }
  const fenBig = numer / denom;
  if (fenBig > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new JuesuanError(ErrorCode.BadAmount, `「${text}」金额过大`);
  }
  const fen = Number(fenBig);
  return {
    fen: negative && fen !== 0 ? -fen : fen,
    decimals: fracPart.length,
    unit,
    unitWritten: m[4] !== undefined,
  };
}

/** Exact conversion of a whole number of units to 分 (e.g. fromUnits(3, '万元')). */
export function fenOf(units: bigint | number, unit: MoneyUnit): Fen {
  return Number(BigInt(units) * FEN_PER_UNIT[unit]);
}

/** Integer division rounding half away from zero (四舍五入). */
export function divRoundHalfUp(numer: bigint, denom: bigint): bigint {
  if (denom === 0n) throw new RangeError('division by zero');
  if (denom < 0n) {
    numer = -numer;
    denom = -denom;
  }
  const neg = numer < 0n;
  const a = neg ? -numer : numer;
  const q = (a * 2n + denom) / (denom * 2n);
  return neg ? -q : q;
}

/**
 * Rounds an amount to `decimals` places of `unit`, half away from zero, and returns the result as
 * an integer count of 10^-decimals units (e.g. 3604400 元 → 36044 for 万元 with 2 decimals).
 */
export function roundToUnit(fen: Fen, unit: MoneyUnit, decimals: number): bigint {
  const denom = FEN_PER_UNIT[unit];
  return divRoundHalfUp(BigInt(fen) * 10n ** BigInt(decimals), denom);
}

/** The amount 分 equal to one step of the last printed digit (e.g. 0.01 万元 = 10000 分). */
export function stepFen(unit: MoneyUnit, decimals: number): Fen {
  const s = FEN_PER_UNIT[unit] * 1n;
  const d = 10n ** BigInt(decimals);
  // 元 with 2 decimals is exactly 1 分; finer steps are not representable and count as exact.
  return s % d === 0n ? Number(s / d) : 0;
}

export interface FormatAmountOptions {
  unit?: MoneyUnit;
  decimals?: number;
  /** Thousands separators, as in tables ("2,940.05"). Default false (narrative "2940.05"). */
  thousands?: boolean;
  /** Append the unit ("360.44万元"). Default false. */
  withUnit?: boolean;
  /** Print zero as an empty string, as in tables. Default false. */
  blankZero?: boolean;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 分 per step of the last printed digit, for the common units (exact integers). */
function stepOf(unit: MoneyUnit, decimals: number): number | undefined {
  const perUnit = unit === '万元' ? 1_000_000 : unit === '元' ? 100 : 10_000_000_000;
  const div = 10 ** decimals;
  return perUnit % div === 0 ? perUnit / div : undefined;
}

/** Prints an amount, rounding once, half away from zero. */
export function formatAmount(fen: Fen, options: FormatAmountOptions = {}): string {
  const unit = options.unit ?? '万元';
  const decimals = options.decimals ?? 2;
  let scaled: bigint | number;
  const step = stepOf(unit, decimals);
  if (step !== undefined && Number.isSafeInteger(fen)) {
    // Exact integer arithmetic in doubles: fen and step are integers below 2^53.
    const r = fen % step;
    let q = (fen - r) / step;
    if (2 * Math.abs(r) >= step) q += fen < 0 ? -1 : 1;
    scaled = q;
  } else scaled = roundToUnit(fen, unit, decimals);
  if (scaled === 0 || scaled === 0n) {
    if (options.blankZero) return '';
    scaled = 0;
  }
  const neg = scaled < 0;
  const abs = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  let intDigits = decimals > 0 ? abs.slice(0, abs.length - decimals) : abs;
  const frac = decimals > 0 ? abs.slice(abs.length - decimals) : '';
  if (options.thousands) intDigits = groupThousands(intDigits);
  const body = `${neg ? '-' : ''}${intDigits}${frac ? '.' + frac : ''}`;
  return options.withUnit ? body + unit : body;
}

/** Convenience for tests and generators: "360.44" (万元) → 分. */
export function wan(text: string): Fen {
  return parseAmount(text, '万元').fen;
}
