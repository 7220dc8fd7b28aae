import { checkSum } from '../arithmetic.ts';
import { cellRef, hasRows } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-vehicle-subtotal',
  title: '公务用车购置及运行（维护）费 = 购置费 + 运行（维护）费',
  severity: 'error',
  category: 't7',
  basis:
    '财政拨款“三公”经费支出决算表表式：公务用车购置及运行（维护）费 = 公务用车购置费 + 公务用车运行（维护）费',
  description:
    '对表七的预算数和决算数分别检查：公务用车购置及运行（维护）费小计等于购置费与运行（维护）费之和。',
  check(ctx) {
    const t7 = ctx.d.tables.t7;
    if (!hasRows(ctx, t7)) return;
    if (!t7.byKey.has('vehicle')) {
      ctx.insufficient('表七未列出「公务用车购置及运行（维护）费」小计行');
      return;
    }
    for (const col of ['budget', 'final']) {
      checkSum(
        ctx,
        cellRef('t7', 'vehicle', col),
        [cellRef('t7', 'vehiclePurchase', col), cellRef('t7', 'vehicleOperation', col)],
        {
          what: `${col === 'budget' ? '预算数' : '决算数'}：公务用车购置及运行（维护）费应等于购置费与运行（维护）费之和`,
        },
      );
    }
  },
};
