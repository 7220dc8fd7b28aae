import { describe, expect, it } from 'vitest';
import { wan } from './amount.ts';
import { changeRate, formatPercent, parsePercent, share } from './rate.ts';

describe('shares and rates from the seed', () => {
  it('share of 本年收入: 214.73 / 258.51 = 83.06%', () => {
    expect(formatPercent(share(wan('214.73'), wan('258.51')))).toBe('83.06%');
    expect(formatPercent(share(wan('43.78'), wan('258.51')))).toBe('16.94%');
  });
  it('year on year 360.44 vs 333.86 → 7.96%', () => {
    expect(formatPercent(changeRate(wan('360.44'), wan('333.86')))).toBe('7.96%');
  });
  it('decrease prints with sign or as magnitude', () => {
    const r = changeRate(wan('8.91'), wan('9.17'));
    expect(formatPercent(r)).toBe('-2.84%');
    expect(formatPercent(r, { abs: true })).toBe('2.84%');
  });
  it('budget variance 214.73 vs 190.41 = 12.77%', () => {
    expect(formatPercent(changeRate(wan('214.73'), wan('190.41')))).toBe('12.77%');
  });
  it('a zero base is not computable', () => {
    expect(changeRate(wan('5.29'), 0)).toBeNull();
    expect(formatPercent(changeRate(wan('5.29'), 0))).toBe('不可计算');
    expect(share(1, 0)).toBeNull();
  });
  it('797.70% for 89.77 vs 10.00', () => {
    expect(formatPercent(changeRate(wan('89.77'), wan('10.00')))).toBe('797.70%');
  });
  it('parses printed percentages', () => {
    expect(parsePercent('7.96%')).toEqual({ num: 796n, den: 10000n });
    expect(parsePercent('－2.84％')).toEqual({ num: -284n, den: 10000n });
    expect(() => parsePercent('abc')).toThrow(/不是百分比/);
  });
});
