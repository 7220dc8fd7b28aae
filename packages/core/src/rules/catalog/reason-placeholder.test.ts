import { describe, expect, it } from 'vitest';
import { errors, rowIndex, runOne, unitData, withValue } from '../testing.ts';
import { isPlaceholderReason } from '../reason-checks.ts';
import { rule } from './reason-placeholder.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-placeholder.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails on a template placeholder left in a T5 reason', () => {
    const i = rowIndex(data, 't5', 'total');
    const e = errors(runOne(rule, withValue(data, `tables.t5.rows[${i}].reasons.prior`, '主要原因是XX。')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({
      table: 't5',
      row: 'total',
      field: `tables.t5.rows[${i}].reasons.prior`,
    });
    expect(e[0]!.actual).toBe('主要原因是XX。');
  });
  it('fails on a blank 机关运行经费 reason and a placeholder deviation reason', () => {
    let d = withValue(data, 'adminCost.reasons.prior', ' ');
    d = withValue(d, 'performance.projects[0].indicators[0].deviationReason', '……');
    const e = errors(runOne(rule, d));
    expect(e.map((f) => f.location[0]!.field)).toEqual([
      'adminCost.reasons.prior',
      'performance.projects[0].indicators[0].deviationReason',
    ]);
  });
  it('recognises the usual placeholders and leaves real reasons alone', () => {
    for (const t of ['XX', '××', 'xx', '……', '…', '待补充', '（原因）', '', '  ', '主要原因是：'])
      expect(isPlaceholderReason(t), t).toBe(true);
    for (const t of [
      '本年在职人员工资调薪，人员经费增加。',
      '办公费、印刷费……等支出增加',
      '严格执行中央八项规定，压减经费。',
    ])
      expect(isPlaceholderReason(t), t).toBe(false);
  });
  it('is not applicable when no reason is written', () => {
    const bare = { format: data.format, year: data.year, unit: data.unit, tables: {} };
    expect(runOne(rule, bare).notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
