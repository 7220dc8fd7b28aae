import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-t4-general-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the T5 合计 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't5', 'total', 'total'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
