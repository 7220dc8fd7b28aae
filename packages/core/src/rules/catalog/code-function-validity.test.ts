import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../classification/builtin.ts';
import { catalogueFromRows } from '../../classification/catalogue.ts';
import { renameCodes } from '../code-test-data.ts';
import { validityText } from '../code-checks.ts';
import { errors, runOne, unitData } from '../testing.ts';
import { rule } from './code-function-validity.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-function-validity.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  // A unit whose 发展与改革事务 expenditure is booked under 20139 社会工作事务 (a 款 set up in 2024).
  const social = (year: number) => renameCodes({ ...data, year }, '20104', '20139', { name: '社会工作事务' });

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('passes when the 2024 款 is used in 2024', () => {
    expect(runOne(rule, social(2024)).findings).toEqual([]);
  });

  it('reports a 2024 款 used in 2022 as a warning with the built-in list: "自 2024 年起设立"', () => {
    const o = runOne(rule, social(2022));
    expect(errors(o)).toEqual([]);
    const w = o.findings;
    expect(w.map((f) => [f.actual, f.severity])).toEqual([
      ['20139', 'warning'],
      ['2013901', 'warning'],
    ]);
    expect(w[0]!.rule).toBe(rule.id);
    expect(w[0]!.message).toBe(
      '支出功能分类科目「20139 社会工作事务」不在 2022 年度科目表中：该科目自 2024 年起设立，2022 年度尚不能使用（据内置科目表，未与官方科目表逐条核对；可导入官方科目表再校验）',
    );
    expect(w[0]!.location.map((l) => `${l.table}:${l.row}`)).toEqual(['t2:20139', 't3:20139', 't5:20139']);
  });

  it('reports it as an error when an imported 2022 list lacks it', () => {
    const builtin = builtinCatalogue('function', 2022)!;
    const rows = [['code', 'name'], ...[...builtin.entries.values()].map((e) => [e.code, e.name])];
    const imported = catalogueFromRows({ rows, year: 2022, kind: 'function', source: 'function-2022.csv' });
    const e = errors(runOne(rule, social(2022), { catalogues: { function: imported } }));
    expect(e.map((f) => f.actual)).toEqual(['20139', '2013901']);
    expect(e[0]!.message).toBe(
      '支出功能分类科目「20139 社会工作事务」不在 2022 年度科目表中：该科目自 2024 年起设立，2022 年度尚不能使用',
    );
  });

  it('says when a code was abolished, judged against an imported list without it', () => {
    const builtin = builtinCatalogue('function', 2025)!;
    const rows = [
      ['code', 'name'],
      ...[...builtin.entries.values()]
        .filter((e) => !e.code.startsWith('20104'))
        .map((e) => [e.code, e.name]),
    ];
    const imported = catalogueFromRows({ rows, year: 2026, kind: 'function', source: 'function-2026.csv' });
    const e = errors(runOne(rule, { ...data, year: 2026 }, { catalogues: { function: imported } }));
    expect(e[0]!.message).toBe(
      '支出功能分类科目「20104 发展与改革事务」不在 2026 年度科目表中：该科目已于 2026 年取消（最后有效年度为 2025 年）',
    );
  });

  it('words each case', () => {
    expect(validityText([2024, 2025], 2022)).toBe('该科目自 2024 年起设立，2022 年度尚不能使用');
    expect(validityText([2020], 2021)).toBe('该科目已于 2021 年取消（最后有效年度为 2020 年）');
    expect(validityText([2020, 2021, 2022, 2024], 2023)).toBe('该科目仅在 2020、2021、2022、2024 年度有效');
    expect(validityText([2020, 2021, 2022, 2024, 2025], 2023)).toBe(
      '该科目仅在 2020、2021、2022、2024、2025 年度有效',
    );
  });

  it('reports insufficient data when no catalogue covers the year', () => {
    expect(runOne(rule, { ...data, year: 2019 }).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
