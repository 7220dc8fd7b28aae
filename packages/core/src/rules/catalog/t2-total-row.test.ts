import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming, withoutRows } from '../testing-tables.ts';
import { rule } from './t2-total-row.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t2-total-row.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const cls = codesOf(data, 't2', 3)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 类 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't2', cls, 'fiscal'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't2', cls, 'fiscal')).toHaveLength(1);
    expect(naming(e, 't2', 'total', 'fiscal')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('treats a 0.01 gap in 合计 over several 类 as rounding', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't2', 'total', 'total'), '0.01'));
    expect(errors(o)).toEqual([]);
    expect(o.findings.map((f) => f.kind)).toEqual(['rounding']);
  });
  it('reports insufficient data when the 合计 row is missing', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't2', (r) => r['row'] === 'total'),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
