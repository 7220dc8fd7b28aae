import { rowOf } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t7-over-budget.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a unit within budget', input: data }],
  invalid: [
    {
      name: 'warns when the 公务接待费 决算数 exceeds its 预算数 by 0.05',
      input: () => {
        const atBudget = withValue(
          data,
          cellPath(data, 't7', 'reception', 'final'),
          rowOf(data, 't7', 'reception')['budget'],
        );
        return shifted(atBudget, cellPath(data, 't7', 'reception', 'final'), '0.05');
      },
      expect: [{ severity: 'warning' }],
    },
  ],
});
