import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../money/amount.ts';
import {
  documentParagraphs,
  isPageNumber,
  joinBrokenLines,
  locateInParagraph,
  normaliseText,
  removePageFurniture,
} from './normalise.ts';
import type { TextLine, TextPage } from './text-document.ts';

const seedFile = join(import.meta.dirname, '../../../../../shared/seed/000_13a944de2df0659e.txt');
const seedRaw = readFileSync(seedFile, 'utf8').split('\n');
const seedLines: TextLine[] = seedRaw
  .map((t, i) => ({ text: normaliseText(t), page: 1, line: i + 1 }))
  .filter((l) => l.text !== '');

const RADICALS = /[\u2e80-\u2fdf]/u;

describe('normaliseText: characters', () => {
  it('maps every Kangxi radical (U+2F00–U+2FD5) to the ideograph it is a compatibility form of', () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const radical = String.fromCharCode(cp);
      const out = normaliseText(radical);
      expect(out, radical).toBe(normaliseText(radical.normalize('NFKC')));
      expect(RADICALS.test(out), radical).toBe(false);
      expect(/^\p{Script=Han}$/u.test(out), radical).toBe(true);
    }
  });

  it('maps the radicals supplement forms Chromium prints (⻔ ⻅ ⻓ ⻋ ⺠ ⻝) and leaves none of the mapped ones behind', () => {
    expect(normaliseText('部⻔决算公开说明（⻅附表）')).toBe('部门决算公开说明（见附表）');
    expect(normaliseText('增⻓7.96%，公务⽤⻋运⾏维护费，⼈⺠')).toBe('增长7.96%，公务用车运行维护费，人民');
    expect(normaliseText('⼀般公共预算财政拨款⽀出')).toBe('一般公共预算财政拨款支出');
    for (let cp = 0x2e80; cp <= 0x2ef3; cp++) {
      const out = normaliseText(String.fromCharCode(cp));
      if (out !== String.fromCharCode(cp))
        expect(/^\p{Script=Han}$/u.test(out) && !RADICALS.test(out)).toBe(true);
    }
  });

  it('folds full-width ASCII so amounts parse, but keeps the Chinese punctuation that quotes read with', () => {
    const s = normaliseText('２０２２年度收入总计３６０．４４　万元，占８３．０６％；（一）');
    expect(s).toBe('2022年度收入总计360.44万元，占83.06%；（一）');
    expect(parseAmount(/(\d+\.\d+)万元/.exec(s)![1]!).fen).toBe(36_044 * 100 * 100);
    expect(normaliseText('合计２，９４０．０５')).toBe('合计2,940.05');
    expect(normaliseText('Ａ－１')).toBe('A-1');
  });

  it('turns traditional characters into simplified ones for the vocabulary of these documents', () => {
    expect(normaliseText('2022年度部門決算公開說明：財政撥款收入，結轉和結餘，預算數')).toBe(
      '2022年度部门决算公开说明：财政拨款收入，结转和结余，预算数',
    );
    expect(normaliseText('「三公」經費支出決算表，機關運行經費，政府採購，國有資產佔用')).toBe(
      '「三公」经费支出决算表，机关运行经费，政府采购，国有资产占用',
    );
    // Characters that are also simplified characters of their own stay.
    expect(normaliseText('显著，乾坤')).toBe('显著，乾坤');
  });

  it('removes the romanised syllables a mirror site puts after characters, and keeps Latin text in brackets', () => {
    expect(normaliseText('某县文化服務(wù)中心2023年度收入總計(jì)120.50萬(wàn)元')).toBe(
      '某县文化服务中心2023年度收入总计120.50万元',
    );
    expect(normaliseText('结(jié)转和结余（zhuǎn）')).toBe('结转和结余');
    expect(normaliseText('按国际会计准则(IFRS)和标准(a)编制')).toBe('按国际会计准则(IFRS)和标准(a)编制');
  });

  it('maps CJK compatibility ideographs and removes zero-width marks', () => {
    expect(normaliseText('\uF91D\u200B决\uFEFF算')).toBe('欄决算');
  });
});

