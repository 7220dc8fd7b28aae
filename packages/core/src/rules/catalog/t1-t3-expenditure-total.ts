import { checkBalance } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-t3-expenditure-total',
  title: '表一与表三：本年支出合计一致',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表间审核关系：表一“本年支出合计”等于表三合计行“本年支出合计”',
  description: '检查表一本年支出合计等于表三合计行的本年支出合计。',
  check(ctx) {
    checkBalance(
      ctx,
      [{ table: 't1', row: 'expenditureTotal', column: 'amount' }],
      [{ table: 't3', row: 'total', column: 'total' }],
      { what: '表一本年支出合计应等于表三合计行本年支出合计' },
    );
  },
};
