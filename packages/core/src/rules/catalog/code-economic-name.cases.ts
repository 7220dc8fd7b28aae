import { rowIndex, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-economic-name.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'reports a T6 款 printed under another name',
      input: () => withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30231')}].name`, '公务用车运行费'),
      expect: [{}],
    },
  ],
});
