import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './admin-cost-equals-public.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './admin-cost-equals-public.cases.ts';

describe(rule.id, () => {
  it('names a fixed row the data lacks by its label, not its key', () => {
    const data = structuredClone(unitData({ kind: '行政', seed: 3 })) as { tables: Record<string, unknown> };
    delete data.tables['t6'];
    const o = runOne(rule, data);
    expect(o.notRun[0]?.detail).toContain('表六「公用经费合计」行');
    expect(o.notRun[0]?.detail).not.toContain('publicTotal');
  });
  it('passes on generated 行政 and 参公 units', () => {
    for (const kind of ['行政', '参公'] as const) {
      const o = runOne(rule, unitData({ kind, seed: 3 }));
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('fails when 机关运行经费 differs from 公用经费合计', () => {
    const e = errors(runOne(rule, shifted(unitData({ kind: '参公' }), 'adminCost.amount', '0.50')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('adminCost.amount');
    expect(e[0]!.location[1]).toMatchObject({ table: 't6', row: 'publicTotal', column: 'amount' });
    expect(e[0]!.difference).toBe('+0.50');
  });
  it('is not applicable to 事业 units and insufficient without 机关运行经费', () => {
    expect(runOne(rule, unitData({ kind: '事业' })).notRun[0]?.reason).toBe('not-applicable');
    expect(runOne(rule, withValue(unitData(), 'adminCost', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
