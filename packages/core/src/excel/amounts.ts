/**
 * Amounts between cells, 分 and data-file text. A cell's number passes through its shortest decimal
 * text (never multiplied as a float), and a data file gets the exact amount in its unit: 1 分 in 万元
 * is "0.000001", so an import never rounds; rounding to 万元 is 舍位平衡's job (balance/).
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { FEN_PER_UNIT, parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { numberText } from './grid-xlsx.ts';
import type { GridCell } from './grid.ts';
import { ZERO_TEXTS } from './vocabulary.ts';

/** Exact text of an amount in a unit, at least `minDecimals` decimals: 2147300 分 in 万元 → "2.1473". */
export function fenText(fen: Fen, unit: MoneyUnit, minDecimals = 2): string {
  const per = Number(FEN_PER_UNIT[unit]);
  const digits = String(per).length - 1;
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const int = Math.floor(abs / per);
  let frac = String(abs % per).padStart(digits, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/** The number a cell holds as plain decimal text, or undefined when the cell holds text. */
function cellNumberText(cell: GridCell): string | undefined {
  if (cell.num !== undefined) return numberText(cell.num);
  return undefined;
}

export type CellAmount = { kind: 'blank' } | { kind: 'amount'; fen: Fen } | { kind: 'text'; text: string };

/**
 * Reads a cell as an amount in `unit`: blank, "-", "—", "/" are blank (the caller decides whether
 * that is 0 or unknown); "1,234.56", "（12.00）", full-width digits and a trailing 元/万元 are read;
 * anything else is text.
 */
export function readCellAmount(cell: GridCell | undefined, unit: MoneyUnit): CellAmount {
  if (!cell) return { kind: 'blank' };
  const numText = cellNumberText(cell);
  const raw = numText ?? cell.text;
  const t = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (ZERO_TEXTS.has(t) && numText === undefined) return t === '' ? { kind: 'blank' } : zeroOrBlank(t);
  try {
    return { kind: 'amount', fen: parseAmount(t, unit).fen };
  } catch (e) {
    if (e instanceof JuesuanError && e.code === ErrorCode.BadAmount) return { kind: 'text', text: cell.text };
    throw e;
  }
}

function zeroOrBlank(t: string): CellAmount {
  return t === '0' || t === '0.00' ? { kind: 'amount', fen: 0 } : { kind: 'blank' };
}
