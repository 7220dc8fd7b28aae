import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './reason-t5-items-budget.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t5-items-budget.cases.ts';

const itemIndex = (data: Data): number =>
  ((data.tables as Data).t5 as { rows: { code?: string }[] }).rows.findIndex((r) => r.code?.length === 7);

describe(rule.id, () => {
  const data = unitData({ profile: 'shanghai-2024' });
  it('passes on a generated Shanghai unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails for a 项 whose 决算 differs from 年初预算 without a reason', () => {
    const i = itemIndex(data);
    const code = ((data.tables as Data).t5 as { rows: { code: string }[] }).rows[i]!.code;
    const changed = withValue(
      shifted(data, cellPath(data, 't5', code, 'total', 'budget'), '-1.50'),
      `tables.t5.rows[${i}].reasons.budget`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[1]).toMatchObject({ table: 't5', row: code, column: 'total', which: 'budget' });
    expect(e[0]!.location.some((l) => l.field === `tables.t5.rows[${i}].reasons.budget`)).toBe(true);
    expect(e[0]!.message).toContain('年初预算数');
  });
  it('is not applicable for the Xinjiang 2022 profile', () => {
    const o = runOne(rule, unitData({ profile: 'xinjiang-2022' }));
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
