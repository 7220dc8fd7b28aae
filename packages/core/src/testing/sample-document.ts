/** A small but complete document for writer tests: every block kind, merged headers, a placeholder. */
import { wan } from '../money/amount.ts';
import type { DocTable, ReportDocument } from '../report/document.ts';

export function sampleDocument(options: { draft?: boolean } = {}): ReportDocument {
  const table: DocTable = {
    id: 't7',
    number: '表七',
    title: '财政拨款“三公”经费支出决算表',
    unitLine: '编制单位：示例单位',
    unitLabel: '单位：万元',
    columns: [
      { key: 'name', kind: 'text', width: 24 },
      { key: 'budget', kind: 'amount', width: 12 },
      { key: 'final', kind: 'amount', width: 12 },
    ],
    header: [
      [
        { text: '项目', rowSpan: 2, align: 'center' },
        { text: '2022年度', colSpan: 2, align: 'center' },
      ],
      [
        { text: '预算数', align: 'center' },
        { text: '决算数', align: 'center' },
      ],
    ],
    rows: [
      {
        key: 'total',
        bold: true,
        cells: [
          { text: '合计' },
          { text: '2.00', fen: wan('2.00') },
          { text: '1,234.56', fen: wan('1234.56') },
        ],
      },
      {
        key: 'abroad',
        indent: 1,
        cells: [{ text: '因公出国（境）费' }, { text: '', fen: 0 }, { text: '', fen: 0 }],
      },
      {
        key: 'vehicle',
        indent: 1,
        cells: [
          { text: '公务用车购置及运行（维护）费' },
          { text: '2.00', fen: wan('2.00') },
          { text: '1,234.56', fen: wan('1234.56') },
        ],
      },
    ],
    notes: ['注：本表金额单位为万元。'],
  };
  return {
    title: '示例单位2022年度部门决算公开说明',
    unitName: '示例单位',
    year: 2022,
    profile: 'xinjiang-2022',
    draft: options.draft ?? false,
    blocks: [
      { type: 'title', text: '示例单位2022年度部门决算公开说明' },
      { type: 'heading', level: 1, text: '第一部分 单位概况' },
      { type: 'heading', level: 2, text: '一、主要职能' },
      { type: 'paragraph', runs: [{ text: '负责本单位职责范围内的各项工作。' }] },
      { type: 'heading', level: 1, text: '第二部分 部门决算情况说明' },
      { type: 'heading', level: 2, text: '一、收入支出决算总体情况说明' },
      {
        type: 'paragraph',
        key: 'overview.income',
        runs: [
          { text: '2022年度收入总计360.44万元，与上年相比，增加26.58万元，增长7.96%，主要原因是：' },
          { text: '【请填写主要原因】', placeholder: true },
          { text: '。' },
        ],
      },
      { type: 'heading', level: 3, text: '（一）“三公”经费' },
      {
        type: 'chart',
        chart: {
          id: 'income',
          kind: 'pie',
          title: '收入构成',
          unit: '万元',
          categories: ['财政拨款收入', '其他收入'],
          series: [{ name: '本年收入', values: [214.73, 43.78] }],
        },
      },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: '第四部分 部门决算报表' },
      { type: 'table', table },
    ],
    tables: [table],
    charts: [
      {
        id: 'income',
        kind: 'pie',
        title: '收入构成',
        unit: '万元',
        categories: ['财政拨款收入', '其他收入'],
        series: [{ name: '本年收入', values: [214.73, 43.78] }],
      },
    ],
  };
}
