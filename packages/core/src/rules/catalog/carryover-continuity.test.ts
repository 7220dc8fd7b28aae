import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './carryover-continuity.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './carryover-continuity.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it("passes when this year's 年初 equals last year's 年末", () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 年初结转和结余 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't1', 'openingCarryover', 'amount'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't1', row: 'openingCarryover', column: 'amount' });
    expect(e[0]!.location[1]).toMatchObject({
      table: 't1',
      row: 'closingCarryover',
      column: 'amount',
      which: 'prior',
    });
    expect(e[0]!.difference).toBe('+0.05');
  });
  it("reports insufficient data when last year's 年末 is not given", () => {
    const path = cellPath(data, 't1', 'closingCarryover', 'amount', 'prior').replace(/\.amount$/, '');
    expect(runOne(rule, withValue(data, path, undefined)).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
