import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './vehicles-category-sum.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when a category count is changed',
      input: () => withValue(data, 'assets.vehicles.byCategory.emergency', 2),
      expect: [{ difference: '-2' }],
    },
  ],
});
