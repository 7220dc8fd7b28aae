import { cellPath, shifted, unitData } from '../testing.ts';
import { codesOf } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t3-hierarchy.ts';

const data = unitData();
const item = codesOf(data, 't3', 7)[0]!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when a 项 is off by 0.05 (款 ≠ Σ项)',
      input: () => shifted(data, cellPath(data, 't3', item, 'basic'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
