import { shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './procurement-small-micro-le-sme.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 授予小微企业合同金额 exceeds 授予中小企业合同金额',
      input: () => {
        const p = data.procurement as { sme: string };
        return shifted(withValue(data, 'procurement.smallMicro', p.sme), 'procurement.smallMicro', '0.30');
      },
      expect: [{}],
    },
  ],
});
