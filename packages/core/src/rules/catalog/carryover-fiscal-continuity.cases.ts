import { rowOf } from '../fiscal-table-testing.ts';
import { cellPath, shifted, unitData, withValue, type Data } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './carryover-fiscal-continuity.ts';

const current = unitData();
// Last year's 年末 per column, equal to this year's 年初.
const opening = rowOf(current, 't4', 'openingCarryover');
const prior = Object.fromEntries(
  ['total', 'generalBudget', 'governmentFund', 'stateCapital'].map((c) => [c, opening[c]]),
);
const closingPath = cellPath(current, 't4', 'closingCarryover', 'total').replace(/\.total$/, '');
const data: Data = withValue(current, `${closingPath}.prior`, prior);

export const cases = ruleCases(rule, {
  valid: [{ name: "passes when each column's 年初 equals last year's 年末", input: data }],
  invalid: [
    {
      name: "fails when last year's 政府性基金 年末 is off by 0.05",
      input: () => shifted(data, cellPath(data, 't4', 'closingCarryover', 'governmentFund', 'prior'), '0.05'),
      expect: [{ difference: '-0.05' }],
    },
  ],
});
