import { withStateCapital } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t9-t4-capital.ts';

const data = withStateCapital(unitData());

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when the 合计 本年收入 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't9', 'total', 'income'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
