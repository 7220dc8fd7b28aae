import { unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './statement-empty-table.ts';

/** T7 with every amount zero. */
function zeroT7(data: Data): Data {
  const rows = ((data.tables as Data).t7 as { rows: Data[] }).rows.map((r) => ({
    row: r.row,
    budget: '0.00',
    final: '0.00',
  }));
  return withValue(data, 'tables.t7', { rows });
}

export const cases = ruleCases(rule, {
  valid: [
    {
      name: 'passes on generated units (T9 empty with its statement, T8 with or without a fund)',
      input: () => unitData({ withFund: true }),
    },
    {
      name: 'an all-zero T7 with its “三公” statement',
      input: () =>
        withValue(zeroT7(unitData()), 'threePublic.emptyStatement', '本单位本年度无“三公”经费支出。'),
    },
  ],
  invalid: [
    {
      name: 'fails when the empty T9 carries no statement',
      input: () => withValue(unitData(), 'tables.t9.emptyStatement', undefined),
      expect: [{ severity: 'error', locations: [{ table: 't9' }] }],
    },
    {
      name: 'an all-zero T7 without a statement',
      input: () => zeroT7(unitData()),
      expect: [{ severity: 'error', message: '各数均为零', locations: [{ table: 't7' }] }],
    },
  ],
});
