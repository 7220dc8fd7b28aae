import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t1-totals-prior',
    title: '收入总计、支出总计与上年相比有变动时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应对重要事项作出说明；部门决算公开说明“收入支出决算总体情况说明”模板',
    description:
      '表一收入总计、支出总计的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  },
  {
    requirement: { compare: 'prior', setting: 't1Totals' },
    subjects: {
      kind: 'rows',
      table: 't1',
      rows: ['incomeGrandTotal', 'expenditureGrandTotal'],
      column: 'amount',
    },
    notRequired: '说明收支总计与上年相比变动的原因',
  },
);
