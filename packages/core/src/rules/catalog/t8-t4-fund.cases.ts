import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t8-t4-fund.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 合计 本年收入 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't8', 'total', 'income'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
