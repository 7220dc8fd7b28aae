import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t6-personnel-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 301 类 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't6', '301', 'amount'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
