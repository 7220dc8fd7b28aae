import { renameRow } from '../code-test-data.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-name-consistent.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'warns when one table names a code differently',
      input: () => renameRow(data, '20805', '行政事业单位养老', ['t5']),
      expect: [{}],
    },
  ],
});
