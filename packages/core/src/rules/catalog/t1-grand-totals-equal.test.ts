import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t1-grand-totals-equal.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-grand-totals-equal.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 支出总计 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'expenditureGrandTotal', 'amount'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't1', 'expenditureGrandTotal', 'amount')).toHaveLength(1);
    expect(e[0]!.message).toContain('收入总计应等于支出总计');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when 收入总计 is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount'), undefined));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
