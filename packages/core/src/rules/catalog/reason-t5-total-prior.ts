import { checkRowReason, REASON_MESSAGES } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'reason-t5-total-prior',
  title: '一般公共预算财政拨款支出合计与上年相比有变动时应说明主要原因',
  severity: 'error',
  category: 'reasons',
  messages: REASON_MESSAGES,
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）；部门决算公开说明“一般公共预算财政拨款支出决算总体情况”模板；DOMAIN.md §5、§6',
  description: '表五合计的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  check(ctx) {
    if (!ctx.settings.reasonsPrior.t5Total) {
      ctx.notApplicable(
        `地区口径（${ctx.settings.id}）不要求说明一般公共预算财政拨款支出与上年相比变动的原因`,
      );
      return;
    }
    checkRowReason(ctx, 't5', 'total', 'total', 'prior', { which: 'prior' });
  },
};
