import { checkBalance } from '../arithmetic.ts';
import { cellRef } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'carryover-continuity',
  title: '表一年初结转和结余 = 上年年末结转和结余',
  severity: 'error',
  category: 'carryover',
  basis: '部门决算报表审核关系：相邻年度，本年年初结转和结余 = 上年年末结转和结余',
  description: '表一“年末结转和结余”行给出上年决算数时，检查本年“年初结转和结余”等于该上年数。',
  check(ctx) {
    const closing = ctx.d.tables.t1.byKey.get('closingCarryover');
    if (closing?.prior?.['amount'] === undefined) {
      ctx.insufficient('表一「年末结转和结余」行未给出上年决算数');
      return;
    }
    checkBalance(
      ctx,
      [cellRef('t1', 'openingCarryover', 'amount')],
      [cellRef('t1', 'closingCarryover', 'amount', 'prior')],
      {
        what: '本年年初结转和结余应等于上年年末结转和结余',
      },
    );
  },
};
