import { describe, expect, it } from 'vitest';
import { withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t6-hierarchy.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t6-hierarchy.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 款 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't6', '30101', 'amount'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't6', row: '301', column: 'amount' });
    expect(e[0]!.location.some((l) => l.row === '30101')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('is not applicable when only 类 rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't6', (r) => r.code?.length === 5),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
