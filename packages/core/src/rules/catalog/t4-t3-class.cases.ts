import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf, printed } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-t3-class.ts';

const data = unitData();
// A 类 paid wholly from 财政拨款, so T4 = T3 and any increase in T4 breaks the rule.
const cls = codesOf(data, 't4', 3).find(
  (c) => printed(data, 't4', c, 'total') === printed(data, 't3', c, 'total'),
)!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a T4 类 exceeds T3 by 0.05',
      input: () => shifted(data, cellPath(data, 't4', cls, 'total'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
