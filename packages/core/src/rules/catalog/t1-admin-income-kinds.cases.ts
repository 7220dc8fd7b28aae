import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-admin-income-kinds.ts';

const data = unitData({ kind: '行政' });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on an administrative unit with only 财政拨款 and 其他收入', input: data }],
  invalid: [
    {
      name: 'warns when an administrative unit reports 事业收入',
      input: () => shifted(data, cellPath(data, 't1', 'businessIncome', 'amount'), '0.05'),
      expect: [{}],
    },
  ],
});
