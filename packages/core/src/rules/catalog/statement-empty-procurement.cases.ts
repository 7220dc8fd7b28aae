import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './statement-empty-procurement.ts';

const NONE = {
  total: '0.00',
  goods: '0.00',
  works: '0.00',
  services: '0.00',
  sme: '0.00',
  smallMicro: '0.00',
};
const data = unitData();

export const cases = ruleCases(rule, {
  valid: [
    {
      name: 'passes when zero procurement is explained',
      input: () =>
        withValue(data, 'procurement', { ...NONE, emptyStatement: '本单位本年度无政府采购支出。' }),
    },
  ],
  invalid: [
    {
      name: 'warns when zero procurement is not explained',
      input: () => withValue(data, 'procurement', NONE),
      expect: [{}],
    },
  ],
});
