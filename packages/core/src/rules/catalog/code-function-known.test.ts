import { describe, expect, it } from 'vitest';
import { catalogueFromRows } from '../../classification/catalogue.ts';
import { builtinCatalogue } from '../../classification/builtin.ts';
import { renameCodes } from '../code-test-data.ts';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './code-function-known.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-function-known.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit (every code in the built-in 2022 list)', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(o.partial).toEqual([]);
  });

  it('reports an unknown 款 and the 项 under it, naming every table that prints them', () => {
    const o = runOne(rule, renameCodes(data, '21011', '21018'));
    const e = errors(o);
    expect(e.map((f) => f.actual)).toEqual(['21018', '2101801']);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.message).toContain('支出功能分类款「21018 行政事业单位医疗」不在 2022 年度科目表');
    expect(e[0]!.location.map((l) => `${l.table}:${l.row}`)).toEqual(['t2:21018', 't3:21018', 't5:21018']);
    expect(e[1]!.message).toContain('其上级「21018」也不在表中');
  });

  it('reports an unknown 类 in T1', () => {
    const i = (data.tables as { t1: { rows: { code?: string }[] } }).t1.rows.findIndex(
      (r) => r.code === '229',
    );
    const o = runOne(rule, withValue(data, `tables.t1.rows[${i}].code`, '228'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.location).toEqual([
      expect.objectContaining({ table: 't1', row: '228', label: '表一「228 其他支出」行' }),
    ]);
  });

  it('does not judge a 项 missing from the built-in subset: counted as insufficient data', () => {
    const o = runOne(rule, renameCodes(data, '2010401', '2010498'));
    expect(o.findings).toEqual([]);
    expect(o.partial[0]?.detail).toContain('项「2010498」：内置科目表不含该项，导入官方科目表后可检查');
  });

  it('reports the same 项 as an error against an imported (complete) list', () => {
    const builtin = builtinCatalogue('function', 2022)!;
    const rows = [['code', 'name'], ...[...builtin.entries.values()].map((e) => [e.code, e.name])];
    const full = catalogueFromRows({ rows, year: 2022, kind: 'function', source: 'function-2022.csv' });
    const o = runOne(rule, renameCodes(data, '2010401', '2010498'), { catalogues: { function: full } });
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toBe(
      '支出功能分类项「2010498 行政运行」不在 2022 年度科目表（function-2022.csv）中：请核对编码是否写错或已停用',
    );
  });

  it('leaves a code of another year to code-function-validity', () => {
    expect(runOne(rule, renameCodes(data, '20104', '20139')).findings).toEqual([]);
  });

  it('reports insufficient data when no catalogue covers the year', () => {
    const o = runOne(rule, { ...data, year: 2019 });
    expect(o.notRun).toEqual([
      {
        rule: rule.id,
        reason: 'insufficient-data',
        detail: expect.stringContaining('没有 2019 年度的支出功能分类科目表'),
      },
    ]);
  });
});

testRule(cases);
