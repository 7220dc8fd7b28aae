import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t6-basic-equals-t5.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the T5 基本支出 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't5', 'total', 'basic'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
