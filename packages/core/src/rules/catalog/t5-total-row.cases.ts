import { rowsOf } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-total-row.ts';

const data = unitData();
const cls = rowsOf(data, 't5').find((r) => r.code?.length === 3)!.code!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 类 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't5', cls, 'basic'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
