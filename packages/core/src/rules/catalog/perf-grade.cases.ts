import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-grade.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when a total of 89.99 is graded 优',
      input: () => withValue(data, 'performance.projects[0].totalScore', '89.99'),
      expect: [{}],
    },
  ],
});
