/**
 * What the narrative rules (rules/catalog/narrative-*.ts) share: where a figure or a sentence is (a Location with
 * page, line and the quoted text), the statement a share is taken of, and the reading of a comparison (against last
 * year or against the budget) that several rules judge from different sides.
 */
import type { Fen } from '../money/amount.ts';
import type { Ratio } from '../money/rate.ts';
import type { Location } from '../rules/types.ts';
import type { NarrativeReading } from './narrative-extract.ts';
import {
  isPct,
  iv,
  NO_RANGE,
  overlaps,
  pctIv,
  pctText,
  ratioRange,
  signOf,
  sub,
  type Iv,
  type QRange,
} from './printed-intervals.ts';
import { positionAt, quote } from './text-flow.ts';
import type { Evidence, StatedFigure } from './types.ts';

function located(label: string, e: Evidence): Location {
  const l: Location = { label, page: e.page, quote: e.text };
  if (e.line !== undefined) l.line = e.line;
  return l;
}

/** The figure's sentence. */
export function figureLocation(f: StatedFigure): Location {
  return located(f.section ? `${f.section}「${f.name}」` : `「${f.name}」`, f.evidence);
}

/** The sentence(s) stating the figure's comparison (the figure's own sentence when the same). */
export function changeLocation(f: StatedFigure): Location {
  const e = f.change?.evidence;
  return e ? located(f.section ? `${f.section}「${f.name}」` : `「${f.name}」`, e) : figureLocation(f);
}

/** Two statements that disagree: both sentences (either may be the wrong one). */
export function pairLocations(a: StatedFigure, b: StatedFigure): Location[] {
  return [figureLocation(a), figureLocation(b)];
}

/** The sentence(s) around a stretch of the narrative's stream, as printed, with its page and line. */
export function sentenceLocation(reading: NarrativeReading, index: number, end = index + 1): Location {
  const t = reading.flow.text;
  let a = index;
  while (a > 0 && t[a - 1] !== '。' && t[a - 1] !== '\n') a--;
  let b = Math.max(index, end - 1);
  while (b < t.length && t[b] !== '。' && t[b] !== '\n') b++;
  while (t[b] === '。') b++;
  const at = positionAt(reading.flow, index);
  return { label: `第 ${at.page} 页`, page: at.page, line: at.line, quote: quote(reading.flow, a, b) };
}

/** The nearest earlier statement of a key with an amount (else the first anywhere). */
export function nearestEarlier(
  figures: readonly StatedFigure[],
  key: string,
  before: StatedFigure,
): StatedFigure | undefined {
  const i = figures.indexOf(before);
  for (let j = i - 1; j >= 0; j--)
    if (figures[j]!.key === key && figures[j]!.fen !== undefined) return figures[j];
  return figures.find((f) => f.key === key && f.fen !== undefined);
}

/** A comparison with last year as stated: its direction words and whether they already contradict each other. */
export interface PriorComparison {
  fen: Fen;
  dirSign: 1 | -1 | 0 | undefined;
  rateSign: 1 | -1 | 0 | undefined;
  /** 增加 … 下降: the two direction words disagree (narrative-direction; the other checks are then skipped). */
  contradiction: boolean;
  /** 持平 with a change or rate that is not zero (narrative-direction; the other checks are then skipped). */
  flatButMoved: boolean;
  /** This year's figure as an interval. */
  t: Iv;
}

export function priorComparison(f: StatedFigure): PriorComparison | undefined {
  const c = f.change;
  if (!c || c.against !== 'prior' || f.fen === undefined) return undefined;
  const dirSign = signOf(c.direction);
  const rateSign = signOf(c.rateDirection);
  const contradiction =
    dirSign !== undefined &&
    rateSign !== undefined &&
    dirSign !== 0 &&
    rateSign !== 0 &&
    dirSign !== rateSign &&
    !(c.amount === 0 && c.rate?.num === 0n);
  const flatButMoved =
    !contradiction &&
    c.direction === '持平' &&
    ((c.amount ?? 0) !== 0 || (c.rate !== undefined && c.rate.num !== 0n));
  return { fen: f.fen, dirSign, rateSign, contradiction, flatButMoved, t: iv(f.fen, f.unit, f.decimals) };
}

/** A budget figure the finding may be against: its amount, what it is (年初预算, 全年预算) and its interval. */
export interface BudgetBase {
  fen: Fen;
  label: string;
  iv: Iv;
}

/** A rate stated with a budget comparison: 预决算差异率 or 完成…预算的 x%. */
export interface BudgetRateCheck {
  kind: 'rate' | 'completion';
  /** 1 for the 差异率, 2 for the completion rate (the order the checks run in, for sorting). */
  step: number;
  ratio: Ratio;
  text: string;
  stated: QRange;
  /** The bases in the order they are tried: the one the text names first. */
  ordered: BudgetBase[];
  /** 预决算差异率 or 完成年初预算的比例. */
  kindName: string;
  /** The range the rate can take against a base. */
  rangeFor(b: Iv): QRange | undefined;
}

