import { describe, expect, it } from 'vitest';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t4-totals-budget.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t4-totals-budget.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 支出总计 differs from the budget without a reason', () => {
    const i = rowIndex(data, 't4', 'expenditureGrandTotal');
    const changed = withValue(
      shifted(data, cellPath(data, 't4', 'expenditureGrandTotal', 'total', 'budget'), '12.00'),
      `tables.t4.rows[${i}].reasons.budget`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(
      e[0]!.location.some(
        (l) => l.table === 't4' && l.row === 'expenditureGrandTotal' && l.which === 'budget',
      ),
    ).toBe(true);
    expect(e[0]!.location.some((l) => l.field === `tables.t4.rows[${i}].reasons.budget`)).toBe(true);
    expect(e[0]!.message).toContain('年初预算数');
  });
  it('reports insufficient data when the budget is not given', () => {
    let d = data;
    for (const key of ['incomeGrandTotal', 'expenditureGrandTotal'])
      d = withValue(d, `tables.t4.rows[${rowIndex(d, 't4', key)}].initialBudget`, undefined);
    expect(runOne(rule, d).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
