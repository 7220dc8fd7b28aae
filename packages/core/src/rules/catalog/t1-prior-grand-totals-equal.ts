import { checkBalance } from '../arithmetic.ts';
import { cellRef } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-prior-grand-totals-equal',
  title: '收入支出决算总表上年决算数：收入总计 = 支出总计',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表内审核关系：表一收入总计与支出总计相等（收支平衡），上年决算数亦然',
  description:
    '表一给出上年决算数时，检查上年的收入总计与支出总计相等：上年数抄错或只改了一方，说明中的“比上年增减”就会各说各的。',
  check(ctx) {
    checkBalance(
      ctx,
      [cellRef('t1', 'incomeGrandTotal', 'amount', 'prior')],
      [cellRef('t1', 'expenditureGrandTotal', 'amount', 'prior')],
      { what: '上年决算数：收入总计应等于支出总计' },
    );
  },
};
