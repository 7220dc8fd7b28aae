import { checkSum } from '../arithmetic.ts';
import { cellRef, hasRows } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-total',
  title: '“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费',
  severity: 'error',
  category: 't7',
  basis:
    '财政拨款“三公”经费支出决算表表式：合计 = 因公出国（境）费 + 公务用车购置及运行（维护）费 + 公务接待费',
  description:
    '对表七的预算数和决算数分别检查：合计等于因公出国（境）费、公务用车购置及运行（维护）费小计（未列小计时为购置费与运行费）、公务接待费之和。',
  check(ctx) {
    const t7 = ctx.d.tables.t7;
    if (!hasRows(ctx, t7)) return;
    const vehicleRows = t7.byKey.has('vehicle') ? ['vehicle'] : ['vehiclePurchase', 'vehicleOperation'];
    const parts = ['abroad', ...vehicleRows, 'reception'];
    for (const col of ['budget', 'final']) {
      checkSum(
        ctx,
        cellRef('t7', 'total', col),
        parts.map((r) => cellRef('t7', r, col)),
        {
          what: `${col === 'budget' ? '预算数' : '决算数'}：合计应等于三项经费之和`,
        },
      );
    }
  },
};
