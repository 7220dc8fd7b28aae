import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 公务接待费 预算数 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't7', 'reception', 'budget'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
