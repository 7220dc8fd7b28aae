import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-grand-totals-equal.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when 收入总计 国有资本经营 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't4', 'incomeGrandTotal', 'stateCapital'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
