import { describe, expect, it } from 'vitest';
import { nonInfo, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './statement-empty-procurement.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './statement-empty-procurement.cases.ts';

const NONE = {
  total: '0.00',
  goods: '0.00',
  works: '0.00',
  services: '0.00',
  sme: '0.00',
  smallMicro: '0.00',
};

describe(rule.id, () => {
  const data = unitData();
  it('passes when zero procurement is explained', () => {
    const o = runOne(
      rule,
      withValue(data, 'procurement', { ...NONE, emptyStatement: '本单位本年度无政府采购支出。' }),
    );
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when zero procurement is not explained', () => {
    const w = nonInfo(runOne(rule, withValue(data, 'procurement', NONE)));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]!.field).toBe('procurement.emptyStatement');
    expect(w[0]!.message).toContain('无政府采购支出');
  });
  it('is not applicable when there is procurement, and insufficient without the block', () => {
    expect(runOne(rule, data).notRun[0]?.reason).toBe('not-applicable');
    expect(runOne(rule, withValue(data, 'procurement', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