describe('normaliseText: spaces', () => {
  it.each([
    ['2022 年度收入总计 360.44 万元，其中：', '2022年度收入总计 360.44万元，其中：'],
    ['增长 7.96 %', '增长 7.96%'],
    ['实有人数 7 人，离休人员 0 人', '实有人数 7人，离休人员 0人'],
    ['截止 2022 年 12 月 31 日', '截止 2022年12月31日'],
    ['公务用车保有量 1 辆，0 批次，0 人次，0 台（套）', '公务用车保有量 1辆，0批次，0人次，0台（套）'],
    ['第 1 页', '第1页'],
    ['项 目 支 出 绩 效 自 评 表', '项目支出绩效自评表'],
    ['  合\t计 ', '合计'],
    ['3. 社会保障和就业支出', '3.社会保障和就业支出'],
  ])('%j → %j', (input, output) => {
    expect(normaliseText(input)).toBe(output);
  });

  it.each([
    // Two numbers are two cells of a table line; a count before a label is not a unit.
    '一般公共服务支出 264.87 264.87',
    '年初结转和结余 101.93 年末结转和结余 124.21',
    '2080505 机关事业单位基本养老保险缴费支出 6.18 6.18',
    '7 人员经费',
  ])('keeps the spaces that separate cells: %j', (line) => {
    expect(normaliseText(line)).toBe(line);
  });

  it('is stable on every line of the seed', () => {
    for (const raw of seedRaw) {
      const once = normaliseText(raw);
      expect(normaliseText(once), raw).toBe(once);
    }
  });
});

describe('page furniture', () => {
  it.each(['— 1 —', '- 12 -', '第1页', '第 3 页 共 24 页', '3/24', 'Page 2 of 9'])(
    '%j is a page number',
    (s) => {
      expect(isPageNumber(normaliseText(s))).toBe(true);
    },
  );
  it.each(['2022', '1.本年在职人员', '— — —', '合计 307.82'])('%j is not', (s) => {
    expect(isPageNumber(normaliseText(s))).toBe(false);
  });

  const page = (n: number, texts: string[]): TextPage => ({
    page: n,
    lines: texts.map((text, i) => ({ text, page: n, line: i + 1 })),
  });

  it('removes running headers, page numbers and bare page counters, and stops at the first line that is not one', () => {
    const titles = [
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
    ];
    const pages = [1, 2, 3, 4, 5].map((n) =>
      page(n, [
        '11/27/26, 1:54 AM 某单位2022年度部门决算公开说明',
        titles[n - 1]!,
        '单位：万元',
        `合计 ${300 + n}.82 ${300 + n}.82`,
        `第 ${n} 页 共 5 页`,
        `${n + 2}`,
      ]),
    );
    const out = removePageFurniture(pages);
    for (const p of out) {
      const n = p.page;
      expect(p.lines.map((l) => l.text)).toEqual([
        titles[n - 1],
        '单位：万元',
        `合计 ${300 + n}.82 ${300 + n}.82`,
      ]);
      expect(p.lines[0]!.line).toBe(2); // line numbers as printed on the page
    }
  });

  it('keeps a bare number that does not count the pages, and a unit line repeated on every table page', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [`表${n}`, '单位：万元', n === 2 ? '58' : '正文', '— ' + n + ' —']),
    );
    const out = removePageFurniture(pages);
    expect(out[1]!.lines.map((l) => l.text)).toEqual(['表2', '单位：万元', '58']);
    expect(out[0]!.lines.map((l) => l.text)).toEqual(['表1', '单位：万元', '正文']);
  });
});

