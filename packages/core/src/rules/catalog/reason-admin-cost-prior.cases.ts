import { shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-admin-cost-prior.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 机关运行经费 changed without a reason',
      input: () => {
        const changed = withValue(shifted(data, 'adminCost.prior', '3.48'), 'adminCost.reasons', undefined);
        return changed;
      },
      expect: [{}],
    },
  ],
});
