import { cellPath, rowIndex, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-t7-budget.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when the 合计 决算数 differs from its 预算数 without a reason',
      input: () => {
        const i = rowIndex(data, 't7', 'total');
        const changed = withValue(
          shifted(data, cellPath(data, 't7', 'total', 'budget'), '4.00'),
          `tables.t7.rows[${i}].reasons.budget`,
          undefined,
        );
        return changed;
      },
      expect: [{}],
    },
  ],
});
