import { describe, expect, it } from 'vitest';
import { wan } from '../../money/amount.ts';
import { findAll, parseMarkup, textContent, type MarkupElement } from '../../testing/markup-check.ts';
import type { DocTable, ReportDocument } from '../document.ts';
import { sampleDocument } from '../../testing/sample-document.ts';
import { escapeHtml, writeHtml } from './html.ts';

function read(html: string): MarkupElement {
  const r = parseMarkup(html, 'html');
  expect(r.errors).toEqual([]);
  return r.root;
}

function byClass(root: MarkupElement, name: string, cls: string): MarkupElement[] {
  return findAll(root, name).filter((e) => (e.attrs['class'] ?? '').split(' ').includes(cls));
}

/** A wide two-level table with a rowspan in the body, a code column and hostile text. */
function wideTable(): DocTable {
  return {
    id: 't8',
    number: '表八',
    title: '政府性基金预算财政拨款收入支出决算表',
    unitLabel: '单位：万元',
    landscape: true,
    columns: [
      { key: 'code', kind: 'code', width: 10 },
      { key: 'name', kind: 'text', width: 24 },
      { key: 'opening', kind: 'amount', width: 12 },
      { key: 'income', kind: 'amount', width: 12 },
      { key: 'rate', kind: 'percent', width: 8 },
    ],
    header: [
      [
        { text: '项目', colSpan: 2 },
        { text: '年初结转和结余', rowSpan: 2 },
        { text: '本年', colSpan: 2 },
      ],
      [{ text: '科目编码' }, { text: '科目名称' }, { text: '收入' }, { text: '占比' }],
    ],
    rows: [
      {
        key: 'total',
        bold: true,
        cells: [
          { text: '合计', colSpan: 2, align: 'center' },
          { text: '1,000.00', fen: wan('1000') },
          { text: '12.34', fen: wan('12.34') },
          { text: '100.00%' },
        ],
      },
      {
        key: '229',
        cells: [
          { text: '229' },
          { text: '其他支出 <A&B> "x"' },
          { text: '1,000.00', fen: wan('1000'), rowSpan: 2 },
          { text: '12.34', fen: wan('12.34') },
          { text: '100.00%' },
        ],
      },
      {
        key: '22960',
        indent: 1,
        cells: [{ text: '22960' }, { text: '彩票公益金安排的支出' }, { text: '', fen: 0 }, { text: '' }],
      },
    ],
    notes: ['注：金额 <1> & 说明'],
  };
}

