import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-row-sum.ts';

const data = unitData();
const cls = codesOf(data, 't4', 3)[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 类 row 一般公共预算 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't4', cls, 'generalBudget'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
