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

describe('findSections: publications by what they say (issue 9 item 2)', () => {
  const doc = (text: string) => textDocumentFromString(text, { file: 'x.txt' });

  it('Chongqing-style headings one level down: the sections are the （一）… under 二、部门决算情况说明', () => {
    const s = findSections(
      doc(
        [
          '某区水利局',
          '2021年度决算公开说明',
          '一、部门基本情况',
          '（一）职能职责',
          '负责全区水资源的统一管理和保护。',
          '二、部门决算情况说明',
          '（一）收入支出决算总体情况说明',
          '1.总体情况。2021年度收入总计812.40万元，支出总计812.40万元。',
          '（二）财政拨款收支决算总体情况说明',
          '2021年度财政拨款收支总计790.12万元。',
          '（三）一般公共预算财政拨款支出决算情况说明',
          '1.总体情况。2021年度一般公共预算财政拨款支出760.02万元。',
          '（四）“三公”经费情况说明',
          '2021年度“三公”经费支出共计4.10万元。',
          '三、其他需要说明的事项',
          '（一）机关运行经费情况',
          '2021年度本部门机关运行经费支出40.51万元。',
          '（二）预算绩效情况',
          '本部门对3个项目开展了绩效自评。',
          '四、专业名词解释',
          '1.财政拨款收入：指本级财政当年拨付的资金。',
        ].join('\n'),
      ),
    );
    expect(s.title?.year).toBe(2021);
    expect(s.parts.map((p) => p.id)).toEqual(['profile', 'narrative', 'glossary']);
    expect(s.sections.map((x) => x.id)).toEqual([
      'overview',
      'fiscal',
      'general',
      'threePublic',
      'other',
      'performance',
    ]);
    expect(s.subsections.map((x) => x.id)).toEqual(['adminCost']);
    expect(s.kind).toBe('full');
    // A regional template: only the core of every template is required, and it is there.
    expect(s.missing.filter((m) => m.level === 'section')).toEqual([]);
  });

  it('a stand-alone "三公" statement without headings is one, and is not missing its income section', () => {
    const s = findSections(
      doc(
        [
          '某县林业局2022年度“三公”经费决算公开',
          '2022年度“三公”经费财政拨款支出决算为6.20万元，其中公务接待费为2.10万元，公务用车运行维护费为4.10万元。与上年相比，“三公”经费减少0.40万元，下降6.06%，主要是压减公务接待。',
        ].join('\n'),
      ),
    );
    expect(s.kind).toBe('three-public');
    expect(s.inferred.map((x) => x.id)).toEqual(['threePublic']);
    expect(s.missing).toEqual([]);
  });

  it('a page that starts mid-sentence is an excerpt: its text is read by vocabulary, no section is missing', () => {
    const s = findSections(
      doc(
        [
          '支出决算为120.00万元，完成年初预算的96.00%。决算数小于预算数的主要原因是厉行节约。',
          '2.农林水支出（类）林业和草原（款）事业机构（项）。年初预算为80.00万元，支出决算为76.00万元，完成年初预算的95.00%。',
          '— 9 —',
        ].join('\n'),
      ),
    );
    expect(s.kind).toBe('excerpt');
    expect(s.inferred.map((x) => x.id)).toEqual(['general']);
    expect(s.missing).toEqual([]);
  });

  it('headings in traditional characters are the same headings', () => {
    const s = findSections(
      doc(
        [
          '某市圖書館2020年度部門決算',
          '一、收入支出決算總體情況說明',
          '2020年度收入總計300.00萬元。',
          '二、財政撥款“三公”經費支出決算情況說明',
          '2020年度“三公”經費支出1.00萬元。',
        ].join('\n'),
      ),
    );
    expect(s.title?.year).toBe(2020);
    expect(s.sections.map((x) => x.id)).toEqual(['overview', 'threePublic']);
  });

  it('a stand-alone 政府采购 statement', () => {
    const s = findSections(
      doc(
        [
          '某市统计局2023年度政府采购情况说明',
          '2023年度，我局政府采购支出总额50.00万元，其中：政府采购货物支出30.00万元，占60.00%；政府采购服务支出20.00万元，占40.00%。',
        ].join('\n'),
      ),
    );
    expect(s.kind).toBe('procurement');
    expect(s.inferred.map((x) => [x.id, x.sub])).toEqual([['other', 'procurement']]);
    expect(s.missing).toEqual([]);
  });
});
