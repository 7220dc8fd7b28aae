import { checkFundContinuity } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'carryover-t9-continuity',
  title: '表九年初结转和结余 = 上年年末结转和结余',
  severity: 'error',
  category: 'carryover',
  basis: '部门决算报表审核关系：相邻年度，本年年初结转和结余 = 上年年末结转和结余',
  description:
    '表九合计行给出上年决算数时，检查本年年初结转和结余等于上年的年末结转和结余（“年末结转和结余”列的上年决算数）。',
  check(ctx) {
    checkFundContinuity(ctx, 't9');
  },
};
