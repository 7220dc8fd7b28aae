import { checkBalance } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-t2-income-total',
  title: '表一与表二：本年收入合计一致',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表间审核关系：表一“本年收入合计”等于表二合计行“本年收入合计”',
  description: '检查表一本年收入合计等于表二合计行的本年收入合计。',
  check(ctx) {
    checkBalance(
      ctx,
      [{ table: 't1', row: 'incomeTotal', column: 'amount' }],
      [{ table: 't2', row: 'total', column: 'total' }],
      { what: '表一本年收入合计应等于表二合计行本年收入合计' },
    );
  },
};
