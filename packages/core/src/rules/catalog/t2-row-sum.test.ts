import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t2-row-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t2-row-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a source column of a 项 row is off by 0.05', () => {
    const code = (data.tables as never as { t2: { rows: { code?: string }[] } }).t2.rows.find(
      (r) => r.code?.length === 7,
    )!.code!;
    const o = runOne(rule, shifted(data, cellPath(data, 't2', code, 'fiscal'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === code && l.column === 'fiscal')).toBe(true);
    expect(e[0]!.message).toContain('财政拨款收入');
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when the table is missing', () => {
    const o = runOne(rule, {
      ...data,
      tables: { ...(data.tables as object), t2: { rows: [{ row: 'total', total: '1.00' }] } },
    });
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
