import { rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './admin-cost-within-public.ts';

const data = unitData({ kind: '事业' });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated 事业 unit', input: data }],
  invalid: [
    {
      name: 'warns when 机关运行经费 exceeds 公用经费合计',
      input: () => {
        const i = rowIndex(data, 't6', 'publicTotal');
        const publicTotal = (data.tables as never as { t6: { rows: { amount: string }[] } }).t6.rows[i]!
          .amount;
        return shifted(withValue(data, 'adminCost.amount', publicTotal), 'adminCost.amount', '1.00');
      },
      expect: [{ difference: '+1.00' }],
    },
  ],
});