describe('joinBrokenLines on the seed', () => {
  const paragraphs = joinBrokenLines(seedLines);
  const texts = paragraphs.map((p) => p.text);

  it('rebuilds sentences broken mid-sentence and mid-number, across the page breaks that start a line with a space', () => {
    expect(texts).toContain(
      '2022年度收入总计 360.44万元，其中：本年收入合计258.51万元，使用非财政拨款结余 0.00万元，年初结转和结余 101.93万元。' +
        '收入总计与上年相比，增加 26.58万元，增长 7.96%，主要原因是：1.本年在职人员工资调薪，人员经费增加；' +
        '2.本年度收到福建援疆工作培训班培训费，培训费用增加。',
    );
    // " 上级支出0.00万元" starts a new page of the original PDF in the middle of a sentence.
    const p3 = texts.find((t) => t.startsWith('2022年度本年支出 236.23万元'))!;
    expect(p3).toContain('项目支出 89.77万元，占 38.00%；上缴上级支出0.00万元，占0.00%；');
    // A unit split from its number by the line break closes up: "价值 0.00 万" / "元".
    expect(texts.some((t) => t.includes('车辆 0辆，价值 0.00万元，其中：'))).toBe(true);
  });

  it('starts paragraphs at headings and keeps heading lines alone', () => {
    for (const h of [
      '第一部分 单位概况',
      '一、主要职能',
      '（一）一般公共预算财政拨款支出决算总体情况',
      '（二）一般公共预算财政拨款支出决算结构情况',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '第三部分 专业名词解释',
      '项目支出绩效自评表',
    ])
      expect(texts, h).toContain(h);
    expect(texts).toContain('1.一般公共服务支出(类)190.62万元,占 88.77%。');
  });

  it('keeps table rows apart from prose', () => {
    expect(texts).toContain('年度资金总额 100.00 100.00 89.77 10 89.77% 8.98 分');
    expect(texts).toContain('全年预算数 全年执行数 分值 执行率 得分');
  });

  it('loses and adds no character: the paragraphs hold the same text as the lines, spaces aside', () => {
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(texts.join(''))).toBe(squeeze(seedLines.map((l) => l.text).join('')));
  });

  it('says which page and line any part of a paragraph comes from', () => {
    const p = paragraphs.find((x) => x.text.startsWith('2022年度收入总计'))!;
    expect([p.page, p.line]).toEqual([1, 37]);
    expect(locateInParagraph(p, p.text.indexOf('增长 7.96%'))).toEqual({ page: 1, line: 43 });
    expect(locateInParagraph(p, 0)).toEqual({ page: 1, line: 37 });
  });
});

describe('joinBrokenLines with positions', () => {
  // A page laid out like a PDF: 16 pt text, body from x = 72 to 523, first lines indented by two characters.
  const line = (n: number, text: string, x: number, right: number, y = 100 + n * 28): TextLine => ({
    text,
    page: 1,
    line: n,
    y,
    items: [{ text, x, y, width: right - x, height: 16 }],
  });

  it('uses indents and short last lines, not the full stop at a line end, to tell paragraphs', () => {
    const lines = [
      line(1, '二、收入决算情况说明', 72, 232),
      line(2, '2022年度本年收入258.51万元，其中：财政拨款收入214.73万元。', 104, 523),
      line(3, '占83.06%；其他收入43.78万元，占16.94%。', 72, 400),
      line(4, '三、支出决算情况说明', 72, 232),
    ];
    expect(joinBrokenLines(lines).map((p) => p.text)).toEqual([
      '二、收入决算情况说明',
      '2022年度本年收入258.51万元，其中：财政拨款收入214.73万元。占83.06%；其他收入43.78万元，占16.94%。',
      '三、支出决算情况说明',
    ]);
  });

  it('never merges a table row (pieces far apart) into prose', () => {
    const row: TextLine = {
      text: '合计 307.82 307.82',
      page: 1,
      line: 2,
      y: 156,
      items: [
        { text: '合计', x: 72, y: 156, width: 32, height: 16 },
        { text: '307.82', x: 300, y: 156, width: 40, height: 16 },
        { text: '307.82', x: 480, y: 156, width: 40, height: 16 },
      ],
    };
    const out = joinBrokenLines([
      line(1, '单位：万元', 420, 523),
      row,
      line(3, '注：本表反映部门本年度取得的各项收入情况', 72, 523),
    ]);
    expect(out.map((p) => p.text)).toEqual([
      '单位：万元',
      '合计 307.82 307.82',
      '注：本表反映部门本年度取得的各项收入情况',
    ]);
  });

  it('treats blank lines as breaks only where they are not after every line', () => {
    const plain = ['这是第一段的第一行文字', '', '这是第二段的第一行文字', '这是第二段的第二行文字。'];
    expect(joinBrokenLines(plain).map((p) => p.text)).toEqual([
      '这是第一段的第一行文字',
      '这是第二段的第一行文字这是第二段的第二行文字。',
    ]);
    expect(
      documentParagraphs({ kind: 'docx', pages: [{ page: 1, lines: seedLines.slice(0, 3) }] }),
    ).toHaveLength(3);
  });
});
