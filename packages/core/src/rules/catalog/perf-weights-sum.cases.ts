import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-weights-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit (10 + 90)', input: data }],
  invalid: [
    {
      name: 'fails when an indicator weight is changed',
      input: () => withValue(data, 'performance.projects[0].indicators[0].weight', '25'),
      expect: [{ difference: '+5' }],
    },
  ],
});
