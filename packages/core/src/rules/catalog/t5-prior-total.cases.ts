import { itemCodes } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-prior-total.ts';

const data = unitData();
const code = itemCodes(data, 't5')[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit (合计 = Σ 项 上年决算数)', input: data }],
  invalid: [
    {
      name: 'fails when the 上年决算数 of a 项 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't5', code, 'total', 'prior'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
