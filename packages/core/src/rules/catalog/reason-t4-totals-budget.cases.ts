import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t4-totals-budget.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when 支出总计 differs from the budget without a reason',
      input: () => {
        const i = rowIndex(data, 't4', 'expenditureGrandTotal');
        const changed = withValue(
          shifted(data, cellPath(data, 't4', 'expenditureGrandTotal', 'total', 'budget'), '12.00'),
          `tables.t4.rows[${i}].reasons.budget`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
