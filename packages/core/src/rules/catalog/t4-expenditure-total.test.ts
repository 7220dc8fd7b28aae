import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { codesOf, naming, withoutRows } from '../testing-tables.ts';
import { rule } from './t4-expenditure-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-expenditure-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const cls = codesOf(data, 't4', 3)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 类 row 合计 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', cls, 'total'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', cls, 'total')).toHaveLength(1);
    expect(naming(e, 't4', 'expenditureTotal', 'total')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when no 类 rows are listed but there is expenditure', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't4', (r) => r['code'] !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
  it('accepts an empty expenditure side when 本年支出合计 is zero', () => {
    let d = withoutRows(data, 't4', (r) => r['code'] !== undefined);
    for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
      d = withValue(d, cellPath(d, 't4', 'expenditureTotal', c), '0.00');
    const o = runOne(rule, d);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
});

testRule(cases);
