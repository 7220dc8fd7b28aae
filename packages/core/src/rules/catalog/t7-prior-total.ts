import { checkSum } from '../arithmetic.ts';
import { cellRef, hasRows } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-prior-total',
  title: '“三公”经费上年决算数：合计 = 三项之和，公务用车小计 = 购置 + 运行',
  severity: 'error',
  category: 't7',
  basis: '财政拨款“三公”经费支出决算表表式，上年决算数同样适用',
  description:
    '表七给出上年决算数时，检查上年的合计等于三项经费之和、公务用车小计等于购置费与运行（维护）费之和。',
  check(ctx) {
    const t7 = ctx.d.tables.t7;
    if (!hasRows(ctx, t7)) return;
    if (!t7.rows.some((r) => r.prior?.['final'] !== undefined)) {
      ctx.insufficient('表七未给出上年决算数');
      return;
    }
    const hasVehicle = t7.byKey.has('vehicle');
    const vehicleRows = hasVehicle ? ['vehicle'] : ['vehiclePurchase', 'vehicleOperation'];
    checkSum(
      ctx,
      cellRef('t7', 'total', 'final', 'prior'),
      ['abroad', ...vehicleRows, 'reception'].map((r) => cellRef('t7', r, 'final', 'prior')),
      { what: '上年决算数：合计应等于三项经费之和' },
    );
    if (hasVehicle) {
      checkSum(
        ctx,
        cellRef('t7', 'vehicle', 'final', 'prior'),
        [
          cellRef('t7', 'vehiclePurchase', 'final', 'prior'),
          cellRef('t7', 'vehicleOperation', 'final', 'prior'),
        ],
        { what: '上年决算数：公务用车购置及运行（维护）费应等于购置费与运行（维护）费之和' },
      );
    }
  },
};
