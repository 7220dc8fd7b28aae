import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t4-t2-fiscal-income.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-t2-fiscal-income.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when T2 合计 财政拨款收入 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't2', 'total', 'fiscal'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't2', 'total', 'fiscal')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when T4 本年收入合计 is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't4', 'incomeTotal', 'total'), undefined));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
