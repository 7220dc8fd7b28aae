import { describe, expect, it } from 'vitest';
import { itemCodes, rowOf, withoutRows, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t5-t3-item-le.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-t3-item-le.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  // A 项 whose T5 figure equals T3's: any increase in T5 breaks the identity.
  const code = itemCodes(data, 't5').find(
    (c) => rowOf(data, 't5', c)['total'] === rowOf(data, 't3', c)['total'],
  )!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(o.partial).toEqual([]);
  });
  it('fails when T5 exceeds T3 by 0.05 for a 项', () => {
    expect(code).toBeDefined();
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', code, 'total'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: code, column: 'total' });
    expect(e[0]!.location[1]).toMatchObject({ table: 't3', row: code, column: 'total' });
    expect(e[0]!.message).toContain('本年支出合计');
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('reports a T5 code that T3 does not list', () => {
    const e = errors(
      runOne(
        rule,
        withoutRows(data, 't3', (r) => r.code === code),
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: code, column: 'total' });
    expect(e[0]!.message).toContain('未列出');
  });
  it('reports insufficient data when T3 is missing or lists no codes', () => {
    expect(runOne(rule, withRows(data, 't3', [])).notRun[0]?.reason).toBe('insufficient-data');
    const o = runOne(
      rule,
      withoutRows(data, 't3', (r) => r.code !== undefined),
    );
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
