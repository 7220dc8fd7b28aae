import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-expenditure-total.ts';

const data = unitData();
const code = codesOf(data, 't1', 3)[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 类 row is off by 0.05',
      input: () => shifted(data, cellPath(data, 't1', code, 'amount'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
