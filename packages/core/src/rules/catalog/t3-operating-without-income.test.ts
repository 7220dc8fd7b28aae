import { describe, expect, it } from 'vitest';
import { cellPath, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming, printed } from '../testing-tables.ts';
import { rule } from './t3-operating-without-income.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t3-operating-without-income.cases.ts';

describe(rule.id, () => {
  const admin = unitData({ kind: '行政' });
  const institution = unitData({ kind: '事业', seed: 2 });
  it('passes when there is no 经营支出', () => {
    const o = runOne(rule, admin);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('passes when 经营支出 is matched by 经营收入', () => {
    expect(printed(institution, 't3', 'total', 'operating')).not.toBe('0.00');
    expect(runOne(rule, institution).findings).toEqual([]);
  });
  it('warns when 经营支出 is 0.05 and there is no 经营收入', () => {
    const o = runOne(rule, shifted(admin, cellPath(admin, 't3', 'total', 'operating'), '0.05'));
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]!.severity).toBe('warning');
    expect(o.findings[0]!.rule).toBe(rule.id);
    expect(naming(o.findings, 't3', 'total', 'operating')).toHaveLength(1);
    expect(o.findings[0]!.message).toContain('经营支出应由经营收入安排');
  });
  it('reports insufficient data when T1 经营收入 is unknown', () => {
    const o = runOne(rule, withValue(admin, cellPath(admin, 't1', 'operatingIncome', 'amount'), undefined));
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
