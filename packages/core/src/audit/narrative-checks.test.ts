import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolsMissing } from '../../../cli/src/tools.ts';
import type { TextDocument } from '../read/text-document.ts';
import { readText } from '../read/text-reader.ts';
import { checkNarrative } from './narrative-checks.ts';
import { readNarrative } from './narrative-extract.ts';
import { textDocumentFromString } from './plain-text.ts';
import { builtCases, seedDocument } from './test-inputs.ts';
import type { Finding } from '../rules/types.ts';
import { findingPage, findingQuote } from './document-rule.ts';

const root = join(import.meta.dirname, '../../../..');
const seedText = readFileSync(join(root, '../shared/seed/000_13a944de2df0659e.txt'), 'utf8');
const exampleYaml = readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8');
const putuoPdf = join(root, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');
const templatePdf = join(root, '../shared/fixtures/real/shanghai-2024-template.pdf');
const noPoppler = toolsMissing(['pdftotext'], '读取上海 PDF 文本的测试');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

function audit(doc: TextDocument): Finding[] {
  const r = readNarrative(doc);
  return checkNarrative(r.figures, doc, r.year, r);
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s/g, '');

describe('checkNarrative: the seed', () => {
  it('reports nothing: every share, change, rate, budget variance, year and section holds (by rounding where printed so)', () => {
    expect(audit(seedDocument(seedText))).toEqual([]);
    // The same through the text reader (normalised lines, one page).
    const doc = readText(new TextEncoder().encode(seedText), '000_13a944de2df0659e.txt');
    expect(audit(doc)).toEqual([]);
    expect(readNarrative(doc).figures.map((f) => [f.key, f.fen ?? f.value])).toEqual(
      readNarrative(seedDocument(seedText)).figures.map((f) => [f.key, f.fen ?? f.value]),
    );
  });

  // Single-figure or single-word mutations of the seed: each must be reported, quoting the changed text.
  const MUTATIONS: readonly (readonly [string, string, string, string])[] = [
    // [what, printed text, changed to, rule]
    ['a share digit (transposed)', '占 83.06%', '占 83.60%', 'narrative-share'],
    ['a 类 share', '占 88.77%', '占 87.88%', 'narrative-share'],
    ['a "三公" item share', '占 100.00%，比上年减', '占 10.00%，比上年减', 'narrative-share'],
    ['a year-on-year rate', '增长 7.96%', '增长 7.69%', 'narrative-yoy-rate'],
    ['a 项 rate', '增长 797.70%', '增长 79.77%', 'narrative-yoy-rate'],
    [
      'a zero-base rate',
      '增长 100.00%,主要原因是:本年功能科目调整，新增',
      '增长 50.00%,主要原因是:本年功能科目调整，新增',
      'narrative-yoy-rate',
    ],
    [
      'a rate of a fall to zero',
      '下降 100%,主要原因是:本年功能科目调整，\n\n无此科目支出。\n\n9.',
      '下降 10%,主要原因是:本年功能科目调整，\n\n无此科目支出。\n\n9.',
      'narrative-yoy-rate',
    ],
    ['a direction word 增加→减少', '增加 26.58 万元', '减少 26.58 万元', 'narrative-direction'],
    [
      'a direction word 减少→增加',
      '比上年决算减少 0.26 万元',
      '比上年决算增加 0.26 万元',
      'narrative-direction',
    ],
    ['a rate direction 下降→增长', '下降 65.93%', '增长 65.93%', 'narrative-direction'],
    ['a budget variance rate', '预决算差异率 12.77%', '预决算差异率 12.17%', 'narrative-budget-rate'],
    ['a total stated twice', '258.51 万元，使用', '258.61 万元，使用', 'narrative-repeat'],
    ['the year in a date', '截止 2022 年 12 月 31 日', '截止 2021 年 12 月 31 日', 'narrative-year'],
    ['the year of a statement', '2022 年度收入总计', '2021 年度收入总计', 'narrative-year'],
    ['the compared year', '我单位 2022 年度开展预算绩', '我单位 2023 年度开展预算绩', 'narrative-year'],
    ['"XX" inserted', '公务用车保有量 1 辆', '公务用车保有量 XX 辆', 'narrative-placeholder'],
    ['"××" inserted', '开支内容包括车辆加油费', '开支内容包括××', 'narrative-placeholder'],
    ['"……" inserted', '维修费、保险费。', '维修费、……。', 'narrative-placeholder'],
    [
      '"（原因）" left',
      '原因是：本年业务增多导致办公费',
      '原因是：（原因）导致办公费',
      'narrative-placeholder',
    ],
    ['"XXX万元" left', '固定资产原值 5.08 万元', '固定资产原值 XXX 万元', 'narrative-placeholder'],
    ['doubled comma', '厉行节约，压减经费。其中', '厉行节约，，压减经费。其中', 'narrative-punctuation'],
    [
      'doubled full stop',
      '本年减少项目计划评审经费。',
      '本年减少项目计划评审经费。。',
      'narrative-punctuation',
    ],
    ['doubled semicolon', '占 0.00%；\n\n事业收入', '占 0.00%；；\n\n事业收入', 'narrative-punctuation'],
    [
      'an amount under "为空表"',
      '我单位本年度无政府性基金',
      '政府性基金预算财政拨款支出 5.00 万元。我单位本年度无政府性基金',
      'narrative-empty-table',
    ],
  ];

  it.each(MUTATIONS)('%s is reported, quoting the changed text', (_what, from, to, rule) => {
    expect(seedText.includes(from), from).toBe(true);
    const findings = audit(seedDocument(seedText.replace(from, to)));
    const hit = findings.filter(
      (f) => f.rule === rule && (f.severity === 'error' || f.severity === 'warning'),
    );
    expect(hit.length, JSON.stringify(findings, null, 1)).toBeGreaterThan(0);
    const changed = squash(to).replace(/,主要原因是:.*$|。我单位.*$|。其中$/g, '');
    expect(
      hit.some((f) => squash(findingQuote(f)).includes(changed)),
      `${rule} quoting ${changed}: ${JSON.stringify(hit, null, 1)}`,
    ).toBe(true);
    expect(
      hit.every((f) => findingPage(f) !== undefined && f.expected !== undefined && f.actual !== undefined),
    ).toBe(true);
  });

  it('a mismatch reports what was expected and what was found', () => {
    const [f] = audit(seedDocument(seedText.replace('占 83.06%', '占 83.60%')));
    expect(f).toEqual({
      rule: 'narrative-share',
      severity: 'error',
      category: 'narrative',
      messageId: 'share',
      message: '「财政拨款收入」214.73万元占「本年收入合计」258.51万元的比例应为 83.06%，文中为 83.60%',
      location: [
        expect.objectContaining({
          page: 3,
          quote:
            '2022 年度本年收入 258.51 万元，其中：财政拨款收入214.73 万元，占 83.60%；上级补助收入 0.00 万元，占 0.00%；事业收入0.00万元，占0.00%；经营收入0.00万元，占0.00%；附属单位上缴收入 0.00 万元，占 0.00%；其他收入 43.78 万元，占 16.94%。',
        }),
      ],
      expected: '83.06%',
      actual: '83.60%',
    });
    const [r] = audit(seedDocument(seedText.replace('增长 7.96%', '增长 7.69%')));
    expect(r).toMatchObject({
      rule: 'narrative-yoy-rate',
      expected: '增长7.96%',
      actual: '增长7.69%',
    });
    expect(findingPage(r!)).toBe(3);
    expect(r!.message).toBe(
      '「收入总计」本年360.44万元、增加26.58万元，则上年为333.86万元，变动率应为增长7.96%，文中为“增长7.69%”',
    );
  });

  it('a missing section is reported', () => {
    const findings = audit(
      seedDocument(seedText.replace('九、国有资本经营预算财政拨款收入支出决算情况说明', '')),
    );
    expect(findings).toContainEqual({
      rule: 'narrative-missing-section',
      severity: 'error',
      category: 'narrative',
      messageId: 'section',
      location: [{ label: '“国有资本经营预算财政拨款收入支出决算情况说明”' }],
      message: '情况说明缺少“国有资本经营预算财政拨款收入支出决算情况说明”一节',
      expected: '国有资本经营预算财政拨款收入支出决算情况说明',
      actual: '未找到',
    });
  });

  it('the report year given by the caller wins over the title', () => {
    const doc = seedDocument(seedText);
    const r = readNarrative(doc);
    const findings = checkNarrative(r.figures, doc, 2023, r);
    expect(findings.filter((f) => f.rule === 'narrative-year').map((f) => f.actual)).toEqual(
      expect.arrayContaining(['2022']),
    );
    expect(findings[0]).toMatchObject({
      rule: 'narrative-year',
      message: '标题年度为2022年，与报告年度2023年不一致',
    });
    expect(findingPage(findings[0]!)).toBe(1);
  });
});

describe('other wordings', () => {
  const text = [
    '示例局2023年度部门决算',
    '第二部分 部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '2023年度收入总计1,234.56万元，较上年增加34.56万元，增幅2.88%，主要原因是：人员增加。本年支出总计12,345,600.00元，同比减少１０００００.００元，降幅０.８０％。',
    '七、财政拨款“三公”经费支出决算情况说明',
    '“三公”经费财政拨款支出决算10.00万元，与上年持平。',
  ].join('\n');

  it('较上年 / 同比, 增幅 / 降幅, thousands separators, 元, full-width digits, 持平', () => {
    const doc = textDocumentFromString(text);
    const r = readNarrative(doc);
    expect(
      r.figures.map((f) => [
        f.key,
        f.fen,
        f.unit,
        f.change?.direction,
        f.change?.rateDirection,
        f.change?.rateText,
      ]),
    ).toEqual([
      ['t1.incomeGrandTotal', 1_234_560_000, '万元', '增加', '增幅', '2.88%'],
      ['t1.expenditureGrandTotal', 1_234_560_000, '元', '减少', '降幅', '0.80%'],
      ['threePublic.total', 10_000_000, '万元', '持平', undefined, undefined],
    ]);
    expect(
      checkNarrative(r.figures, doc, 2023, r).filter(
        (f) => f.rule !== 'narrative-missing-section' && f.rule !== 'narrative-empty-table',
      ),
    ).toEqual([]);
    const wrong = textDocumentFromString(
      text.replace('增幅2.88%', '增幅2.28%').replace('降幅０.８０％', '增幅０.８０％'),
    );
    const rules = audit(wrong).map((f) => f.rule);
    expect(rules).toContain('narrative-yoy-rate');
    expect(rules).toContain('narrative-direction');
  });

  it('amounts printed in 元 are quoted in 元 in the messages, not as 万元', () => {
    const doc = textDocumentFromString(
      [
        '示例站2023年度部门决算',
        '一、收入支出决算总体情况说明',
        '2023年度本年收入合计300000.00元，比上年增加60000.00元，增长20.00%，主要原因是人员增加。',
        '本年支出合计280000.00元，比上年减少20000.00元，增长6.67%，主要原因是项目完成。',
      ].join('\n'),
    );
    const found = audit(doc);
    const rate = found.find((f) => f.rule === 'narrative-yoy-rate')!;
    expect(rate.message).toContain('本年300000.00元、增加60000.00元，则上年为240000.00元');
    const dir = found.find((f) => f.rule === 'narrative-direction')!;
    expect(dir.message).toContain('先写“减少20000.00元”');
    expect([rate.message, dir.message].join('')).not.toContain('万元');
  });
});

describe('checkNarrative: the builder’s text', () => {
  it.each(['xinjiang-2022', 'central', 'shanghai-2024'])(
    '%s: generated units (exact and rounded) give no error',
    (profile) => {
      for (const wrap of [undefined, 23]) {
        for (const c of builtCases(profile, exampleYaml, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], wrap)) {
          const errors = audit(c.doc).filter((f) => f.severity === 'error');
          // The example has no 年初预算 for the central and Shanghai forms: the builder prints 【数据未提供】.
          const expected =
            c.name === 'example' && profile !== 'xinjiang-2022'
              ? errors.filter((f) => f.rule !== 'narrative-placeholder')
              : errors;
          expect(expected, `${profile} ${c.name}`).toEqual([]);
        }
      }
    },
  );

  it('the builder’s placeholder for missing data is reported', () => {
    const [c] = builtCases('central', exampleYaml, []);
    const f = audit(c!.doc).find((x) => x.rule === 'narrative-placeholder');
    expect(f).toMatchObject({ severity: 'error', actual: '【数据未提供】' });
  });
});

