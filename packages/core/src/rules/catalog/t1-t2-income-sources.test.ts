import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t1-t2-income-sources.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-t2-income-sources.cases.ts';

describe(rule.id, () => {
  const data = unitData({ kind: '事业', seed: 2 });
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(o.partial).toEqual([]);
  });
  it('fails when T2 合计 其他收入 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't2', 'total', 'otherIncome'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't2', 'total', 'otherIncome')).toHaveLength(1);
    expect(naming(e, 't1', 'otherIncome', 'amount')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('fails when T1 事业收入 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't1', 'businessIncome', 'amount'), '0.05')));
    expect(e).toHaveLength(1);
    expect(naming(e, 't1', 'businessIncome', 'amount')).toHaveLength(1);
    expect(e[0]!.message).toContain('事业收入');
  });
  it('checks the other sources when one is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't2', 'total', 'subsidiaryRemittance'), undefined));
    expect(o.partial[0]?.reason).toBe('insufficient-data');
    expect(o.findings).toEqual([]);
  });
});

testRule(cases);
