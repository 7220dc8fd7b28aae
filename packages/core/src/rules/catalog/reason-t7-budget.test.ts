import { describe, expect, it } from 'vitest';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t7-budget.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t7-budget.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 合计 决算数 differs from its 预算数 without a reason', () => {
    const i = rowIndex(data, 't7', 'total');
    const changed = withValue(
      shifted(data, cellPath(data, 't7', 'total', 'budget'), '4.00'),
      `tables.t7.rows[${i}].reasons.budget`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[1]).toMatchObject({ table: 't7', row: 'total', column: 'budget' });
    expect(e[0]!.location.some((l) => l.field === `tables.t7.rows[${i}].reasons.budget`)).toBe(true);
    expect(e[0]!.message).toContain('小于预算数');
  });
  it('reports insufficient data when T7 is missing', () => {
    const o = runOne(rule, withValue(data, 'tables.t7', { rows: [] }));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
