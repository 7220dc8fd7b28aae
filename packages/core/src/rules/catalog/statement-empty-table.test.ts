import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './statement-empty-table.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './statement-empty-table.cases.ts';

/** T7 with every amount zero. */
function zeroT7(data: Data): Data {
  const rows = ((data.tables as Data).t7 as { rows: Data[] }).rows.map((r) => ({
    row: r.row,
    budget: '0.00',
    final: '0.00',
  }));
  return withValue(data, 'tables.t7', { rows });
}

describe(rule.id, () => {
  it('passes on generated units (T9 empty with its statement, T8 with or without a fund)', () => {
    for (const withFund of [true, false]) {
      const o = runOne(rule, unitData({ withFund }));
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('fails when the empty T9 carries no statement', () => {
    const e = errors(runOne(rule, withValue(unitData(), 'tables.t9.emptyStatement', undefined)));
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.location[0]).toMatchObject({ table: 't9', field: 'tables.t9.emptyStatement' });
    expect(e[0]!.message).toContain('表九');
  });
  it('fails when T8 has only zero rows and no statement', () => {
    const data = withValue(unitData({ withFund: false }), 'tables.t8', {
      rows: [{ row: 'total', opening: '0.00', income: '0.00', expenditure: '0.00', closing: '0.00' }],
    });
    const e = errors(runOne(rule, data));
    expect(e.map((f) => f.location[0]!.table)).toEqual(['t8']);
    expect(e[0]!.message).toContain('各数均为零');
  });
  it('accepts the "三公" statement for an all-zero T7, and fails without one', () => {
    const data = zeroT7(unitData());
    expect(errors(runOne(rule, data)).map((f) => f.location[0]!.table)).toEqual(['t7']);
    expect(
      errors(runOne(rule, withValue(data, 'threePublic.emptyStatement', '本单位本年度无“三公”经费支出。'))),
    ).toEqual([]);
  });
  it('reports missing data when T9 is not in the data at all', () => {
    const o = runOne(rule, withValue(unitData(), 'tables.t9', undefined));
    expect(o.notRun[0]).toMatchObject({ reason: 'insufficient-data' });
    expect(o.notRun[0]!.detail).toContain('表九');
  });
  it('is not applicable when all three tables have amounts', () => {
    const data = withValue(unitData({ withFund: true }), 'tables.t9', {
      rows: [
        {
          row: 'total',
          opening: '0.00',
          income: '5.00',
          expenditure: '5.00',
          basic: '0.00',
          project: '5.00',
          closing: '0.00',
        },
      ],
    });
    expect(runOne(rule, data).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
