import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../classification/builtin.ts';
import { catalogueFromRows } from '../../classification/catalogue.ts';
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

  it('warns about a T6 款 missing from the built-in list, and asks for the official one', () => {
    const o = runOne(rule, withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30228')}].code`, '30230'));
    expect(errors(o)).toEqual([]);
    expect(o.findings).toHaveLength(1);
    const w = o.findings[0]!;
    expect(w.severity).toBe('warning');
    expect(w.rule).toBe(rule.id);
    expect(w.message).toContain('部门预算支出经济分类款「30230 工会经费」不在内置的 2022 年度科目表中');
    expect(w.message).toContain('导入该年度官方科目表');
    expect(w.messageId).toBe('not-in-builtin');
    expect(w.location).toEqual([expect.objectContaining({ table: 't6', row: '30230' })]);
    expect(w.actual).toBe('30230');
  });

  it('reports the same 款 as an error against an imported 2022 economic list', () => {
    const builtin = builtinCatalogue('economic', 2022)!;
    const rows = [['code', 'name'], ...[...builtin.entries.values()].map((e) => [e.code, e.name])];
    const full = catalogueFromRows({ rows, year: 2022, kind: 'economic', source: 'economic-2022.csv' });
    const bad = withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30228')}].code`, '30230');
    const e = errors(runOne(rule, bad, { catalogues: { economic: full } }));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain(
      '部门预算支出经济分类款「30230 工会经费」不在 2022 年度科目表（economic-2022.csv）中',
    );
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
