import { describe, expect, it } from 'vitest';
import { cellPath, errors, nonInfo, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t1-income-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-income-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when an income row is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'generalBudget', 'amount'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't1', 'generalBudget', 'amount')).toHaveLength(1);
    expect(e[0]!.message).toContain('本年收入合计');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports a gap of 0.01 over several non-zero figures as rounding, not as an error', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'incomeTotal', 'amount'), '0.01'));
    expect(nonInfo(o)).toEqual([]);
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]!.severity).toBe('info');
    expect(o.findings[0]!.kind).toBe('rounding');
    expect(naming(o.findings, 't1', 'incomeTotal', 'amount')).toHaveLength(1);
  });
  it('reports insufficient data when an income row is missing its amount', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't1', 'otherIncome', 'amount'), undefined));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
    expect(o.notRun[0]?.detail).toContain('其他收入');
  });
});

testRule(cases);
