import { describe, expect, it } from 'vitest';
import { itemCodes, withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t8-hierarchy.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t8-hierarchy.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const item = itemCodes(data, 't8')[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 本年收入 of a 项 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't8', item, 'income'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't8', row: item.slice(0, 5), column: 'income' });
    expect(e[0]!.location.some((l) => l.row === item && l.column === 'income')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('is not applicable when only 项 rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't8', (r) => r.code !== undefined && r.code.length < 7),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