describe.skipIf(noPoppler)('checkNarrative: the Shanghai fixtures (pdftotext)', () => {
  it('the real publication: five findings, each right', () => {
    const findings = audit(textDocumentFromString(pdfText(putuoPdf), { file: 'putuo.pdf' }));
    expect(findings.map((f) => [f.rule, f.severity, findingPage(f), f.expected, f.actual])).toEqual([
      // 29.42 / 307.82 = 9.5576%: printed 9.55% so that the four 类 shares add up to 100.00%.
      ['narrative-share', 'warning', 18, '9.56%', '9.55%'],
      // 年初预算 0 万元, 全年预算 321.02 万元, 决算 307.82 万元: "小于" and 95.89% are against 全年预算, not 年初预算.
      ['narrative-budget-base', 'warning', 18, '大于', '小于'],
      ['narrative-budget-base', 'warning', 18, '不可计算', '95.89%'],
      // The template's instruction to the preparer was left under T8 and T9.
      ['narrative-placeholder', 'warning', 15, '删除模板说明', '作下述说明'],
      ['narrative-placeholder', 'warning', 16, '删除模板说明', '作下述说明'],
    ]);
  });

  it('the template is reported full of placeholders', () => {
    const findings = audit(textDocumentFromString(pdfText(templatePdf), { file: 'template.pdf' }));
    const holes = findings.filter((f) => f.rule === 'narrative-placeholder' && f.severity === 'error');
    expect(holes.length).toBeGreaterThan(30);
    expect(holes.some((f) => squash(findingQuote(f)).includes('收入支出总计XXX万元'))).toBe(true);
    expect(findings.some((f) => f.rule === 'narrative-punctuation')).toBe(true);
  });
});
