import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t5-total-prior.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when the 合计 changed against last year and its reason is removed',
      input: () => {
        const i = rowIndex(data, 't5', 'total');
        const changed = withValue(
          shifted(data, cellPath(data, 't5', 'total', 'total', 'prior'), '0.01'),
          `tables.t5.rows[${i}].reasons.prior`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
