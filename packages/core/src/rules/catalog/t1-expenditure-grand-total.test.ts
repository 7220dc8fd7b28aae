import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t1-expenditure-grand-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-expenditure-grand-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 结余分配 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'surplusDistribution', 'amount'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't1', 'surplusDistribution', 'amount')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when 年末结转和结余 is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't1', 'closingCarryover', 'amount'), undefined));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
