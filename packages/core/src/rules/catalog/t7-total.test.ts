import { describe, expect, it } from 'vitest';
import { withoutRows, withoutTable } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t7-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 公务接待费 预算数 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't7', 'reception', 'budget'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't7', row: 'total', column: 'budget' });
    expect(e[0]!.location.some((l) => l.row === 'reception' && l.column === 'budget')).toBe(true);
    expect(e[0]!.message).toContain('预算数');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('uses 购置费 + 运行费 when the 小计 row is not listed', () => {
    const noSubtotal = withoutRows(data, 't7', (r) => r.row === 'vehicle');
    expect(errors(runOne(rule, noSubtotal))).toEqual([]);
    const e = errors(
      runOne(rule, shifted(noSubtotal, cellPath(noSubtotal, 't7', 'vehicleOperation', 'final'), '0.05')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === 'vehicleOperation' && l.column === 'final')).toBe(true);
  });
  it('reports insufficient data when T7 is not given', () => {
    expect(runOne(rule, withoutTable(data, 't7')).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
