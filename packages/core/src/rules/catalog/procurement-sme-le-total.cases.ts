import { shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './procurement-sme-le-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 授予中小企业合同金额 exceeds the total',
      input: () => {
        const p = data.procurement as { total: string };
        return shifted(withValue(data, 'procurement.sme', p.total), 'procurement.sme', '2.00');
      },
      expect: [{ difference: '+2.00' }],
    },
  ],
});
