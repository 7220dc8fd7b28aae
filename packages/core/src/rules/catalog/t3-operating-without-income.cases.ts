import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t3-operating-without-income.ts';

const admin = unitData({ kind: '行政' });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when there is no 经营支出', input: () => admin }],
  invalid: [
    {
      name: 'warns when 经营支出 is 0.05 and there is no 经营收入',
      input: () => shifted(admin, cellPath(admin, 't3', 'total', 'operating'), '0.05'),
      expect: [{ messageId: 'spending-without-income', severity: 'warning' }],
    },
  ],
});
