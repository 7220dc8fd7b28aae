import { describe, expect, it } from 'vitest';
import { withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './t5-t4-general-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-t4-general-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the T5 合计 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', 'total', 'total'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.table === 't5' && l.row === 'total' && l.column === 'total')).toBe(
      true,
    );
    expect(
      e[0]!.location.some(
        (l) => l.table === 't4' && l.row === 'expenditureTotal' && l.column === 'generalBudget',
      ),
    ).toBe(true);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('checks an empty T5 against a zero T4 column', () => {
    const empty = withRows(data, 't5', []);
    const e = errors(runOne(rule, empty));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({
      table: 't4',
      row: 'expenditureTotal',
      column: 'generalBudget',
    });
    const zero = withValue(empty, cellPath(data, 't4', 'expenditureTotal', 'generalBudget'), '0.00');
    const o = runOne(rule, zero);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('reports insufficient data when T4 does not give the figure', () => {
    const o = runOne(
      rule,
      withValue(data, cellPath(data, 't4', 'expenditureTotal', 'generalBudget'), undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
