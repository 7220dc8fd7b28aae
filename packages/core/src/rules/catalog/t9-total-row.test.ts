import { describe, expect, it } from 'vitest';
import { itemCodes, withStateCapital, withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t9-total-row.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t9-total-row.cases.ts';

describe(rule.id, () => {
  const data = withStateCapital(unitData());
  const cls = itemCodes(data, 't9')[0]!.slice(0, 3);
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 年末结转和结余 of a 类 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't9', cls, 'closing'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't9', row: 'total', column: 'closing' });
    expect(e[0]!.location.some((l) => l.row === cls && l.column === 'closing')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('reports insufficient data when no code rows are listed', () => {
    expect(
      runOne(
        rule,
        withoutRows(data, 't9', (r) => r.code !== undefined),
      ).notRun[0]?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
