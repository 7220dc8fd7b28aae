import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolsMissing } from '../../../cli/src/tools.ts';
import { textDocumentFromString } from './plain-text.ts';
import { findSections, SectionId } from './sections.ts';
import { builtCases, seedDocument } from './test-inputs.ts';

const root = join(import.meta.dirname, '../../../..');
const seedText = readFileSync(join(root, '../shared/seed/000_13a944de2df0659e.txt'), 'utf8');
const exampleYaml = readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8');
const putuoPdf = join(root, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');
const templatePdf = join(root, '../shared/fixtures/real/shanghai-2024-template.pdf');
const noPoppler = toolsMissing(['pdftotext'], '读取上海 PDF 文本的测试');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

const ALL_SECTIONS = Object.values(SectionId);

describe('findSections', () => {
  it('the seed: title, four parts, the eleven sections with their pages, the six subsections, the nine tables listed', () => {
    const s = findSections(seedDocument(seedText));
    expect(s.title).toMatchObject({
      unit: '新疆昌吉回族自治州对口援疆工作领导小组办公室',
      year: 2022,
      page: 1,
    });
    expect(s.parts.map((p) => [p.id, p.page])).toEqual([
      ['profile', 2],
      ['narrative', 3],
      ['performanceTable', 12],
      ['glossary', 15],
      ['tables', 17],
    ]);
    expect(s.sections.map((x) => [x.id, x.page])).toEqual([
      ['overview', 3],
      ['income', 3],
      ['expenditure', 3],
      ['fiscal', 4],
      ['general', 4],
      ['basic', 7],
      ['threePublic', 7],
      ['fund', 8],
      ['capital', 9],
      ['other', 9],
      ['performance', 10],
    ]);
    expect(s.sections[6]!.text).toBe('七、财政拨款“三公”经费支出决算情况说明');
    expect(s.subsections.map((x) => x.id)).toEqual([
      'general.total',
      'general.structure',
      'general.items',
      'adminCost',
      'procurement',
      'assets',
    ]);
    expect(s.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(s.tables[6]!.title).toBe('财政拨款三公经费支出决算表');
    expect(s.missing).toEqual([]);
  });

  it('reports the standard sections a document lacks (heading and text)', () => {
    const cut = seedText
      .replace(/九、国有资本经营预算财政拨款收入支出决算情况说明[\s\S]*?(?=十、)/, '')
      .replace(/（二）政府采购情况[\s\S]*?(?=（三）)/, '')
      .replace('第三部分 专业名词解释', '');
    const s = findSections(seedDocument(cut));
    expect(s.missing).toEqual([
      { level: 'part', id: 'glossary', name: '名词解释' },
      { level: 'section', id: 'capital', name: '国有资本经营预算财政拨款收入支出决算情况说明' },
      { level: 'subsection', id: 'procurement', name: '政府采购情况' },
    ]);
  });

  it.each(['xinjiang-2022', 'central', 'shanghai-2024'])(
    'the builder’s %s text has every section in the profile’s wording',
    (profile) => {
      for (const c of builtCases(profile, exampleYaml, [1, 2], 37)) {
        const s = findSections(c.doc);
        expect(s.title?.year, c.name).toBe(c.d.year);
        expect(s.title?.unit, c.name).toBe(c.d.unit.name);
        expect(s.sections.map((x) => x.id).sort(), c.name).toEqual([...ALL_SECTIONS].sort());
        expect(s.subsections).toHaveLength(6);
        expect(
          s.tables.map((t) => t.id),
          c.name,
        ).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
      }
    },
  );

  it.skipIf(noPoppler)(
    'the real Shanghai publication: the table of contents is not taken for the sections; tables before the narrative',
    () => {
      const s = findSections(textDocumentFromString(pdfText(putuoPdf), { file: 'putuo.pdf' }));
      expect(s.title).toMatchObject({ unit: '中共上海市普陀区委社会工作部', year: 2024 });
      // The tables part has no 第二部分 over it: its heading is 〈单位〉2024年度部门决算表.
      expect(s.parts.map((p) => [p.id, p.page])).toEqual([
        ['profile', 4],
        ['tables', 5],
        ['narrative', 17],
        ['glossary', 23],
      ]);
      // Every section is the one with text (pages 17–22), not its line in the contents on page 2.
      expect(s.sections).toHaveLength(11);
      expect(s.sections.every((x) => x.page >= 17 && x.page <= 22)).toBe(true);
      expect(s.sections.map((x) => x.id).slice(-2)).toEqual(['performance', 'other']);
      expect(s.tables.map((t) => [t.id, t.page])).toEqual([
        ['t1', 5],
        ['t2', 6],
        ['t3', 8],
        ['t4', 10],
        ['t5', 12],
        ['t6', 13],
        ['t7', 14],
        ['t8', 15],
        ['t9', 16],
      ]);
      expect(s.missing).toEqual([]);
    },
  );

  it.skipIf(noPoppler)('the Shanghai template: title with XX, all sections found', () => {
    const s = findSections(textDocumentFromString(pdfText(templatePdf), { file: 'template.pdf' }));
    expect(s.title?.year).toBe(2024);
    expect(s.sections).toHaveLength(11);
  });
});
