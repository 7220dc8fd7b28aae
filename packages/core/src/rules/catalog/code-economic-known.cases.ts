import { rowIndex, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-economic-known.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'reports a T6 款 that the economic classification does not have',
      input: () => withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30228')}].code`, '30230'),
      expect: [{}],
    },
  ],
});
