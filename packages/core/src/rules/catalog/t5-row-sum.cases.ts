import { itemCodes } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-row-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 基本支出 of a 项 is off by 0.05',
      input: () => {
        const code = itemCodes(data, 't5')[0]!;
        return shifted(data, cellPath(data, 't5', code, 'basic'), '0.05');
      },
      expect: [{ difference: '-0.05' }],
    },
  ],
});
