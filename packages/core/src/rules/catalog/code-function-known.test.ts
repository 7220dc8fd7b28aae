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

  /** The built-in list of a year, loaded as if the user had imported it as the official one. */
  function imported(year: number) {
    const builtin = builtinCatalogue('function', year)!;
    const rows = [['code', 'name'], ...[...builtin.entries.values()].map((e) => [e.code, e.name])];
    return catalogueFromRows({ rows, year, kind: 'function', source: `catalogues/function-${year}.csv` });
  }

  it('with the built-in list, an unknown 款 and the 项 under it are warnings asking for the official list', () => {
    const o = runOne(rule, renameCodes(data, '21011', '21018'));
    expect(errors(o)).toEqual([]);
    const w = o.findings;
    expect(w.map((f) => [f.actual, f.severity])).toEqual([
      ['21018', 'warning'],
      ['2101801', 'warning'],
    ]);
    expect(w[0]!.rule).toBe(rule.id);
    expect(w[0]!.message).toContain('支出功能分类款「21018 行政事业单位医疗」不在内置的 2022 年度科目表中');
    expect(w[0]!.message).toContain('可能不全');
    expect(w[0]!.message).toContain('编码无误时导入该年度官方科目表后再校验');
    expect(w[0]!.messageId).toBe('not-in-builtin');
    expect(w[0]!.location.map((l) => `${l.table}:${l.row}`)).toEqual(['t2:21018', 't3:21018', 't5:21018']);
    expect(w[1]!.message).toContain('其上级「21018」也不在表中');
  });

  it('with an imported official list for the year, the same 款 and 项 are errors', () => {
    const o = runOne(rule, renameCodes(data, '21011', '21018'), { catalogues: { function: imported(2022) } });
    const e = errors(o);
    expect(e.map((f) => f.actual)).toEqual(['21018', '2101801']);
    expect(e[0]!.message).toBe(
      '支出功能分类款「21018 行政事业单位医疗」不在 2022 年度科目表（catalogues/function-2022.csv）中：请核对编码是否写错或已停用',
    );
    expect(o.findings).toHaveLength(2);
  });

  it('an unknown 类 in T1 is a warning with the built-in list, an error with an imported one', () => {
    const i = (data.tables as { t1: { rows: { code?: string }[] } }).t1.rows.findIndex(
      (r) => r.code === '229',
    );
    const bad = withValue(data, `tables.t1.rows[${i}].code`, '228');
    const builtin = runOne(rule, bad);
    expect(builtin.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(builtin.findings[0]!.location).toEqual([
      expect.objectContaining({ table: 't1', row: '228', label: '表一「228 其他支出」行' }),
    ]);
    expect(errors(runOne(rule, bad, { catalogues: { function: imported(2022) } }))).toHaveLength(1);
  });

  // Each added 款 takes the place of a 款 the generated unit uses (under a 类 row that fits the loader).
  it.each([
    [2024, '22006', '耕地保护考核奖惩基金支出', '21011'],
    [2025, '22006', '耕地保护考核奖惩基金支出', '21011'],
    [2025, '22911', '中央金融机构注资特别国债财务基金支出', '22960'],
    [2025, '23107', '中央金融机构注资特别国债还本支出', '21011'],
  ])('%i: the 款 %s added by a MoF notice is known (no finding)', (year, code, name, replaced) => {
    const unit = renameCodes(unitData({ year, withFund: true }), replaced, code, { name });
    const o = runOne(rule, unit);
    expect(o.findings).toEqual([]);
    // its 项 (not named by the notice) cannot be judged with the built-in list
    expect(o.partial[0]?.detail).toMatch(new RegExp(`项「${code}\\d\\d」：内置科目表不含该项`));
  });

  it('2025: the 项 2170404 added by 财预〔2025〕41号 is known', () => {
    const unit = renameCodes(unitData({ year: 2025 }), '2101101', '2170404', {
      name: '中央金融机构注资特别国债支出',
    });
    const o = runOne(rule, unit);
    expect(o.findings).toEqual([]);
    expect(JSON.stringify(o.partial)).not.toContain('2170404');
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
        need: 'catalogue',
      },
    ]);
  });
});

testRule(cases);
