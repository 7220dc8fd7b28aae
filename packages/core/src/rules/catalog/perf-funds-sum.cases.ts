import { shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-funds-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on generated units', input: () => unitData({ kind: '行政', seed: 11 }) }],
  invalid: [
    {
      name: 'fails when 上年结转资金 of 全年执行数 is off',
      input: () => shifted(data, 'performance.projects[0].funds.carryover.executed', '5.00'),
      expect: [{ difference: '-5.00' }],
    },
  ],
});
