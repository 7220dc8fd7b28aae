import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-execution-score.ts';

const data = unitData();
/** The seed project: 89.77 executed of an annual budget of 100.00. */
function seedProject(score: string) {
  let d = withValue(data, 'performance.projects[0].funds.total.annualBudget', '100.00');
  d = withValue(d, 'performance.projects[0].funds.total.executed', '89.77');
  return withValue(d, 'performance.projects[0].executionScore', score);
}

export const cases = ruleCases(rule, {
  valid: [
    { name: 'a generated unit', input: data },
    { name: 'the seed: 89.77 of 100.00 scores 8.98', input: () => seedProject('8.98') },
  ],
  invalid: [
    {
      name: 'the seed scored 8.90 instead of 8.98',
      input: () => seedProject('8.90'),
      expect: [
        {
          severity: 'error',
          expected: '8.98',
          actual: '8.90',
          message: '89.77%',
          locations: [{ field: 'performance.projects[0].executionScore' }],
        },
      ],
    },
  ],
});
