import { rowOf } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './carryover-t8-continuity.ts';

const current = unitData();
// Last year's 年末 given as the 上年决算数 of the 年末 column, equal to this year's 年初.
const total = cellPath(current, 't8', 'total', 'opening').replace(/\.opening$/, '');
const data: Data = withValue(current, `${total}.prior`, {
  closing: rowOf(current, 't8', 'total')['opening'],
});

export const cases = ruleCases(rule, {
  valid: [{ name: "passes when this year's 年初 equals last year's 年末", input: data }],
  invalid: [
    {
      name: 'fails when the 年初结转和结余 is off by 0.05',
      input: () => shifted(data, cellPath(data, 't8', 'total', 'opening'), '0.05'),
      expect: [{ difference: '+0.05' }],
    },
  ],
});
