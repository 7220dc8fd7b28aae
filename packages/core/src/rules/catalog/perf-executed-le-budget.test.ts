import { describe, expect, it } from 'vitest';
import { nonInfo, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './perf-executed-le-budget.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-executed-le-budget.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when 全年执行数 exceeds 全年预算数', () => {
    const budget = (data.performance as { projects: { funds: { total: { annualBudget: string } } }[] })
      .projects[0]!.funds.total.annualBudget;
    const d = shifted(
      withValue(data, 'performance.projects[0].funds.total.executed', budget),
      'performance.projects[0].funds.total.executed',
      '3.00',
    );
    const w = nonInfo(runOne(rule, d));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]!.field).toBe('performance.projects[0].funds.total.executed');
    expect(w[0]!.difference).toBe('+3.00');
  });
  it('reports insufficient data without 全年预算数', () => {
    expect(
      runOne(rule, withValue(data, 'performance.projects[0].funds.total.annualBudget', undefined)).notRun[0]
        ?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
