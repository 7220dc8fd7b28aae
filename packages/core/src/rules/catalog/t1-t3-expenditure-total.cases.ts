import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-t3-expenditure-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when T3 合计 本年支出合计 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't3', 'total', 'total'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
