import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './reason-t5-items-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t5-items-prior.cases.ts';

const itemIndex = (data: Data): number =>
  ((data.tables as Data).t5 as { rows: { code?: string }[] }).rows.findIndex((r) => r.code?.length === 7);

describe(rule.id, () => {
  const data = unitData();
  it('passes on generated units of each kind', () => {
    for (const kind of ['行政', '参公', '事业'] as const) {
      const o = runOne(rule, unitData({ seed: 7, kind }));
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('fails for a 项 whose total changed without a reason', () => {
    const i = itemIndex(data);
    const code = ((data.tables as Data).t5 as { rows: { code: string }[] }).rows[i]!.code;
    const changed = withValue(
      shifted(data, cellPath(data, 't5', code, 'total', 'prior'), '2.00'),
      `tables.t5.rows[${i}].reasons`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: code, column: 'total' });
    expect(e[0]!.location.some((l) => l.field === `tables.t5.rows[${i}].reasons.prior`)).toBe(true);
    expect(e[0]!.message).toContain(code);
  });
  it('reports insufficient data for a 项 without last year', () => {
    const i = itemIndex(data);
    const o = runOne(rule, withValue(data, `tables.t5.rows[${i}].prior`, undefined));
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
