import { cellPath, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './amount-extra-decimals.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes when every amount has two decimals', input: data }],
  invalid: [
    {
      name: 'warns of 其他收入 written with three decimals',
      input: () => withValue(data, cellPath(data, 't1', 'otherIncome', 'amount'), '12.345'),
      expect: [{ severity: 'warning', actual: '12.345', expected: '12.35' }],
    },
  ],
});
