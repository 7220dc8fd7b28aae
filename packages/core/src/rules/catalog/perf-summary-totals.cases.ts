import { shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-summary-totals.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when the stated 全年执行数 differs from the self-evaluation tables',
      input: () => shifted(data, 'performance.executedTotal', '1.00'),
      expect: [{ difference: '+1.00' }],
    },
  ],
});