/** A comparison with the budget as stated: the final figure, the bases it may be against, its words and rates. */
export interface BudgetComparison {
  fen: Fen;
  base: Fen;
  fin: Iv;
  /** The stated base first, then 全年预算 when the text states 年初预算 and the narrative gives 全年预算 too. */
  bases: BudgetBase[];
  baseName: string;
  /** The sign of 大于/小于/持平, when stated. */
  ds: 1 | -1 | 0 | undefined;
  /** The direction word as it reads (持平 for any flat word). */
  word: string | undefined;
  /** Whether the stated direction holds against a base. */
  holds(b: Iv): boolean;
  /** The word the figures give against the stated base. */
  actualWord: string;
  checks: BudgetRateCheck[];
}

export function budgetComparison(
  figures: readonly StatedFigure[],
  f: StatedFigure,
): BudgetComparison | undefined {
  const c = f.change;
  if (!c || c.against !== 'budget' || f.fen === undefined || c.base === undefined) return undefined;
  const fin = iv(f.fen, f.unit, f.decimals);
  const annualFig =
    c.baseLabel === '年初预算'
      ? figures.find((g) => g.key === `${f.key}.annualBudget` && g.fen !== undefined)
      : undefined;
  const bases: BudgetBase[] = [
    { fen: c.base, label: c.baseLabel ?? '预算', iv: iv(c.base, f.unit, c.baseDecimals ?? 2) },
  ];
  if (annualFig?.fen !== undefined)
    bases.push({
      fen: annualFig.fen,
      label: '全年预算',
      iv: iv(annualFig.fen, annualFig.unit, annualFig.decimals),
    });
  const ds = signOf(c.direction);
  const holds = (b: Iv) => {
    const d = sub(fin, b);
    return ds === 0 ? d.lo <= 0n && d.hi >= 0n : ds !== undefined && ds > 0 ? d.hi > 0n : d.lo < 0n;
  };
  const checks: BudgetRateCheck[] = [];
  const add = (
    kind: 'rate' | 'completion',
    step: number,
    ratio: Ratio,
    text: string,
    decimals: number,
    of?: string,
  ) => {
    const ordered = of === '全年预算' && bases.length > 1 ? [bases[1]!, bases[0]!] : bases;
    checks.push({
      kind,
      step,
      ratio,
      text,
      stated: pctIv(ratio, decimals),
      ordered,
      kindName: kind === 'rate' ? '预决算差异率' : `完成${ordered[0]!.label}的比例`,
      // 预决算差异率 = (决算 − 预算) / 预算; 完成预算的比例 = 决算 / 预算.
      rangeFor: (b) => (kind === 'rate' ? ratioRange(sub(fin, b), b) : ratioRange(fin, b)),
    });
  };
  if (c.rate && c.rateText) add('rate', 1, c.rate, c.rateText, c.rateDecimals ?? 2);
  if (c.completion && c.completionText)
    add('completion', 2, c.completion, c.completionText, c.completionDecimals ?? 2, c.completionOf);
  return {
    fen: f.fen,
    base: c.base,
    fin,
    bases,
    baseName: c.baseLabel ?? '预算',
    ds,
    word: ds === 0 ? '持平' : c.direction,
    holds,
    actualWord: f.fen > c.base ? '大于' : f.fen < c.base ? '小于' : '持平',
    checks,
  };
}

/** When the stated direction word does not hold against the stated base: the other base it holds against, if any. */
export function budgetWordVerdict(cmp: BudgetComparison): { alt?: BudgetBase } | undefined {
  if (cmp.ds === undefined || cmp.holds(cmp.bases[0]!.iv)) return undefined;
  const alt = cmp.bases.slice(1).find((b) => cmp.holds(b.iv));
  return alt ? { alt } : {};
}

/**
 * When a stated budget rate does not hold against the first base: whether that base is zero (the rate cannot be
 * computed), the rate it should be, and the other base the stated rate was computed on, if any.
 */
export function budgetRateVerdict(
  cmp: BudgetComparison,
  k: BudgetRateCheck,
): { zeroBase: boolean; expected: string; alt?: BudgetBase } | undefined {
  const first = k.ordered[0]!;
  const alt = k.ordered.slice(1).find((b) => b.fen !== 0 && overlaps(k.rangeFor(b.iv) ?? NO_RANGE, k.stated));
  if (first.fen === 0) {
    const bothZero = cmp.fen === 0 && k.ratio.num === 0n;
    // Growth from a zero budget: the profiles' convention is 100%.
    const convention = k.kind === 'rate' && cmp.fen > 0 && isPct(k.ratio, 100n);
    if (bothZero || convention) return undefined;
    return alt ? { zeroBase: true, expected: '不可计算', alt } : { zeroBase: true, expected: '不可计算' };
  }
  const range = k.rangeFor(first.iv);
  if (!range || overlaps(range, k.stated)) return undefined;
  const expected =
    k.kind === 'rate'
      ? pctText(BigInt(cmp.fen - first.fen), BigInt(first.fen))
      : pctText(BigInt(cmp.fen), BigInt(first.fen));
  return alt ? { zeroBase: false, expected, alt } : { zeroBase: false, expected };
}
