import { describe, expect, it } from 'vitest';
import { withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t7-vehicle-subtotal.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-vehicle-subtotal.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 运行（维护）费 决算数 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't7', 'vehicleOperation', 'final'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't7', row: 'vehicle', column: 'final' });
    expect(e[0]!.location.some((l) => l.row === 'vehicleOperation' && l.column === 'final')).toBe(true);
    expect(e[0]!.message).toContain('决算数');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when the 小计 row is not listed', () => {
    expect(
      runOne(
        rule,
        withoutRows(data, 't7', (r) => r.row === 'vehicle'),
      ).notRun[0]?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
