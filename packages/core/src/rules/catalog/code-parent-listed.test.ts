import { describe, expect, it } from 'vitest';
import { dropRows } from '../code-test-data.ts';
import { nonInfo, runOne, unitData } from '../testing.ts';
import { rule } from './code-parent-listed.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-parent-listed.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('warns when a 款 row is missing while the table lists other 款', () => {
    const o = runOne(rule, dropRows(data, ['20805'], ['t5']));
    const f = nonInfo(o);
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe(rule.id);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toBe(
      '表五缺少款「20805 行政事业单位养老支出」行：其下的「2080501 行政单位离退休」、「2080506 机关事业单位职业年金缴费支出」、「2080599 其他行政事业单位养老支出」已列出，表中其他科目逐级列示了类、款、项',
    );
    expect(f[0]!.location.map((l) => `${l.table}:${l.row}`)).toEqual([
      't5:2080501',
      't5:2080506',
      't5:2080599',
    ]);
    expect(f[0]!.expected).toBe('20805');
  });

  it('warns when a 类 row is missing while the table lists other 类', () => {
    // T8 without its only 类 row lists no 类 at all: only the 款 level is checked there.
    expect(nonInfo(runOne(rule, dropRows(data, ['229'], ['t8'])))).toEqual([]);
    const g = nonInfo(runOne(rule, dropRows(data, ['210'], ['t3'])));
    expect(g).toHaveLength(1);
    expect(g[0]!.message).toContain('表三缺少类「210 卫生健康支出」行');
    expect(g[0]!.location.map((l) => l.row)).toEqual(['21011', '2101101']);
  });

  it('does not ask for 款 rows when a table lists only 类 and 项', () => {
    const kuans = ['20104', '20106', '20701', '20805', '21011', '21301', '22960'];
    expect(runOne(rule, dropRows(data, kuans, ['t2'])).findings).toEqual([]);
  });

  it('is not applicable when the tables list no 类 or 款', () => {
    const rows = { rows: [] };
    const o = runOne(rule, {
      ...data,
      tables: { ...(data.tables as object), t2: rows, t3: rows, t5: rows, t8: rows, t9: rows },
    });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
