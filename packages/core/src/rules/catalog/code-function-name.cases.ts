import { renameRow } from '../code-test-data.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-function-name.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'reports a wrong name once per printed form, with every row that prints it',
      input: () => renameRow(data, '2010401', '事业运行', ['t2', 't3']),
      expect: [{}],
    },
  ],
});
