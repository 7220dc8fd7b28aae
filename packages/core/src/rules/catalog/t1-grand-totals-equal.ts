import { checkBalance } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-grand-totals-equal',
  title: '收入支出决算总表：收入总计 = 支出总计',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表内审核关系：表一收入总计与支出总计相等（收支平衡）',
  description: '检查表一收入方“总计”与支出方“总计”相等。',
  check(ctx) {
    checkBalance(
      ctx,
      [{ table: 't1', row: 'incomeGrandTotal', column: 'amount' }],
      [{ table: 't1', row: 'expenditureGrandTotal', column: 'amount' }],
      { what: '收入总计应等于支出总计' },
    );
  },
};
