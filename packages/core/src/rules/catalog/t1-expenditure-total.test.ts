import { describe, expect, it } from 'vitest';
import { cellPath, errors, nonInfo, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming, withoutRows } from '../testing-tables.ts';
import { rule } from './t1-expenditure-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-expenditure-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const code = codesOf(data, 't1', 3)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 类 row is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', code, 'amount'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't1', code, 'amount')).toHaveLength(1);
    expect(e[0]!.expected).not.toBe(e[0]!.actual);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('treats a 0.01 gap over several 类 as rounding', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't1', 'expenditureTotal', 'amount'), '0.01'));
    expect(nonInfo(o)).toEqual([]);
    expect(o.findings[0]?.kind).toBe('rounding');
  });
  it('reports insufficient data when no 类 rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't1', (r) => r['code'] !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
    expect(o.notRun[0]?.detail).toContain('类级');
  });
});

testRule(cases);
