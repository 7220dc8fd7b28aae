import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t4-totals-budget',
    title: '财政拨款收入总计、支出总计与年初预算有差异时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应对决算数与预算数的差异作出说明；部门决算公开说明“与年初预算数相比情况”模板',
    description:
      '表四收入总计、支出总计（合计列）的决算数与年初预算数不同时，应写明差异的主要原因（按地区口径要求）。',
  },
  {
    requirement: { compare: 'budget', setting: 't4Totals' },
    subjects: {
      kind: 'rows',
      table: 't4',
      rows: ['incomeGrandTotal', 'expenditureGrandTotal'],
      column: 'total',
    },
    notRequired: '说明财政拨款收支总计与年初预算的差异原因',
  },
);
