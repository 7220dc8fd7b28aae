import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t4-fund-balance.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-fund-balance.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 本年收入 一般公共预算 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', 'incomeTotal', 'generalBudget'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', 'incomeTotal', 'generalBudget')).toHaveLength(1);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('reports insufficient data for a column with an unknown figure', () => {
    const o = runOne(
      rule,
      withValue(data, cellPath(data, 't4', 'closingCarryover', 'governmentFund'), undefined),
    );
    expect(o.partial[0]?.reason).toBe('insufficient-data');
    expect(o.partial[0]?.detail).toContain('政府性基金');
  });
});

testRule(cases);
