import { describe, expect, it } from 'vitest';
import { rowOf } from '../fiscal-table-testing.ts';
import { cellPath, nonInfo, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './t7-over-budget.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-over-budget.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a unit within budget', () => {
    const o = runOne(rule, data);
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when the 公务接待费 决算数 exceeds its 预算数 by 0.05', () => {
    const atBudget = withValue(
      data,
      cellPath(data, 't7', 'reception', 'final'),
      rowOf(data, 't7', 'reception')['budget'],
    );
    const w = nonInfo(runOne(rule, shifted(atBudget, cellPath(data, 't7', 'reception', 'final'), '0.05')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning', difference: '+0.05' });
    expect(w[0]!.location[0]).toMatchObject({ table: 't7', row: 'reception', column: 'final' });
    expect(w[0]!.location[1]).toMatchObject({ table: 't7', row: 'reception', column: 'budget' });
  });
  it('reports insufficient data when a 预算数 is not given', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't7', 'abroad', 'budget'), undefined));
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
