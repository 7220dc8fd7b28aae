import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t3-total-row.ts';

const data = unitData();
const cls = codesOf(data, 't3', 3)[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 类 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't3', cls, 'basic'), '0.05'),
      expect: [{ messageId: 'sum-mismatch', difference: '-0.05' }],
    },
  ],
});
