import { describe, expect, it } from 'vitest';
import { withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t6-public-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t6-public-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 302 类 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't6', '302', 'amount'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't6', row: 'publicTotal', column: 'amount' });
    expect(e[0]!.location.some((l) => l.row === '302')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('adds up the 款 when the 类 rows are not listed', () => {
    const kuanOnly = withoutRows(data, 't6', (r) => r.code?.length === 3);
    expect(errors(runOne(rule, kuanOnly))).toEqual([]);
    const e = errors(runOne(rule, shifted(kuanOnly, cellPath(kuanOnly, 't6', '30201', 'amount'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === '30201')).toBe(true);
  });
  it('reports insufficient data when T6 lists no economic codes', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't6', (r) => r.code !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
