import { itemCodes, rowOf } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t5-t3-project-le.ts';

const data = unitData();
// A 项 whose T5 figure equals T3's: any increase in T5 breaks the identity.
const code = itemCodes(data, 't5').find(
  (c) => rowOf(data, 't5', c)['project'] === rowOf(data, 't3', c)['project'],
)!;

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when T5 exceeds T3 by 0.05 for a 项',
      input: () => shifted(data, cellPath(data, 't5', code, 'project'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
