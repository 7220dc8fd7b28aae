import { fieldLocation } from '../cells.ts';
import { applyReason, REASON_MESSAGES } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'reason-admin-cost-prior',
  title: '机关运行经费与上年相比有变动时应说明主要原因',
  severity: 'error',
  category: 'reasons',
  messages: REASON_MESSAGES,
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应公开机关运行经费并作出说明；部门决算公开说明“其他重要事项的情况说明（一）机关运行经费支出情况”模板；DOMAIN.md §5、§6',
  description: '机关运行经费的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  check(ctx) {
    if (!ctx.settings.reasonsPrior.adminCost) {
      ctx.notApplicable(`地区口径（${ctx.settings.id}）不要求说明机关运行经费与上年相比变动的原因`);
      return;
    }
    const a = ctx.d.adminCost;
    if (!a) {
      ctx.insufficient('缺少机关运行经费（adminCost）');
      return;
    }
    const d = ctx.d;
    const line = a.source?.line;
    applyReason(ctx, {
      kind: 'prior',
      current: a.amount,
      base: a.prior,
      reason: a.reasons?.prior,
      names: () => ({ label: '机关运行经费', currentName: '本年决算数', baseName: '上年决算数' }),
      locations: () => [
        fieldLocation(d, 'adminCost.amount', '机关运行经费（本年决算数）', a.amount, line),
        fieldLocation(d, 'adminCost.prior', '机关运行经费（上年决算数）', a.prior, line),
        fieldLocation(d, 'adminCost.reasons.prior', '机关运行经费 主要原因（与上年相比）', undefined, line),
      ],
    });
  },
};
