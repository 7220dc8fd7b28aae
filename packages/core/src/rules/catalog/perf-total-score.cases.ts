import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-total-score.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on generated units', input: () => unitData({ seed: 1 }) }],
  invalid: [
    {
      name: 'fails when the total does not add up',
      input: () => {
        const d = withValue(
          withValue(data, 'performance.projects[0].executionScore', '8.98'),
          'performance.projects[0].totalScore',
          '99.98',
        );
        return d;
      },
      expect: [{ difference: '+1' }],
    },
  ],
});
