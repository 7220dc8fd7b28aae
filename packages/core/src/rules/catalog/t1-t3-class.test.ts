import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming, rowsOf, withoutRows } from '../testing-tables.ts';
import { rule } from './t1-t3-class.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t1-t3-class.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const code = codesOf(data, 't1', 3)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a T3 类 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't3', code, 'total'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't3', code, 'total')).toHaveLength(1);
    expect(naming(e, 't1', code, 'amount')).toHaveLength(1);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('uses the listed 款/项 when T3 leaves out the 类 row', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't3', (r) => r['code'] === code),
    );
    expect(o.findings).toEqual([]);
  });
  it('fails when T1 leaves out a 类 that has expenditure in T3', () => {
    const e = errors(
      runOne(
        rule,
        withoutRows(data, 't1', (r) => r['code'] === code),
      ),
    );
    expect(e).toHaveLength(1);
    expect(naming(e, 't3', code, 'total')).toHaveLength(1);
    expect(e[0]!.message).toContain('表一未列出该类');
  });
  it('fails when T1 lists a 类 that T3 does not have', () => {
    const copy = structuredClone(data);
    rowsOf(copy, 't1').push({ code: '224', name: '灾害防治及应急管理支出', amount: '0.05' });
    const e = errors(runOne(rule, copy));
    expect(e).toHaveLength(1);
    expect(naming(e, 't1', '224', 'amount')).toHaveLength(1);
    expect(e[0]!.message).toContain('表三没有');
  });
  it('reports insufficient data when T1 lists no 类', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't1', (r) => r['code'] !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
