import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './statement-nonempty-table-says-empty.ts';

const data = unitData({ withFund: true });

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a generated unit', input: data }],
  invalid: [
    {
      name: 'fails when T8 has amounts but says it is empty',
      input: () =>
        withValue(data, 'tables.t8.emptyStatement', '本单位无政府性基金预算财政拨款收入，故本表为空表。'),
      expect: [{}],
    },
  ],
});
