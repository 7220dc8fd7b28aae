import { describe, expect, it } from 'vitest';
import { itemCodes, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t8-row-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t8-row-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const item = itemCodes(data, 't8')[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 基本支出 of a 项 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't8', item, 'basic'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't8', row: item, column: 'expenditure' });
    expect(e[0]!.location.some((l) => l.row === item && l.column === 'basic')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('is not applicable to an empty table', () => {
    expect(runOne(rule, withRows(data, 't8', [])).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
