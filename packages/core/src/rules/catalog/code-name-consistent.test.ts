import { describe, expect, it } from 'vitest';
import { dropRows, renameRow } from '../code-test-data.ts';
import { nonInfo, runOne, unitData } from '../testing.ts';
import { rule } from './code-name-consistent.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-name-consistent.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('warns when one table names a code differently', () => {
    const o = runOne(rule, renameRow(data, '20805', '行政事业单位养老', ['t5']));
    const f = nonInfo(o);
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe(rule.id);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      '科目「20805」在各表中的名称不一致：表二、表三写作「行政事业单位养老支出」，表五写作「行政事业单位养老」',
    );
    expect(f[0]!.location.map((l) => l.table)).toEqual(['t2', 't3', 't5']);
    expect(f[0]!.expected).toBe('行政事业单位养老支出');
    expect(f[0]!.actual).toBe('行政事业单位养老');
  });

  it('compares 类 names of T1 and T4 too, ignoring bracket width and spaces', () => {
    expect(runOne(rule, renameRow(data, '201', '一般公共服务 支出', ['t1'])).findings).toEqual([]);
    expect(
      nonInfo(runOne(rule, renameRow(data, '201', '一般公共服务', ['t4'])))[0]!.location.map((l) => l.table),
    ).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('is not applicable when no code is named in two tables', () => {
    const only = dropRows(data, ['201', '207', '208', '210', '213', '229'], ['t1', 't4']);
    const empty = { rows: [] };
    const o = runOne(rule, {
      ...only,
      tables: { ...(only.tables as object), t3: empty, t5: empty, t8: empty },
    });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
