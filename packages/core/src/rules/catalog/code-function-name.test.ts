import { describe, expect, it } from 'vitest';
import { renameCodes, renameRow } from '../code-test-data.ts';
import { errors, runOne, unitData } from '../testing.ts';
import { rule } from './code-function-name.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-function-name.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('ignores differences of spaces and bracket width', () => {
    expect(
      runOne(rule, renameRow(data, '2080506', '机关事业单位 职业年金缴费支出', ['t3'])).findings,
    ).toEqual([]);
  });

  it('reports a wrong name once per printed form, with every row that prints it', () => {
    const o = runOne(rule, renameRow(data, '2010401', '事业运行', ['t2', 't3']));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.message).toBe('支出功能分类科目「2010401」名称应为「行政运行」，表中写作「事业运行」');
    expect(e[0]!.expected).toBe('行政运行');
    expect(e[0]!.actual).toBe('事业运行');
    expect(e[0]!.location.map((l) => l.label)).toEqual([
      '表二「2010401 事业运行」行',
      '表三「2010401 事业运行」行',
    ]);
  });

  it('says when the printed name is another year’s name', () => {
    const e = errors(runOne(rule, renameCodes({ ...data, year: 2021 }, '21301', '21305', { name: '扶贫' })));
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toBe(
      '支出功能分类科目「21305」名称应为「巩固脱贫衔接乡村振兴」，表中写作「扶贫」（「扶贫」是 2020 年度科目表的名称）',
    );
  });

  it('does not check rows without a name, nor unknown codes', () => {
    expect(runOne(rule, renameRow(data, '2010401', undefined, ['t2', 't3', 't5'])).findings).toEqual([]);
    expect(runOne(rule, renameCodes(data, '21011', '21018')).findings).toEqual([]);
  });

  it('reports insufficient data when no catalogue covers the year', () => {
    expect(runOne(rule, { ...data, year: 2030 }).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
