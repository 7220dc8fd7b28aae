import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-t3-class.ts';

const data = unitData();
const code = codesOf(data, 't1', 3)[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a T3 类 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't3', code, 'total'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
