/**
 * Wording of figures in the narrative (DOMAIN.md §2, §6): amounts in 万元 with two decimals, shares and
 * rates as two-decimal percentages, direction words by sign, the profile's conventions for a zero base,
 * a zero current value and equal figures. Every figure is computed from the stated figures, so a printed
 * change always agrees with the two printed amounts.
 */
import { formatAmount, type Fen } from '../money/amount.ts';
import { changeRate, formatPercent, share } from '../money/rate.ts';
import type { Run } from './document.ts';
import type { ReportProfile } from './profile.ts';
import { fill } from './template.ts';

/** 360.44 (narrative form: no thousands separators). */
export function amountText(fen: Fen): string {
  return formatAmount(fen, { unit: '万元', decimals: 2 });
}

/** Share of part in whole: "83.06%"; 0 of 0 uses the profile's both-zero wording. */
export function shareText(part: Fen, whole: Fen, profile: ReportProfile): string {
  if (whole === 0) return part === 0 ? profile.wording.bothZeroRate : '不可计算';
  return formatPercent(share(part, whole));
}

export type ChangeContext = 'item' | 'total';

/** Rate of a change as printed, honouring the profile's zero-base conventions. */
export function changeRateText(
  current: Fen,
  base: Fen,
  profile: ReportProfile,
  context: ChangeContext = 'total',
): string {
  const w = profile.wording;
  if (current === base) return w.bothZeroRate;
  if (base === 0) return w.zeroBaseRate;
  if (current === 0) return context === 'item' ? w.zeroCurrentItemRate : '100.00%';
  return formatPercent(changeRate(current, base), { abs: true });
}

/** "增加26.58万元，增长7.96%" / "减少3.58万元，下降1.64%" / "持平" (profile templates phrase.*). */
export function changePhrase(
  current: Fen,
  base: Fen,
  profile: ReportProfile,
  context: ChangeContext = 'total',
): string {
  const diff = current - base;
  const rate = changeRateText(current, base, profile, context);
  const amount = amountText(Math.abs(diff));
  let key: string;
  if (diff > 0) key = 'phrase.increase';
  else if (diff < 0) key = 'phrase.decrease';
  else key = profile.wording.equalStyle === 'flat' ? 'phrase.flat' : 'phrase.increase';
  const runs = fill(profile, key, { amount, rate });
  if (runs) return runs.map((r) => r.text).join('');
  const w = profile.wording;
  if (diff > 0 || (diff === 0 && w.equalStyle !== 'flat'))
    return `${w.increase}${amount}${w.amountUnit}，${w.grow}${rate}`;
  if (diff < 0) return `${w.decrease}${amount}${w.amountUnit}，${w.fall}${rate}`;
  return w.flat;
}

/** 预决算差异率 = (决算 − 年初预算) / 年初预算, signed: "12.77%", "-5.00%". */
export function varianceRateText(finalAmount: Fen, budget: Fen, profile: ReportProfile): string {
  if (finalAmount === budget) return profile.wording.bothZeroRate;
  if (budget === 0) return profile.wording.zeroBaseRate;
  return formatPercent(changeRate(finalAmount, budget));
}

/** A stated reason without trailing punctuation, or a visible placeholder when it is missing. */
export function reasonRuns(text: string | undefined, profile: ReportProfile): Run[] {
  const t = text?.trim().replace(/[。；;，,、\s]+$/u, '');
  if (t === undefined || t === '') return [{ text: profile.wording.missingReason, placeholder: true }];
  return [{ text: t }];
}

/** Free text inserted into a sentence: trailing 。 removed so the template's own punctuation stands. */
export function insertText(text: string | undefined, fallback: string): string {
  const t = text?.trim().replace(/[。；;，,\s]+$/u, '');
  return t === undefined || t === '' ? fallback : t;
}

/** 完成年初预算的 x%: 决算 / 年初预算. */
export function completionText(finalAmount: Fen, budget: Fen, profile: ReportProfile): string {
  if (budget === 0) return finalAmount === 0 ? profile.wording.bothZeroRate : '不可计算';
  return formatPercent(share(finalAmount, budget));
}

/**
 * "决算数大于预算数的主要原因：…" / "…小于…" / "决算数与预算数持平" (profile templates phrase.budgetAbove,
 * phrase.budgetBelow, phrase.budgetEqual).
 */
export function budgetComparisonRuns(
  finalAmount: Fen,
  budget: Fen,
  reason: string | undefined,
  profile: ReportProfile,
): Run[] {
  const key =
    finalAmount > budget
      ? 'phrase.budgetAbove'
      : finalAmount < budget
        ? 'phrase.budgetBelow'
        : 'phrase.budgetEqual';
  const runs = fill(profile, key, { reason: reasonRuns(reason, profile) });
  if (runs) return runs;
  if (finalAmount === budget) return [{ text: '决算数与预算数持平' }];
  return [
    { text: `决算数${finalAmount > budget ? '大于' : '小于'}预算数的主要原因：` },
    ...reasonRuns(reason, profile),
  ];
}
