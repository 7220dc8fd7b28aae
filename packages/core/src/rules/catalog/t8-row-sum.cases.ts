import { itemCodes } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t8-row-sum.ts';

const data = unitData();
const item = itemCodes(data, 't8')[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 基本支出 of a 项 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't8', item, 'basic'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
