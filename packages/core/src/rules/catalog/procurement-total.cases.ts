import { shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './procurement-total.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when the services figure is off',
      input: () => shifted(data, 'procurement.services', '0.10'),
      expect: [{ difference: '-0.10' }],
    },
  ],
});
