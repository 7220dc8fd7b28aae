import { describe, expect, it } from 'vitest';
import { wan } from '../money/amount.ts';
import { builtinProfile } from './profile.ts';
import {
  budgetComparisonRuns,
  changePhrase,
  changeRateText,
  completionText,
  reasonRuns,
  shareText,
  varianceRateText,
} from './wording.ts';

const xj = builtinProfile('xinjiang-2022');
const sh = builtinProfile('shanghai-2024');
const central = builtinProfile('central');

describe('direction words by sign', () => {
  it('增加/增长 when this year is larger, 减少/下降 when smaller', () => {
    expect(changePhrase(wan('360.44'), wan('333.86'), xj)).toBe('增加26.58万元，增长7.96%');
    expect(changePhrase(wan('214.73'), wan('218.31'), xj)).toBe('减少3.58万元，下降1.64%');
  });
  it('equal figures: 持平 in profiles that say so, the seed writes 增加0.00万元，增长0.00%', () => {
    expect(changePhrase(wan('5.00'), wan('5.00'), sh)).toBe('持平');
    expect(changePhrase(0, 0, xj)).toBe('增加0.00万元，增长0.00%');
  });
});

describe('zero base and zero current value (the seed conventions)', () => {
  it('last year 0 → 增长100.00% in the seed form, not computable in Shanghai', () => {
    expect(changePhrase(wan('5.29'), 0, xj, 'item')).toBe('增加5.29万元，增长100.00%');
    expect(changeRateText(wan('5.29'), 0, sh)).toBe('不可计算');
  });
  it('this year 0 → 下降100% for 项 in the seed form, 100.00% for totals', () => {
    expect(changePhrase(0, wan('100.00'), xj, 'item')).toBe('减少100.00万元，下降100%');
    expect(changePhrase(0, wan('1.73'), xj, 'total')).toBe('减少1.73万元，下降100.00%');
  });
  it('797.70% and two-decimal rounding half-up', () => {
    expect(changePhrase(wan('89.77'), wan('10.00'), xj, 'item')).toBe('增加79.77万元，增长797.70%');
    expect(changePhrase(wan('8.91'), wan('9.17'), xj, 'item')).toBe('减少0.26万元，下降2.84%');
  });
});

describe('shares with the right denominator', () => {
  it('two-decimal percentages', () => {
    expect(shareText(wan('214.73'), wan('258.51'), xj)).toBe('83.06%');
    expect(shareText(wan('146.46'), wan('236.23'), xj)).toBe('62.00%');
    expect(shareText(0, wan('258.51'), xj)).toBe('0.00%');
    expect(shareText(0, 0, xj)).toBe('0.00%');
  });
});

describe('budget comparisons', () => {
  it('预决算差异率 and completion', () => {
    expect(varianceRateText(wan('214.73'), wan('190.41'), xj)).toBe('12.77%');
    expect(varianceRateText(wan('2.00'), wan('2.00'), xj)).toBe('0.00%');
    expect(varianceRateText(wan('90.00'), wan('100.00'), xj)).toBe('-10.00%');
    expect(completionText(wan('90.00'), wan('100.00'), central)).toBe('90.00%');
  });
  it('大于/小于/持平 with the reason', () => {
    const t = (f: string, b: string, r?: string) =>
      budgetComparisonRuns(wan(f), wan(b), r, sh)
        .map((x) => x.text)
        .join('');
    expect(t('110.00', '100.00', '年中追加')).toBe('决算数大于预算数的主要原因：年中追加');
    expect(t('90.00', '100.00', '节约支出。')).toBe('决算数小于预算数的主要原因：节约支出');
    expect(t('100.00', '100.00')).toBe('决算数与预算数持平');
  });
});

describe('reasons', () => {
  it('a stated reason loses its trailing punctuation; a missing one becomes a visible placeholder', () => {
    expect(reasonRuns('本年减少项目计划评审经费。', xj)).toEqual([{ text: '本年减少项目计划评审经费' }]);
    expect(reasonRuns(undefined, xj)).toEqual([{ text: '【请填写主要原因】', placeholder: true }]);
    expect(reasonRuns('  ', xj)[0]?.placeholder).toBe(true);
  });
});
