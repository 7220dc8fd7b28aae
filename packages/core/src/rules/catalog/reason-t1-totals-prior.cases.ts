import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t1-totals-prior.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit whose totals carry reasons', input: data }],
  invalid: [
    {
      name: 'fails when 支出总计 changed against last year and its reason is removed',
      input: () => {
        const i = rowIndex(data, 't1', 'expenditureGrandTotal');
        const changed = withValue(
          shifted(data, cellPath(data, 't1', 'expenditureGrandTotal', 'amount', 'prior'), '3.00'),
          `tables.t1.rows[${i}].reasons`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
