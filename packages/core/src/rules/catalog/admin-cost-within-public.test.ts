import { describe, expect, it } from 'vitest';
import { nonInfo, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './admin-cost-within-public.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './admin-cost-within-public.cases.ts';

describe(rule.id, () => {
  const data = unitData({ kind: '事业' });
  it('passes on a generated 事业 unit', () => {
    const o = runOne(rule, data);
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when 机关运行经费 exceeds 公用经费合计', () => {
    const i = rowIndex(data, 't6', 'publicTotal');
    const publicTotal = (data.tables as never as { t6: { rows: { amount: string }[] } }).t6.rows[i]!.amount;
    const w = nonInfo(
      runOne(rule, shifted(withValue(data, 'adminCost.amount', publicTotal), 'adminCost.amount', '1.00')),
    );
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]!.field).toBe('adminCost.amount');
    expect(w[0]!.difference).toBe('+1.00');
  });
  it('is not applicable to 行政 units and to 事业 units without 机关运行经费', () => {
    expect(runOne(rule, unitData({ kind: '行政' })).notRun[0]?.reason).toBe('not-applicable');
    expect(runOne(rule, withValue(data, 'adminCost', undefined)).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
