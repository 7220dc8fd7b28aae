import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-expenditure-grand-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when 年末财政拨款结转和结余 政府性基金 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't4', 'closingCarryover', 'governmentFund'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
