import { shifted, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-executed-le-budget.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'warns when 全年执行数 exceeds 全年预算数',
      input: () => {
        const budget = (data.performance as { projects: { funds: { total: { annualBudget: string } } }[] })
          .projects[0]!.funds.total.annualBudget;
        const d = shifted(
          withValue(data, 'performance.projects[0].funds.total.executed', budget),
          'performance.projects[0].funds.total.executed',
          '3.00',
        );
        return d;
      },
      expect: [{ difference: '+3.00' }],
    },
  ],
});
