import { describe, expect, it } from 'vitest';
import { errors, rowIndex, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './code-economic-known.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-economic-known.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('reports a T6 款 that the economic classification does not have', () => {
    const o = runOne(rule, withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30228')}].code`, '30230'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.message).toContain('部门预算支出经济分类款「30230 工会经费」不在 2022 年度科目表');
    expect(e[0]!.location).toEqual([expect.objectContaining({ table: 't6', row: '30230' })]);
    expect(e[0]!.actual).toBe('30230');
  });

  it('is not applicable when T6 lists no codes', () => {
    const t6 = {
      rows: [
        { row: 'personnelTotal', amount: '0.00' },
        { row: 'publicTotal', amount: '0.00' },
      ],
    };
    const o = runOne(rule, { ...data, tables: { ...(data.tables as object), t6 } });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });

  it('reports insufficient data when no catalogue covers the year', () => {
    expect(runOne(rule, data, { catalogues: {} }).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