describe('writeHtml', () => {
  it('writes one self-contained, well-formed page in Chinese', () => {
    const doc = sampleDocument();
    const html = writeHtml(doc);
    const root = read(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const [htmlEl] = findAll(root, 'html');
    expect(htmlEl?.attrs['lang']).toBe('zh-CN');
    expect(findAll(root, 'meta').some((m) => m.attrs['charset'] === 'utf-8')).toBe(true);
    expect(textContent(findAll(root, 'title')[0]!)).toBe(doc.title);
    // Nothing external: no scripts, stylesheets, images, fonts or remote URLs.
    expect(findAll(root, 'script')).toEqual([]);
    expect(findAll(root, 'link')).toEqual([]);
    expect(findAll(root, 'img')).toEqual([]);
    expect(html).not.toMatch(/<script\s+src|<link|@import|url\(|https?:\/\/(?!www\.w3\.org)/);
    // Headings h1–h4 and the table of contents linking to them.
    expect(textContent(findAll(root, 'h1')[0]!)).toBe('示例单位2022年度部门决算公开说明');
    expect(findAll(root, 'h2').map(textContent)).toEqual([
      '目录',
      '第一部分 单位概况',
      '第二部分 部门决算情况说明',
      '第四部分 部门决算报表',
    ]);
    expect(findAll(root, 'h3').map(textContent)).toEqual(['一、主要职能', '一、收入支出决算总体情况说明']);
    expect(findAll(root, 'h4').map(textContent)).toEqual(['（一）“三公”经费']);
    const toc = findAll(root, 'nav')[0]!;
    const links = findAll(toc, 'a');
    expect(links.map(textContent)).toContain('表七 财政拨款“三公”经费支出决算表');
    const ids = new Set(
      findAll(root, 'h2')
        .concat(findAll(root, 'h3'), findAll(root, 'section'))
        .map((e) => e.attrs['id']),
    );
    for (const a of links) expect(ids.has(a.attrs['href']!.slice(1))).toBe(true);
  });

  it('indents paragraphs by two characters and highlights placeholders', () => {
    const html = writeHtml(sampleDocument());
    const root = read(html);
    expect(html).toMatch(/p\.indent \{ text-indent: 2em; \}/);
    const p = findAll(root, 'p').find((e) => e.attrs['data-key'] === 'overview.income')!;
    expect(p.attrs['class']).toBe('indent');
    const marks = findAll(p, 'mark');
    expect(marks.map(textContent)).toEqual(['【请填写主要原因】']);
    expect(textContent(p)).toContain('增加26.58万元，增长7.96%');
  });

  it('writes tables as real tables: thead, spans, every cell, right-aligned amounts, indents, notes', () => {
    const doc = sampleDocument();
    const wide = wideTable();
    doc.blocks.push({ type: 'table', table: wide });
    doc.tables.push(wide);
    const html = writeHtml(doc);
    const root = read(html);
    const tables = findAll(root, 'table');
    expect(tables).toHaveLength(2);
    for (const [i, t] of doc.tables.entries()) {
      const el = tables[i]!;
      expect(el.attrs['data-table']).toBe(t.id);
      expect(findAll(el, 'thead')).toHaveLength(1);
      const th = findAll(findAll(el, 'thead')[0]!, 'th');
      expect(th.map(textContent)).toEqual(t.header.flat().map((c) => c.text));
      const td = findAll(findAll(el, 'tbody')[0]!, 'td');
      expect(td.map(textContent)).toEqual(t.rows.flatMap((r) => r.cells.map((c) => c.text)));
      expect(textContent(findAll(el, 'caption')[0]!)).toContain(t.title);
    }
    const t8 = tables[1]!;
    const th = findAll(t8, 'th');
    expect(th[0]?.attrs['colspan']).toBe('2');
    expect(th[1]?.attrs['rowspan']).toBe('2');
    const td = findAll(t8, 'td');
    expect(td[0]?.attrs['colspan']).toBe('2');
    expect(td[0]?.attrs['class']).toBe('al-center');
    // Row "229": the rowspan cell sits in column 3 and is a right-aligned amount; the next row's cells
    // shift past it: "22960" code, name indented one level, then the 收入 amount and the 占比.
    expect(td[6]?.attrs['rowspan']).toBe('2');
    expect(td[6]?.attrs['class']).toBe('num');
    expect(td[9]?.attrs['class']).toBe('code');
    expect(td[10]?.attrs['class']).toBe('lv1');
    expect(td[11]?.attrs['class']).toBe('num');
    expect(td[12]?.attrs['class']).toBe('num');
    expect(textContent(td[5]!)).toBe('其他支出 <A&B> "x"');
    expect(html).toContain('其他支出 &lt;A&amp;B&gt; &quot;x&quot;');
    expect(textContent(byClass(root, 'div', 'table-notes')[1]!).trim()).toBe('注：金额 <1> & 说明');
    // Amount columns of the sample: right-aligned cells.
    const sampleTd = findAll(tables[0]!, 'td');
    expect(sampleTd[1]?.attrs['class']).toBe('num');
    expect(sampleTd[3]?.attrs['class']).toBe('lv1');
    // Wide tables go on a landscape named page.
    const section = findAll(root, 'section').find((s) => s.attrs['id'] === 'table-t8')!;
    expect(section.attrs['class']).toContain('landscape');
    expect(html).toMatch(/@page wide \{ size: A4 landscape;/);
    expect(html).toMatch(/section\.table-block\.landscape \{ page: wide; \}/);
  });

  it('has print CSS: A4, page numbers, repeated table headers, page breaks', () => {
    const doc = sampleDocument();
    const wide = wideTable();
    doc.blocks.push({ type: 'paragraph', runs: [{ text: '说明。' }] }, { type: 'table', table: wide });
    const html = writeHtml(doc);
    const root = read(html);
    expect(html).toMatch(/@page \{ size: A4; margin: [^;]+;/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('table.report:not(.row-spans) tr { break-inside: avoid;');
    expect(findAll(root, 'table').map((t) => t.attrs['class'])).toEqual(['report', 'report row-spans']);
    // A page break is a line on screen only; on paper the block after it starts the page (an element
    // of its own would sit alone on a page after a landscape table).
    expect(findAll(root, 'hr').map((e) => e.attrs['class'])).toEqual(['page-break']);
    expect(html).toMatch(/@media print \{[\s\S]*hr\.page-break \{ display: none; \}/);
    expect(html).not.toMatch(/hr\.page-break \{[^}]*break-after/);
    // In the sample, the heading after the page break starts the page and its table does not break
    // again. The wide table follows a paragraph: it starts a page itself.
    expect(byClass(root, 'h2', 'page-start').map(textContent)).toEqual(['第四部分 部门决算报表']);
    expect(findAll(root, 'section').find((s) => s.attrs['id'] === 'table-t7')?.attrs['class']).toBe(
      'table-block',
    );
    expect(findAll(root, 'section').find((s) => s.attrs['id'] === 'table-t8')?.attrs['class']).toContain(
      'page-start',
    );
    // A break right before a table starts the table's page; the first block never breaks.
    const doc3 = sampleDocument();
    doc3.blocks = [
      { type: 'pageBreak' },
      { type: 'paragraph', runs: [{ text: '甲' }] },
      { type: 'pageBreak' },
      { type: 'table', table: wideTable() },
    ];
    const root3 = read(writeHtml(doc3));
    expect(byClass(root3, 'p', 'page-start')).toEqual([]);
    expect(findAll(root3, 'section')[0]?.attrs['class']).toBe('table-block landscape page-start');
    // A heading right before a table takes the break, so it is not left at the foot of a page.
    const doc2 = sampleDocument();
    doc2.blocks.push({ type: 'heading', level: 2, text: '表八说明' }, { type: 'table', table: wideTable() });
    const root2 = read(writeHtml(doc2));
    expect(byClass(root2, 'h3', 'page-start').map(textContent)).toEqual(['表八说明']);
    expect(findAll(root2, 'section').find((s) => s.attrs['id'] === 'table-t8')?.attrs['class']).not.toContain(
      'page-start',
    );
  });

  it('uses CJK font stacks: 仿宋 body, 黑体 headings', () => {
    const html = writeHtml(sampleDocument());
    expect(html).toMatch(/body \{[^}]*font-family: 'FangSong', '仿宋'[^}]*'Noto Serif CJK SC'[^}]*serif;/);
    expect(html).toMatch(/h2 \{ font-family: 'SimHei', '黑体', 'Noto Sans CJK SC'/);
  });

  it('draws charts as inline SVG', () => {
    const root = read(writeHtml(sampleDocument()));
    const figures = findAll(root, 'figure');
    expect(figures).toHaveLength(1);
    const svg = findAll(figures[0]!, 'svg');
    expect(svg).toHaveLength(1);
    const texts = findAll(svg[0]!, 'text').map(textContent);
    expect(texts).toContain('收入构成');
    expect(texts).toContain('财政拨款收入');
  });

  it('appends charts that no block places', () => {
    const doc = sampleDocument();
    doc.charts.push({
      id: 'yoy',
      kind: 'bar',
      title: '本年与上年对比',
      unit: '万元',
      categories: ['收入', '支出'],
      series: [
        { name: '2022年', values: [1, 2] },
        { name: '2021年', values: [2, 1] },
      ],
    });
    const root = read(writeHtml(doc));
    expect(findAll(root, 'figure').map((f) => f.attrs['id'])).toEqual(['chart-income', 'chart-yoy']);
    expect(findAll(root, 'h2').map(textContent)).toContain('附：图表');
  });

  it('marks a draft on every page and in the title', () => {
    const plain = writeHtml(sampleDocument());
    expect(plain).not.toContain('class="draft-banner"');
    const html = writeHtml(sampleDocument({ draft: true }));
    const root = read(html);
    expect(findAll(root, 'body')[0]?.attrs['class']).toBe('draft');
    expect(textContent(byClass(root, 'div', 'draft-banner')[0]!)).toContain('草稿');
    expect(textContent(byClass(root, 'div', 'watermark')[0]!)).toBe('草稿');
    expect(textContent(findAll(root, 'title')[0]!)).toBe('【草稿】示例单位2022年度部门决算公开说明');
    expect(html).toMatch(/@top-center \{ content: "草稿/);
    expect(html).toMatch(/body\.draft \.watermark \{ position: fixed;/);
  });

  it('escapes every piece of text from the data', () => {
    const doc: ReportDocument = {
      ...sampleDocument(),
      title: '单位<script>alert(1)</script>&"\'',
      unitName: '"><b>',
      blocks: [
        { type: 'title', text: '<T&>', subtitle: '（<S>）' },
        { type: 'heading', level: 1, text: '<H>' },
        {
          type: 'paragraph',
          key: 'k"<',
          runs: [{ text: 'a<b' }, { text: '【<原因>】', placeholder: true }, { text: '&', bold: true }],
        },
      ],
      charts: [],
      tables: [],
    };
    const html = writeHtml(doc);
    const root = read(html);
    expect(findAll(root, 'script')).toEqual([]);
    expect(findAll(root, 'b')).toEqual([]);
    expect(textContent(findAll(root, 'title')[0]!)).toBe(doc.title);
    expect(textContent(findAll(root, 'h1')[0]!)).toBe('<T&>');
    expect(findAll(root, 'body')[0]?.attrs['data-unit']).toBe('"><b>');
    const p = findAll(root, 'p').find((e) => e.attrs['data-key'] === 'k"<')!;
    expect(textContent(p)).toBe('a<b【<原因>】&');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
