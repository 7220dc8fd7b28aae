import { checkBalance } from '../arithmetic.ts';
import { cellLabel } from '../cells.ts';
import { cellRef } from '../fiscal-table-checks.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'carryover-fiscal-continuity',
  title: '表四年初财政拨款结转和结余 = 上年年末财政拨款结转和结余（各列）',
  severity: 'error',
  category: 'carryover',
  basis: '部门决算报表审核关系：相邻年度，本年年初结转和结余 = 上年年末结转和结余',
  description:
    '表四“年末财政拨款结转和结余”行给出上年决算数时，按合计、一般公共预算、政府性基金预算、国有资本经营预算各列检查本年年初数等于上年年末数。',
  check(ctx) {
    const closing = ctx.d.tables.t4.byKey.get('closingCarryover');
    if (!closing?.prior) {
      ctx.insufficient('表四「年末财政拨款结转和结余」行未给出上年决算数');
      return;
    }
    for (const { id } of TABLE_SPECS.t4.columns) {
      if (closing.prior[id] === undefined) {
        ctx.insufficient(`缺少${cellLabel(ctx.d, cellRef('t4', 'closingCarryover', id, 'prior'))}`);
        continue;
      }
      checkBalance(
        ctx,
        [cellRef('t4', 'openingCarryover', id)],
        [cellRef('t4', 'closingCarryover', id, 'prior')],
        {
          what: '本年年初财政拨款结转和结余应等于上年年末财政拨款结转和结余',
        },
      );
    }
  },
};
