import { describe, expect, it } from 'vitest';
import { wan } from './amount.ts';
import { budgetVariance, formatPercent, parsePercent, share, yoy } from './rate.ts';

describe('shares and rates from the seed', () => {
  it('share of 本年收入: 214.73 / 258.51 = 83.06%', () => {
    expect(formatPercent(share(wan('214.73'), wan('258.51')))).toBe('83.06%');
    expect(formatPercent(share(wan('43.78'), wan('258.51')))).toBe('16.94%');
  });
  it('year on year 360.44 vs 333.86 → 增加 26.58, 7.96%', () => {
    const c = yoy(wan('360.44'), wan('333.86'));
    expect(c.change).toBe(wan('26.58'));
    expect(c.direction).toBe('increase');
    expect(formatPercent(c.rate)).toBe('7.96%');
  });
  it('decrease prints with sign or as magnitude', () => {
    const c = yoy(wan('8.91'), wan('9.17'));
    expect(c.direction).toBe('decrease');
    expect(formatPercent(c.rate)).toBe('-2.84%');
    expect(formatPercent(c.rate, { abs: true })).toBe('2.84%');
  });
  it('budget variance 214.73 vs 190.41 = 12.77%', () => {
    expect(formatPercent(budgetVariance(wan('214.73'), wan('190.41')).rate)).toBe('12.77%');
  });
  it('zero base is not computable under the strict convention', () => {
    expect(yoy(wan('5.29'), 0).rate).toBeNull();
    expect(formatPercent(yoy(wan('5.29'), 0).rate)).toBe('不可计算');
    expect(share(1, 0)).toBeNull();
  });
  it('seed convention: 0 → x is 增长100.00%, 0 → 0 is 0.00%, x → 0 is 下降100%', () => {
    expect(formatPercent(yoy(wan('5.29'), 0, 'seed').rate)).toBe('100.00%');
    expect(formatPercent(yoy(0, 0, 'seed').rate)).toBe('0.00%');
    expect(yoy(0, 0, 'seed').direction).toBe('flat');
    expect(formatPercent(yoy(0, wan('5.44'), 'seed').rate)).toBe('-100.00%');
  });
  it('797.70% for 89.77 vs 10.00', () => {
    expect(formatPercent(yoy(wan('89.77'), wan('10.00')).rate)).toBe('797.70%');
  });
  it('parses printed percentages', () => {
    expect(parsePercent('7.96%')).toEqual({ num: 796n, den: 10000n });
    expect(parsePercent('－2.84％')).toEqual({ num: -284n, den: 10000n });
    expect(() => parsePercent('abc')).toThrow(/不是百分比/);
  });
});
