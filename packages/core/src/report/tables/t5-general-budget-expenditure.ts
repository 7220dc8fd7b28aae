/**
 * 表五 一般公共预算财政拨款支出决算表: 合计 | 基本支出 | 项目支出 by function 类/款/项; with
 * `t5WithBudget` (Shanghai 2024) the 年初预算数 before the 决算数 — one column when the data gives only
 * the budget total, 合计/基本支出/项目支出 when it splits the budget.
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildClassifiedTable, type AmountLeaf } from './classified-table.ts';
import { label, type HeaderNode } from './table-layout.ts';

const PARTS = [
  { column: 'total', text: g('total') },
  { column: 'basic', text: g('basicExpenditure') },
  { column: 'project', text: g('projectExpenditure') },
] as const;

export function buildGeneralBudgetExpenditureTable(d: Disclosure, profile: ReportProfile): DocTable {
  const parts = PARTS.map((p) => ({ ...p, text: label(profile, 't5', p.column, p.text) }));
  const finalLeaves: AmountLeaf[] = parts.map((p) => ({ key: p.column, column: p.column }));
  if (!profile.tables.t5WithBudget) {
    return buildClassifiedTable(d, profile, {
      id: 't5',
      valueHeader: parts.map((p) => ({ text: p.text })),
      leaves: finalLeaves,
    });
  }
  const splitBudget = d.tables.t5.rows.some(
    (r) => r.budget?.['basic'] !== undefined || r.budget?.['project'] !== undefined,
  );
  const budgetText = label(profile, 't5', 'budget', g('initialBudget'));
  const budgetHeader: HeaderNode = splitBudget
    ? { text: budgetText, children: parts.map((p) => ({ text: p.text })) }
    : { text: budgetText };
  const budgetLeaves: AmountLeaf[] = splitBudget
    ? parts.map((p) => ({ key: `budget.${p.column}`, column: p.column, from: 'budget' }))
    : [{ key: 'budget.total', column: 'total', from: 'budget' }];
  return buildClassifiedTable(d, profile, {
    id: 't5',
    valueHeader: [
      budgetHeader,
      {
        text: label(profile, 't5', 'final', g('finalAmount')),
        children: parts.map((p) => ({ text: p.text })),
      },
    ],
    leaves: [...budgetLeaves, ...finalLeaves],
    landscape: splitBudget,
  });
}
