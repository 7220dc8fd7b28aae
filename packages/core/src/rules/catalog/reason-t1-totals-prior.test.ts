import { describe, expect, it } from 'vitest';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t1-totals-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t1-totals-prior.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit whose totals carry reasons', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 支出总计 changed against last year and its reason is removed', () => {
    const i = rowIndex(data, 't1', 'expenditureGrandTotal');
    const changed = withValue(
      shifted(data, cellPath(data, 't1', 'expenditureGrandTotal', 'amount', 'prior'), '3.00'),
      `tables.t1.rows[${i}].reasons`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.severity).toBe('error');
    expect(
      e[0]!.location.some(
        (l) => l.table === 't1' && l.row === 'expenditureGrandTotal' && l.which === 'prior',
      ),
    ).toBe(true);
    expect(e[0]!.location.some((l) => l.field === `tables.t1.rows[${i}].reasons.prior`)).toBe(true);
    expect(e[0]!.message).toContain('支出总计');
    expect(e[0]!.message).toContain('未说明');
  });
  it('needs no reason when the total did not change', () => {
    const i = rowIndex(data, 't1', 'incomeGrandTotal');
    const amount = (data.tables as never as { t1: { rows: { amount: string }[] } }).t1.rows[i]!.amount;
    const same = withValue(
      withValue(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount', 'prior'), amount),
      `tables.t1.rows[${i}].reasons`,
      undefined,
    );
    expect(errors(runOne(rule, same))).toEqual([]);
  });
  it('reports insufficient data when last year is unknown', () => {
    let d = data;
    for (const key of ['incomeGrandTotal', 'expenditureGrandTotal'])
      d = withValue(d, `tables.t1.rows[${rowIndex(d, 't1', key)}].prior`, undefined);
    expect(runOne(rule, d).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
