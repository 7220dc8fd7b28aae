import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t1-t2-income-sources.ts';

const data = unitData({ kind: '事业', seed: 2 });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when T2 合计 其他收入 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't2', 'total', 'otherIncome'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
