import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './t1-prior-grand-totals-equal.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-prior-grand-totals-equal.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when only last year’s 收入总计 was changed, naming both prior-year cells', () => {
    const e = errors(
      runOne(rule, withValue(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount', 'prior'), '0')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('上年决算数：收入总计应等于支出总计');
    expect(e[0]!.location.map((l) => [l.row, l.which])).toEqual([
      ['incomeGrandTotal', 'prior'],
      ['expenditureGrandTotal', 'prior'],
    ]);
  });
  it('leaves this year’s figures to t1-grand-totals-equal', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount'), '0.05'));
    expect(o.findings).toEqual([]);
  });
  it('reports insufficient data when last year’s 支出总计 is not given', () => {
    const o = runOne(
      rule,
      withValue(data, cellPath(data, 't1', 'expenditureGrandTotal', 'amount', 'prior'), undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
