import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import type { ExtractedTable, StatedFigure } from '../../audit/types.ts';
import { rule } from './narrative-table.ts';

const W = 1_000_000; // 1 万元 in 分

function fig(key: string, wan: number, text: string, decimals = 2): StatedFigure {
  return { name: key, key, fen: Math.round(wan * W), unit: '万元', decimals, evidence: { page: 3, text } };
}

const tables: ExtractedTable[] = [
  {
    id: 't1',
    title: '收入支出决算总表',
    pages: [9],
    status: 'read',
    rows: [
      { key: 'incomeGrandTotal', name: '收入总计', cells: { amount: 1454.76 * W } },
      { key: 'incomeTotal', name: '本年收入合计', cells: { amount: 1274.2 * W } },
    ],
  },
  {
    id: 't5',
    title: '一般公共预算财政拨款支出决算表',
    pages: [13],
    status: 'read',
    rows: [
      { key: 'total', name: '合计', cells: { total: 1315.03 * W, basic: 597.11 * W, project: 717.92 * W } },
      { key: '2010601', name: '行政运行', cells: { total: 298.45 * W } },
    ],
  },
  {
    id: 't2',
    title: '收入决算表',
    pages: [10],
    status: 'unreadable',
    reason: '表内关系不平衡',
    rows: [{ key: 'total', name: '合计', cells: { fiscal: 1 * W } }],
  },
];

/** Passing and failing cases of narrative-table (see audit/document-rule-testing.ts): figures and tables as read. */
export const cases = documentRuleCases(rule, {
  valid: [
    {
      name: 'figures equal to their cells, or off by one unit of the last digit printed (a derived figure rounded)',
      facts: {
        tables,
        figures: [
          fig('t1.incomeGrandTotal', 1454.76, '收入总计1454.76万元'),
          fig('t1.incomeTotal', 1274.21, '本年收入合计1274.21万元'),
          fig('t5.2010601.total', 298.45, '行政运行（项）支出决算为298.45万元'),
          fig('t5.total.basic', 597, '基本支出597万元', 0),
        ],
      },
    },
    {
      name: 'tables not accepted, rows not read and budget figures are not compared',
      facts: {
        tables,
        figures: [
          fig('t2.total.fiscal', 5, '财政拨款收入5.00万元'),
          fig('t5.2050201.total', 5, '学前教育5.00万元'),
          fig('t5.2010601.total.budget', 5, '年初预算为5.00万元'),
          fig('unclassified.other', 5, '其他5.00万元'),
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'figures that disagree with their cells, quoting the sentence, with the cell as expected',
      facts: {
        tables,
        figures: [
          fig('t1.incomeGrandTotal', 1464.76, '收入总计1464.76万元，其中：本年收入合计1274.20万元'),
          fig('t5.2010601.total', 289.45, '行政运行289.45万元'),
        ],
      },
      findings: [
        {
          severity: 'error',
          page: 3,
          quote: '收入总计1464.76万元',
          expected: '1454.76',
          actual: '1464.76',
          message: '表一「收入总计」行为 1454.76 万元',
        },
        { severity: 'error', message: '表五「行政运行」行「合计」列为 298.45 万元', actual: '289.45' },
      ],
    },
  ],
});
