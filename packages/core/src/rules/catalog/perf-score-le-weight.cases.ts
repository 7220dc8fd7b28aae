import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-score-le-weight.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when an indicator score exceeds its weight',
      input: () => withValue(data, 'performance.projects[0].indicators[2].score', '6'),
      expect: [{}],
    },
  ],
});
