import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disclosureFromData, loadDisclosure } from '../model/load.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { buildReport } from './build.ts';
import { paragraphText } from './document.ts';
import { builtinProfile, builtinProfileNames, parseProfile } from './profile.ts';
import type { JuesuanError } from '../errors.ts';

const example = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('buildReport', () => {
  it('the seed unit: title, four parts in order, nine tables and the 绩效自评表, charts, glossary', () => {
    const doc = buildReport(example, builtinProfile('xinjiang-2022'));
    expect(doc.title).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室2022年度部门决算公开说明');
    const parts = doc.blocks
      .filter((b) => b.type === 'heading' && b.level === 1)
      .map((b) => (b.type === 'heading' ? b.text : ''));
    expect(parts).toEqual([
      '第一部分 单位概况',
      '第二部分 部门决算情况说明',
      '第三部分 专业名词解释',
      '第四部分 部门决算报表（见附表）',
    ]);
    expect(doc.tables.map((t) => t.id)).toEqual([
      't1',
      't2',
      't3',
      't4',
      't5',
      't6',
      't7',
      't8',
      't9',
      'perf-1',
    ]);
    expect(doc.charts.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'income-structure',
        'expenditure-structure',
        'general-budget-classes',
        'year-on-year',
      ]),
    );
    expect(doc.blocks.filter((b) => b.type === 'chart')).toHaveLength(doc.charts.length);
    const glossary = doc.blocks.filter((b) => b.type === 'paragraph' && b.key === 'glossary');
    expect(glossary.length).toBe(14);
    // The seed gives no figure for some cells (T5 基本/项目 by 项, T6 by 款): a draft until they are filled, or
    // final when asked.
    expect(doc.draft).toBe(true);
    expect(doc.draftReason).toBe('数据不完整');
  });

  it.each(builtinProfileNames())(
    'profile %s builds every generated unit without a template error',
    (name) => {
      for (let seed = 1; seed <= 10; seed++) {
        const d = disclosureFromData(generateUnitData({ seed, profile: name }));
        const doc = buildReport(d, builtinProfile(name));
        expect(doc.blocks.length).toBeGreaterThan(50);
        expect(doc.tables.length).toBeGreaterThanOrEqual(10);
      }
    },
  );

  it('Shanghai puts the tables before the narrative', () => {
    const doc = buildReport(example, builtinProfile('shanghai-2024'));
    const parts = doc.blocks
      .filter((b) => b.type === 'heading' && b.level === 1)
      .map((b) => (b.type === 'heading' ? b.text : ''));
    expect(parts[1]).toContain('部门决算表');
    expect(parts[2]).toContain('部门决算情况说明');
  });

  it('a region copies a profile and edits wording without touching code', () => {
    const custom = parseProfile(
      `id: my-region\nname: 本地口径\nextends: xinjiang-2022\ntemplates:\n  income.heading: 二、本年收入情况\n  phrase.increase: 较上年增加{amount}万元（增幅{rate}）\nremoveTemplates: [overview.expenditure.compare]\n`,
      'my-region.yaml',
    );
    const doc = buildReport(example, custom);
    const text = doc.blocks
      .map((b) => (b.type === 'paragraph' ? paragraphText(b) : b.type === 'heading' ? b.text : ''))
      .join('\n');
    expect(text).toContain('二、本年收入情况');
    expect(text).toContain('收入总计与上年相比，较上年增加26.58万元（增幅7.96%）');
    expect(text).toContain('年末结转和结余124.21万元。');
    expect(text).not.toContain('年末结转和结余124.21万元。支出总计与上年相比');
  });

  it('an unknown slot in an edited template is a clear error naming the template', () => {
    const bad = parseProfile(
      `id: x\nname: x\nextends: xinjiang-2022\ntemplates:\n  income.heading: 二、{收入}\n`,
    );
    expect(() => buildReport(example, bad)).not.toThrow(); // {收入} is not a slot name: printed as is
    const bad2 = parseProfile(
      `id: x\nname: x\nextends: xinjiang-2022\ntemplates:\n  income.total: '{year}年度{incomeTotl}'\n`,
    );
    expect(() => buildReport(example, bad2)).toThrow(/income\.total.*\{incomeTotl\}/);
  });

  it('says what is wrong with a profile file in Chinese, with the line', () => {
    const problems = (text: string) => {
      try {
        parseProfile(text, 'my.yaml');
      } catch (e) {
        const j = e as JuesuanError;
        return {
          message: j.message,
          problems: j.problems.map((p) => `${p.line ?? ''}|${p.path ?? ''}|${p.message}`),
        };
      }
      throw new Error('no error');
    };
    const syntax = problems('id: x\nname: [未闭合\ntemplates:\n');
    expect(syntax.message).toContain('my.yaml');
    expect(syntax.problems.join('\n')).not.toMatch(/[A-Za-z]{6,}/);
    const field = problems(
      'id: x\nname: x\nextends: xinjiang-2022\nwording:\n  equalStyle: 7\n  nosuch: 1\n',
    );
    expect(field.problems.some((p) => p.startsWith('5|wording.equalStyle|'))).toBe(true);
    expect(field.problems.some((p) => p.includes('未知字段「nosuch」'))).toBe(true);
    expect(field.problems.join('\n')).not.toMatch(/Invalid|expected/);
  });

  it('marks a draft', () => {
    expect(buildReport(example, builtinProfile('central'), { draft: true }).draft).toBe(true);
    expect(buildReport(example, builtinProfile('central'), { draft: true, final: true }).draftReason).toBe(
      '校验未通过',
    );
  });

  it('builds an incomplete publication final only when asked', () => {
    const doc = buildReport(example, builtinProfile('central'), { final: true });
    expect(doc.draft).toBe(false);
    expect(doc.draftReason).toBeUndefined();
  });
});
