import { describe, expect, it } from 'vitest';
import { withoutTable, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, nonInfo, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './t6-basic-equals-t5.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t6-basic-equals-t5.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the T5 基本支出 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', 'total', 'basic'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: 'total', column: 'basic' });
    expect(e[0]!.location.some((l) => l.table === 't6' && l.row === 'personnelTotal')).toBe(true);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('reports the seed case 124.97 vs 115.68 + 9.28 as rounding only', () => {
    let seed = withValue(data, cellPath(data, 't5', 'total', 'basic'), '124.97');
    seed = withValue(seed, cellPath(data, 't6', 'personnelTotal', 'amount'), '115.68');
    seed = withValue(seed, cellPath(data, 't6', 'publicTotal', 'amount'), '9.28');
    const o = runOne(rule, seed);
    expect(nonInfo(o)).toEqual([]);
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]).toMatchObject({
      rule: rule.id,
      severity: 'info',
      kind: 'rounding',
      difference: '+0.01',
    });
  });
  it('checks an empty T6 against T5, and reports insufficient data when T6 is not given', () => {
    const e = errors(runOne(rule, withRows(data, 't6', [])));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('表六为空表');
    expect(runOne(rule, withoutTable(data, 't6')).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
