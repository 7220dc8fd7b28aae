import { rowIndex, unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './reason-placeholder.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails on a template placeholder left in a T5 reason',
      input: () => {
        const i = rowIndex(data, 't5', 'total');
        return withValue(data, `tables.t5.rows[${i}].reasons.prior`, '主要原因是XX。');
      },
      expect: [{ messageId: 'placeholder' }],
    },
  ],
});
