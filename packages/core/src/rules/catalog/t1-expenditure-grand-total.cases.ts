import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-expenditure-grand-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when 结余分配 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't1', 'surplusDistribution', 'amount'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
