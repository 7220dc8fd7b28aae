import { itemCodes } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-hierarchy.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 项 合计 no longer adds up to its 款',
      input: () => {
        const code = itemCodes(data, 't5')[0]!;
        return shifted(data, cellPath(data, 't5', code, 'total'), '0.05');
      },
      expect: [{ difference: '-0.05' }],
    },
  ],
});
