import { describe, expect, it } from 'vitest';
import { XINJIANG_2022 } from '../../profiles/rule-settings.ts';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t4-totals-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t4-totals-prior.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 收入总计 changed against last year without a reason', () => {
    const i = rowIndex(data, 't4', 'incomeGrandTotal');
    const changed = withValue(
      shifted(data, cellPath(data, 't4', 'incomeGrandTotal', 'total', 'prior'), '-5.00'),
      `tables.t4.rows[${i}].reasons.prior`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.severity).toBe('error');
    expect(
      e[0]!.location.some((l) => l.table === 't4' && l.row === 'incomeGrandTotal' && l.column === 'total'),
    ).toBe(true);
    expect(e[0]!.location.some((l) => l.field === `tables.t4.rows[${i}].reasons.prior`)).toBe(true);
    expect(e[0]!.message).toContain('比上年');
  });
  it('treats a blank reason as missing', () => {
    const i = rowIndex(data, 't4', 'expenditureGrandTotal');
    const changed = withValue(
      shifted(data, cellPath(data, 't4', 'expenditureGrandTotal', 'total', 'prior'), '1.00'),
      `tables.t4.rows[${i}].reasons.prior`,
      '  ',
    );
    expect(errors(runOne(rule, changed))[0]?.location.some((l) => l.row === 'expenditureGrandTotal')).toBe(
      true,
    );
  });
  it('is not applicable when the profile does not require it', () => {
    const o = runOne(rule, data, {
      settings: { ...XINJIANG_2022, reasonsPrior: { ...XINJIANG_2022.reasonsPrior, t4Totals: false } },
    });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
