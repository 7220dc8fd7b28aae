import { describe, expect, it } from 'vitest';
import { wan } from '../money/amount.ts';
import type { Indicator } from '../model/disclosure.ts';
import {
  executionScore,
  formatHundredths,
  hundredths,
  indicatorScore,
  missesTarget,
  parseDecimal,
  quantitative,
  withinHundredth,
} from './performance-scores.ts';

const ind = (
  target: string,
  operator: Indicator['operator'],
  targetValue: string | undefined,
  unit: string | undefined,
  actual: string,
): Indicator => {
  const i: Indicator = {
    level1: '产出指标',
    level2: '数量指标',
    name: 'x',
    target,
    operator,
    actual,
    weight: '10',
  };
  if (targetValue !== undefined) i.targetValue = targetValue;
  if (unit !== undefined) i.unit = unit;
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(actual);
  if (m) i.actualValue = m[1]!;
  return i;
};

describe('performance scores', () => {
  it('reads decimals exactly', () => {
    expect(parseDecimal('8.98分')).toEqual({ num: 898n, den: 100n });
    expect(parseDecimal(' 100% ')).toEqual({ num: 100n, den: 1n });
    expect(parseDecimal('优')).toBeUndefined();
  });
  it('scores the seed execution rate: 89.77 / 100 × 10 → 8.98, capped at the weight', () => {
    const w = parseDecimal('10')!;
    expect(formatHundredths(hundredths(executionScore(w, wan('89.77'), wan('100.00'))!))).toBe('8.98');
    expect(formatHundredths(hundredths(executionScore(w, wan('120.00'), wan('100.00'))!))).toBe('10.00');
    expect(executionScore(w, 0, 0)).toBeUndefined();
  });
  it('rounds half up where binary floats would not (1.005 → 1.01)', () => {
    expect(formatHundredths(hundredths(parseDecimal('1.005')!))).toBe('1.01');
    expect(withinHundredth(parseDecimal('8.97')!, parseDecimal('8.98')!)).toBe(true);
    expect(withinHundredth(parseDecimal('8.96')!, parseDecimal('8.98')!)).toBe(false);
  });
  it('scores quantitative indicators by their operator', () => {
    const w = parseDecimal('10')!;
    const ge = quantitative(ind('>=90%', '>=', '90', '%', '81%'))!;
    expect(formatHundredths(hundredths(indicatorScore(ge, w)!))).toBe('9.00');
    expect(missesTarget(ge)).toBe(true);
    const le = quantitative(ind('<=80 万元', '<=', '80', '万元', '71.77 万元'))!;
    expect(formatHundredths(hundredths(indicatorScore(le, w)!))).toBe('10.00');
    expect(missesTarget(le)).toBe(false);
    const over = quantitative(ind('<=80 万元', '<=', '80', '万元', '100 万元'))!;
    expect(formatHundredths(hundredths(indicatorScore(over, w)!))).toBe('8.00');
  });
  it('skips dates, qualitative targets and mismatched units', () => {
    expect(
      quantitative(ind('2022年12月31日', 'qualitative', undefined, undefined, '2022年12月31日')),
    ).toBeUndefined();
    expect(quantitative(ind('=2022年12月31日', '=', '2022', '年12月31日', '2022年12月31日'))).toBeUndefined();
    expect(quantitative(ind('提高', 'qualitative', undefined, undefined, '提高'))).toBeUndefined();
    expect(quantitative(ind('<=80 万元', '<=', '80', '万元', '700000 元'))).toBeUndefined();
  });
});
