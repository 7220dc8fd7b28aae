import { dropRows } from '../code-test-data.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-parent-listed.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'warns when a 款 row is missing while the table lists other 款',
      input: () => dropRows(data, ['20805'], ['t5']),
      expect: [{}],
    },
  ],
});
