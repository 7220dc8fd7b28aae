import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-prior-grand-totals-equal.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when last year’s 收入总计 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount', 'prior'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
