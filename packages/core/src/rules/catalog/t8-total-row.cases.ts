import { itemCodes } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t8-total-row.ts';

const data = unitData();
const cls = itemCodes(data, 't8')[0]!.slice(0, 3);

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 年末结转和结余 of a 类 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't8', cls, 'closing'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
