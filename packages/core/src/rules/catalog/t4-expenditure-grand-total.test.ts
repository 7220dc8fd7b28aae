import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t4-expenditure-grand-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-expenditure-grand-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 年末财政拨款结转和结余 政府性基金 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', 'closingCarryover', 'governmentFund'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', 'closingCarryover', 'governmentFund')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when 支出总计 is unknown in every column', () => {
    let d = data;
    for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
      d = withValue(d, cellPath(d, 't4', 'expenditureGrandTotal', c), undefined);
    const o = runOne(rule, d);
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
