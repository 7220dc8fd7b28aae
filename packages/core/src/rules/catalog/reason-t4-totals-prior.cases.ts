import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t4-totals-prior.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 收入总计 changed against last year without a reason',
      input: () => {
        const i = rowIndex(data, 't4', 'incomeGrandTotal');
        const changed = withValue(
          shifted(data, cellPath(data, 't4', 'incomeGrandTotal', 'total', 'prior'), '-5.00'),
          `tables.t4.rows[${i}].reasons.prior`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
