import { describe, expect, it } from 'vitest';
import { rowOf, withStateCapital, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './carryover-t9-continuity.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './carryover-t9-continuity.cases.ts';

describe(rule.id, () => {
  const current = withStateCapital(unitData());
  // Last year's 年末 given as the 上年决算数 of the 年末 column, equal to this year's 年初.
  const total = cellPath(current, 't9', 'total', 'opening').replace(/\.opening$/, '');
  const data: Data = withValue(current, `${total}.prior`, {
    closing: rowOf(current, 't9', 'total')['opening'],
  });
  it("passes when this year's 年初 equals last year's 年末", () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 年初结转和结余 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't9', 'total', 'opening'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't9', row: 'total', column: 'opening' });
    expect(e[0]!.location[1]).toMatchObject({ table: 't9', row: 'total', column: 'closing', which: 'prior' });
    expect(e[0]!.difference).toBe('+0.05');
  });
  it("reports insufficient data without last year's figure, not applicable for an empty table", () => {
    expect(runOne(rule, current).notRun[0]?.reason).toBe('insufficient-data');
    expect(runOne(rule, withRows(data, 't9', [])).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
