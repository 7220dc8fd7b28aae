import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming } from '../testing-tables.ts';
import { rule } from './t3-row-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t3-row-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const item = codesOf(data, 't3', 7)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 项 row 基本支出 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't3', item, 'basic'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't3', item, 'basic')).toHaveLength(1);
    expect(e[0]!.message).toContain('基本支出');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when the table has no rows', () => {
    const o = runOne(rule, { ...data, tables: { ...(data.tables as object), t3: { rows: [] } } });
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
