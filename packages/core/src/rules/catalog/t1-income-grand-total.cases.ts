import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-income-grand-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when 年初结转和结余 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't1', 'openingCarryover', 'amount'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
