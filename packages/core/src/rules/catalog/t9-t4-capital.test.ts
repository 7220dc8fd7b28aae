import { describe, expect, it } from 'vitest';
import { CENTRAL } from '../../profiles/rule-settings.ts';
import { rowsOf, withStateCapital, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t9-t4-capital.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t9-t4-capital.cases.ts';

describe(rule.id, () => {
  const data = withStateCapital(unitData());
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 合计 本年收入 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't9', 'total', 'income'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't9', row: 'total', column: 'income' });
    expect(e[0]!.location[1]).toMatchObject({ table: 't4', row: 'incomeTotal', column: 'stateCapital' });
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('passes an empty table when the T4 column is all zero', () => {
    const empty = unitData({ withFund: false });
    const o = runOne(rule, empty);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails an empty table when T4 gives amounts', () => {
    const e = errors(runOne(rule, withRows(data, 't9', [])));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('为空表');
    expect(e[0]!.location.every((l) => l.table === 't4' && l.column === 'stateCapital')).toBe(true);
    expect(e[0]!.location.some((l) => l.row === 'expenditureTotal')).toBe(true);
  });
  it('checks only the expenditure in the expenditure-only form (central profile)', () => {
    const rows = rowsOf(data, 't9').map(({ opening: _o, income: _i, closing: _c, ...r }) => r);
    const expOnly = withRows(data, 't9', rows);
    const o = runOne(rule, expOnly, { settings: CENTRAL });
    expect(o.findings).toEqual([]);
    expect(o.partial).toEqual([]);
    const e = errors(
      runOne(rule, shifted(expOnly, cellPath(expOnly, 't9', 'total', 'expenditure'), '0.05'), {
        settings: CENTRAL,
      }),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't9', row: 'total', column: 'expenditure' });
  });
});

testRule(cases);
