import { describe, expect, it } from 'vitest';
import { itemCodes, withoutTable, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t5-row-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-row-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 基本支出 of a 项 is off by 0.05', () => {
    const code = itemCodes(data, 't5')[0]!;
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', code, 'basic'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.location.some((l) => l.table === 't5' && l.row === code && l.column === 'basic')).toBe(true);
    expect(e[0]!.message).toContain('基本支出');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when T5 is not given, and not applicable when it is an empty table', () => {
    expect(runOne(rule, withoutTable(data, 't5')).notRun[0]?.reason).toBe('insufficient-data');
    expect(runOne(rule, withRows(data, 't5', [])).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
