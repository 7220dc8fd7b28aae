import { describe, expect, it } from 'vitest';
import { rowsOf, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t7-prior-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-prior-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 购置费 上年决算数 is off by 0.05', () => {
    const e = errors(
      runOne(rule, shifted(data, cellPath(data, 't7', 'vehiclePurchase', 'final', 'prior'), '0.05')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't7', row: 'vehicle', column: 'final', which: 'prior' });
    expect(e[0]!.location.some((l) => l.row === 'vehiclePurchase' && l.which === 'prior')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('fails when the 公务接待费 上年决算数 is off by 0.05', () => {
    const e = errors(
      runOne(rule, shifted(data, cellPath(data, 't7', 'reception', 'final', 'prior'), '0.05')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't7', row: 'total', which: 'prior' });
    expect(e[0]!.location.some((l) => l.row === 'reception' && l.which === 'prior')).toBe(true);
  });
  it('reports insufficient data when no 上年决算数 is given', () => {
    const rows = rowsOf(data, 't7').map(({ prior: _prior, ...r }) => r);
    expect(runOne(rule, withRows(data, 't7', rows)).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
