import { describe, expect, it } from 'vitest';
import { cellPath, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t1-admin-income-kinds.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-admin-income-kinds.cases.ts';

describe(rule.id, () => {
  const data = unitData({ kind: '行政' });
  it('passes on an administrative unit with only 财政拨款 and 其他收入', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when an administrative unit reports 事业收入', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'businessIncome', 'amount'), '0.05'));
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]!.severity).toBe('warning');
    expect(o.findings[0]!.rule).toBe(rule.id);
    expect(naming(o.findings, 't1', 'businessIncome', 'amount')).toHaveLength(1);
    expect(o.findings[0]!.actual).toBe('0.05');
  });
  it('does not apply to 事业 units', () => {
    const o = runOne(rule, unitData({ kind: '事业', seed: 2 }));
    expect(o.findings).toEqual([]);
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
  it('reports insufficient data when 经营收入 is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't1', 'operatingIncome', 'amount'), undefined));
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
