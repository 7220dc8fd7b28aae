import { describe, expect, it } from 'vitest';
import { itemCodes, withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t5-hierarchy.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-hierarchy.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 项 合计 no longer adds up to its 款', () => {
    const code = itemCodes(data, 't5')[0]!;
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', code, 'total'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === code && l.column === 'total')).toBe(true);
    expect(e[0]!.location.some((l) => l.row === code.slice(0, 5) && l.column === 'total')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('is not applicable when only 项 rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't5', (r) => r.code !== undefined && r.code.length < 7),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
