import { checkRowReason, REASON_MESSAGES } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'reason-t5-items-prior',
  title: '一般公共预算财政拨款支出各项与上年相比有变动时应说明主要原因',
  severity: 'error',
  category: 'reasons',
  messages: REASON_MESSAGES,
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：一般公共预算支出应公开到功能分类项级科目并说明；部门决算公开说明“一般公共预算财政拨款支出决算具体情况”模板；DOMAIN.md §5、§6',
  description: '表五每个项级科目的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  check(ctx) {
    if (!ctx.settings.reasonsPrior.t5Items) {
      ctx.notApplicable(
        `地区口径（${ctx.settings.id}）不要求逐项说明一般公共预算财政拨款支出与上年相比变动的原因`,
      );
      return;
    }
    let items = 0;
    for (const row of ctx.d.tables.t5.rows) {
      if (row.level !== '项') continue;
      items++;
      checkRowReason(ctx, 't5', row.key, 'total', 'prior', { which: 'prior' });
    }
    if (items === 0) ctx.insufficient('表五未列出项级科目');
  },
};
