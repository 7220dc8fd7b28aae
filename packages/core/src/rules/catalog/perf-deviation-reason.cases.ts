import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-deviation-reason.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'warns when an indicator misses its target without a deviation reason',
      input: () => {
        const d = withValue(data, 'performance.projects[0].indicators[0].actual', '8 个');
        return d;
      },
      expect: [{}],
    },
  ],
});
