import { describe, expect, it } from 'vitest';
import { wan } from '../../money/amount.ts';
import type { DocTable, ReportDocument } from '../document.ts';
import { sampleDocument } from '../../testing/sample-document.ts';
import { escapeMarkdown, writeMarkdown } from './markdown.ts';

/** Splits a GFM table line into its cells, honouring "\|" escapes. */
function cells(line: string): string[] {
  expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/^ +| +$/g, ''));
}

/** The GFM table that starts at the line `header`: rows of cells, all of the same width. */
function tableAt(md: string, header: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(header);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cells(lines[i]!));
  const width = rows[0]!.length;
  for (const r of rows) expect(r).toHaveLength(width);
  return rows;
}

describe('writeMarkdown', () => {
  const md = writeMarkdown(sampleDocument());

  it('writes the title and headings one level down', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 示例单位2022年度部门决算公开说明');
    expect(lines).toContain('## 第一部分 单位概况');
    expect(lines).toContain('### 一、主要职能');
    expect(lines).toContain('#### （一）“三公”经费');
    expect(md).not.toContain('草稿');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('writes paragraphs with placeholders in bold brackets', () => {
    expect(md).toContain(
      '2022年度收入总计360.44万元，与上年相比，增加26.58万元，增长7.96%，主要原因是：**【请填写主要原因】**。',
    );
    const doc: ReportDocument = {
      ...sampleDocument(),
      blocks: [
        {
          type: 'paragraph',
          runs: [{ text: '原因是' }, { text: '请填写', placeholder: true }, { text: '。' }],
        },
        { type: 'paragraph', runs: [{ text: '缺少', placeholder: true }] },
      ],
      charts: [],
    };
    const out = writeMarkdown(doc);
    // Glued to a CJK letter, "**" would not render as bold: the brackets go outside.
    expect(out).toContain('原因是【**请填写**】。');
    expect(out).toContain('\n\n**【缺少】**\n');
  });

  it('writes tables as GFM tables with flattened merged headers', () => {
    expect(md).toContain('**表七 财政拨款“三公”经费支出决算表**');
    expect(md).toContain('编制单位：示例单位　　单位：万元');
    const rows = tableAt(md, '| 项目 | 2022年度 / 预算数 | 2022年度 / 决算数 |');
    expect(rows[1]).toEqual(['---', '---:', '---:']);
    expect(rows[2]).toEqual(['**合计**', '**2.00**', '**1,234.56**']);
    expect(rows[3]).toEqual(['\u3000\u3000因公出国（境）费', '', '']);
    expect(rows[4]).toEqual(['\u3000\u3000公务用车购置及运行（维护）费', '2.00', '1,234.56']);
    expect(md).toContain('\n\n注：本表金额单位为万元。');
  });

  it('prints merged body cells once and keeps the grid', () => {
    const table: DocTable = {
      id: 'x',
      number: '',
      title: '测试表 | 竖线',
      columns: [
        { key: 'code', kind: 'code', width: 8 },
        { key: 'name', kind: 'text', width: 20 },
        { key: 'a', kind: 'amount', width: 10 },
      ],
      header: [
        [{ text: '项目', colSpan: 2 }, { text: '金额' }],
        [{ text: '编码' }, { text: '名称' }, { text: '', rowSpan: 1 }],
      ],
      rows: [
        {
          cells: [
            { text: '合计', colSpan: 2 },
            { text: '3.00', fen: wan('3'), rowSpan: 2 },
          ],
        },
        { cells: [{ text: '201' }, { text: 'a|b <c>' }] },
      ],
    };
    const out = writeMarkdown({ ...sampleDocument(), blocks: [{ type: 'table', table }], charts: [] });
    expect(out).toContain('**测试表 \\| 竖线**');
    const rows = tableAt(out, '| 项目 / 编码 | 项目 / 名称 | 金额 |');
    expect(rows[2]).toEqual(['合计', '', '3.00']);
    expect(rows[3]).toEqual(['201', 'a\\|b \\<c\\>', '']);
  });

  it('gives a form (no header rows) an empty header line', () => {
    const table: DocTable = {
      id: 'perf-1',
      number: '',
      title: '项目支出绩效自评表',
      columns: [
        { key: 'label', kind: 'text', width: 8 },
        { key: 'value', kind: 'text', width: 8 },
      ],
      header: [],
      rows: [{ cells: [{ text: '项目名称' }, { text: '援疆工作业务经费' }] }],
    };
    const out = writeMarkdown({ ...sampleDocument(), blocks: [{ type: 'table', table }], charts: [] });
    expect(out).toContain('|  |  |\n| --- | --- |\n| 项目名称 | 援疆工作业务经费 |');
  });

  it('writes charts as a small data table under their title', () => {
    expect(md).toContain('**图：收入构成**（单位：万元）');
    const rows = tableAt(md, '| 项目 | 本年收入 | 占比 |');
    expect(rows.slice(2)).toEqual([
      ['财政拨款收入', '214.73', '83.06%'],
      ['其他收入', '43.78', '16.94%'],
    ]);
    const doc = sampleDocument();
    doc.blocks = [];
    doc.charts = [
      {
        id: 'b',
        kind: 'bar',
        title: '对比',
        unit: '万元',
        categories: ['收入'],
        series: [
          { name: '2022年', values: [1.5] },
          { name: '2021年', values: [2] },
        ],
      },
    ];
    const out = writeMarkdown(doc);
    expect(out).toContain('## 附：图表');
    expect(tableAt(out, '| 项目 | 2022年 | 2021年 |')[2]).toEqual(['收入', '1.50', '2.00']);
  });

  it('marks a draft and escapes Markdown in data', () => {
    const doc = sampleDocument({ draft: true });
    doc.blocks.push({ type: 'paragraph', runs: [{ text: '# 不是标题 *x* _y_ [z](u) <b> &amp;' }] });
    const out = writeMarkdown(doc);
    expect(out.startsWith('> **草稿**')).toBe(true);
    expect(out).toContain('\\# 不是标题 \\*x\\* \\_y\\_ \\[z\\](u) \\<b\\> \\&amp;');
    expect(escapeMarkdown('1|2\n3')).toBe('1\\|2 3');
  });
});
