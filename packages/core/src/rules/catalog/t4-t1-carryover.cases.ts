import { cellPath, shifted, unitData, type Data } from '../testing.ts';
import { printed } from '../testing-tables.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './t4-t1-carryover.ts';

/** A unit whose 年末结转和结余 is all 财政拨款 (T4 合计 = T1), so any increase in T4 breaks the rule. */
function unitWithFiscalClosingOnly(): Data {
  for (let seed = 1; seed < 200; seed++) {
    const d = unitData({ seed });
    const t4 = printed(d, 't4', 'closingCarryover', 'total');
    if (t4 !== '0.00' && t4 === printed(d, 't1', 'closingCarryover', 'amount')) return d;
  }
  throw new Error('no such unit');
}
const data = unitWithFiscalClosingOnly();

export const cases = ruleCases(rule, {
  valid: [{ name: 'passes on a consistent unit', input: data }],
  invalid: [
    {
      name: 'fails when T4 年末财政拨款结转和结余 exceeds T1 by 0.05',
      input: () => shifted(data, cellPath(data, 't4', 'closingCarryover', 'total'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
