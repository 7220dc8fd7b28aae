import { checkRowReason, REASON_MESSAGES } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'reason-t4-totals-budget',
  title: '财政拨款收入总计、支出总计与年初预算有差异时应说明主要原因',
  severity: 'error',
  category: 'reasons',
  messages: REASON_MESSAGES,
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应对决算数与预算数的差异作出说明；部门决算公开说明“与年初预算数相比情况”模板；DOMAIN.md §5、§6',
  description:
    '表四收入总计、支出总计（合计列）的决算数与年初预算数不同时，应写明差异的主要原因（按地区口径要求）。',
  check(ctx) {
    if (!ctx.settings.reasonsBudget.t4Totals) {
      ctx.notApplicable(`地区口径（${ctx.settings.id}）不要求说明财政拨款收支总计与年初预算的差异原因`);
      return;
    }
    for (const key of ['incomeGrandTotal', 'expenditureGrandTotal']) {
      checkRowReason(ctx, 't4', key, 'total', 'budget', { which: 'budget' });
    }
  },
};
