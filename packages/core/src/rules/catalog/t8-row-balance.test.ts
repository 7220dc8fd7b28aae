import { describe, expect, it } from 'vitest';
import { itemCodes, withoutTable, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t8-row-balance.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t8-row-balance.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const item = itemCodes(data, 't8')[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 年末结转和结余 of a 项 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't8', item, 'closing'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't8', row: item, column: 'opening' });
    expect(e[0]!.location.some((l) => l.row === item && l.column === 'closing')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('is not applicable to an empty table and lacks data when the table is not given', () => {
    expect(runOne(rule, withRows(data, 't8', [])).notRun[0]?.reason).toBe('not-applicable');
    expect(runOne(rule, withoutTable(data, 't8')).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
