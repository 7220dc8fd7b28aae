import { describe, expect, it } from 'vitest';
import { rowOf } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './carryover-fiscal-continuity.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './carryover-fiscal-continuity.cases.ts';

describe(rule.id, () => {
  const current = unitData();
  // Last year's 年末 per column, equal to this year's 年初.
  const opening = rowOf(current, 't4', 'openingCarryover');
  const prior = Object.fromEntries(
    ['total', 'generalBudget', 'governmentFund', 'stateCapital'].map((c) => [c, opening[c]]),
  );
  const closingPath = cellPath(current, 't4', 'closingCarryover', 'total').replace(/\.total$/, '');
  const data: Data = withValue(current, `${closingPath}.prior`, prior);
  it("passes when each column's 年初 equals last year's 年末", () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(o.partial).toEqual([]);
  });
  it("fails when last year's 政府性基金 年末 is off by 0.05", () => {
    const e = errors(
      runOne(
        rule,
        shifted(data, cellPath(data, 't4', 'closingCarryover', 'governmentFund', 'prior'), '0.05'),
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({
      table: 't4',
      row: 'openingCarryover',
      column: 'governmentFund',
    });
    expect(e[0]!.location[1]).toMatchObject({
      table: 't4',
      row: 'closingCarryover',
      column: 'governmentFund',
      which: 'prior',
    });
    expect(e[0]!.difference).toBe('-0.05');
  });
  it("reports insufficient data when last year's figures are not given", () => {
    expect(runOne(rule, current).notRun[0]?.reason).toBe('insufficient-data');
    const partial = runOne(
      rule,
      withValue(data, cellPath(data, 't4', 'closingCarryover', 'stateCapital', 'prior'), undefined),
    );
    expect(errors(partial)).toEqual([]);
    expect(partial.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
