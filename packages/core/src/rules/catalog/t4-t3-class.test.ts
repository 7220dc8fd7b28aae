import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming, printed, withoutRows } from '../testing-tables.ts';
import { rule } from './t4-t3-class.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-t3-class.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  // A 类 paid wholly from 财政拨款, so T4 = T3 and any increase in T4 breaks the rule.
  const cls = codesOf(data, 't4', 3).find(
    (c) => printed(data, 't4', c, 'total') === printed(data, 't3', c, 'total'),
  )!;
  it('passes on a consistent unit', () => {
    expect(cls).toBeDefined();
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a T4 类 exceeds T3 by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', cls, 'total'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', cls, 'total')).toHaveLength(1);
    expect(naming(e, 't3', cls, 'total')).toHaveLength(1);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('uses the listed 款/项 when T3 leaves out the 类 row', () => {
    expect(
      runOne(
        rule,
        withoutRows(data, 't3', (r) => r['code'] === cls),
      ).findings,
    ).toEqual([]);
  });
  it('fails when T3 has nothing under a 类 that T4 lists', () => {
    const e = errors(
      runOne(
        rule,
        withoutRows(data, 't3', (r) => typeof r['code'] === 'string' && r['code'].startsWith(cls)),
      ),
    );
    expect(e).toHaveLength(1);
    expect(naming(e, 't4', cls, 'total')).toHaveLength(1);
    expect(e[0]!.message).toContain('未列出');
  });
  it('reports insufficient data when T3 lists no code rows', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't3', (r) => r['code'] !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
