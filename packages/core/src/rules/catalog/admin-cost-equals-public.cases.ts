import { shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './admin-cost-equals-public.ts';

export const cases = ruleCases(rule, {
  valid: [
    { name: 'passes on generated 行政 and 参公 units', input: () => unitData({ kind: '行政', seed: 3 }) },
  ],
  invalid: [
    {
      name: 'fails when 机关运行经费 differs from 公用经费合计',
      input: () => shifted(unitData({ kind: '参公' }), 'adminCost.amount', '0.50'),
      expect: [{ difference: '+0.50' }],
    },
  ],
});
