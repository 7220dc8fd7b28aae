import { describe, expect, it } from 'vitest';
import { rowsOf, withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t5-total-row.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-total-row.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const cls = rowsOf(data, 't5').find((r) => r.code?.length === 3)!.code!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a 类 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', cls, 'basic'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === cls && l.column === 'basic')).toBe(true);
    expect(e[0]!.location.some((l) => l.row === 'total' && l.column === 'basic')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when T5 lists no code rows', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't5', (r) => r.code !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
