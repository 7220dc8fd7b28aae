import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { codesOf, naming, withoutRows } from '../testing-tables.ts';
import { rule } from './t3-hierarchy.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t3-hierarchy.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const item = codesOf(data, 't3', 7)[0]!;
  const section = codesOf(data, 't3', 5)[0]!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 项 is off by 0.05 (款 ≠ Σ项)', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't3', item, 'basic'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't3', item, 'basic')).toHaveLength(1);
    expect(e[0]!.location[0]!.row).toBe(item.slice(0, 5));
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('fails when a 款 is off by 0.05 (类 ≠ Σ款 and 款 ≠ Σ项)', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't3', section, 'total'), '0.05')));
    expect(e).toHaveLength(2);
    expect(e.every((f) => naming([f], 't3', section, 'total').length === 1)).toBe(true);
  });
  it('does not apply when only 项 rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't3', (r) => typeof r['code'] === 'string' && r['code'].length < 7),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
  it('reports insufficient data when no code rows are listed', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't3', (r) => r['code'] !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
