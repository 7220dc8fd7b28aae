import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-fund-balance.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when 本年收入 一般公共预算 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't4', 'incomeTotal', 'generalBudget'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
