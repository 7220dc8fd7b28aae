import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming } from '../testing-tables.ts';
import { rule } from './t4-row-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-row-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const cls = codesOf(data, 't4', 3)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 类 row 一般公共预算 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', cls, 'generalBudget'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', cls, 'generalBudget')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('treats a 0.01 gap in 合计 with two non-zero funds as rounding', () => {
    // 本年收入合计: 一般公共预算 and 政府性基金 are both non-zero in this unit.
    const o = runOne(rule, shifted(data, cellPath(data, 't4', 'incomeTotal', 'total'), '0.01'));
    expect(errors(o)).toEqual([]);
    expect(o.findings.map((f) => f.kind)).toEqual(['rounding']);
  });
  it('reports insufficient data when the table has no rows', () => {
    const o = runOne(rule, { ...data, tables: { ...(data.tables as object), t4: { rows: [] } } });
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
