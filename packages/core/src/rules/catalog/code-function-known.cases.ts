import { renameCodes } from '../code-test-data.ts';
import { unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './code-function-known.ts';

const data = unitData();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit (every code in the built-in 2022 list)', input: data }],
  invalid: [
    {
      name: 'reports an unknown 款 and the 项 under it, naming every table that prints them',
      input: () => renameCodes(data, '21011', '21018'),
      expect: [{}, {}],
    },
  ],
});
