import { describe, expect, it } from 'vitest';
import { fitLines, headerLabelLines, textEm, wordBoundaries, wouldOrphan } from './line-fit.ts';

/** The DOCX title's measure: 156 mm at 22 pt, less the writer's margin. */
const TITLE = [19.5];

describe('fitLines', () => {
  it('keeps a line that fits', () => {
    expect(fitLines('青穗县农业农村局2024年度部门决算', { capacity: TITLE })).toEqual([
      '青穗县农业农村局2024年度部门决算',
    ]);
  });

  it('breaks a title after the unit name rather than leave one character alone', () => {
    const title = '青穗县农业农村局2024年度部门决算公开说明';
    expect(wouldOrphan(title, TITLE)).toBe(true);
    const lines = fitLines(title, { capacity: TITLE, names: ['青穗县农业农村局'] });
    expect(lines).toEqual(['青穗县农业农村局', '2024年度部门决算公开说明']);
  });

  it('breaks a long unit name at a word boundary, never inside a word, with no short last line', () => {
    const unit = '新疆昌吉回族自治州对口援疆工作领导小组办公室';
    const lines = fitLines(`${unit}2022年度部门决算公开说明`, { capacity: TITLE, names: [unit] });
    expect(lines.join('')).toBe(`${unit}2022年度部门决算公开说明`);
    for (const l of lines) expect(textEm(l)).toBeLessThanOrEqual(TITLE[0]!);
    expect(lines.at(-1)!.length).toBeGreaterThan(2);
    const cut = lines[0]!.length;
    expect(wordBoundaries(`${unit}2022年度部门决算公开说明`, [unit])).toContain(cut);
  });

  it('breaks a caption before its bracket', () => {
    expect(fitLines('一般公共预算财政拨款支出按功能分类（类）（单位：万元）', { capacity: [24] })).toEqual([
      '一般公共预算财政拨款支出按功能分类（类）',
      '（单位：万元）',
    ]);
  });

  it('without a boundary that fits, evens out the last two lines instead of leaving an orphan', () => {
    const lines = fitLines('甲乙丙丁戊己庚辛壬癸子丑寅卯', { capacity: [12], boundaries: [] });
    expect(lines).toEqual(['甲乙丙丁戊己庚', '辛壬癸子丑寅卯']);
  });

  it('honours a first-line indent', () => {
    const heading = '（三）一般公共预算财政拨款支出决算具体情况说明与分析';
    const lines = fitLines(heading, { capacity: [20, 22] });
    expect(lines.length).toBe(2);
    expect(textEm(lines[0]!)).toBeLessThanOrEqual(20);
    expect(lines[1]!.length).toBeGreaterThan(2);
  });
});

describe('headerLabelLines', () => {
  it('breaks header labels between their words, never leaving one character', () => {
    expect(headerLabelLines('本年收入合计', 5.2)).toEqual(['本年收入', '合计']);
    expect(headerLabelLines('财政拨款收入', 5.2)).toEqual(['财政拨款', '收入']);
    expect(headerLabelLines('对附属单位补助支出', 5.2)).toEqual(['对附属单位', '补助支出']);
    expect(headerLabelLines('附属单位上缴收入', 5.2)).toEqual(['附属单位', '上缴收入']);
    expect(headerLabelLines('年初结转和结余', 5.2)).toEqual(['年初结转', '和结余']);
    expect(headerLabelLines('合计', 5.2)).toEqual(['合计']);
  });
});
