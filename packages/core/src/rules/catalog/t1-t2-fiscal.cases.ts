import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-t2-fiscal.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when T1 政府性基金预算财政拨款收入 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't1', 'governmentFund', 'amount'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
