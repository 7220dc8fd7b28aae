import { checkBalance } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't4-t2-fiscal-income',
  title: '表四与表二：财政拨款本年收入合计 = 表二财政拨款收入',
  severity: 'error',
  category: 't4',
  basis: '部门决算报表表间审核关系：表四本年收入合计（合计列）等于表二合计行“财政拨款收入”',
  description: '检查表四本年收入合计的合计列等于表二合计行的财政拨款收入。',
  check(ctx) {
    checkBalance(
      ctx,
      [{ table: 't4', row: 'incomeTotal', column: 'total' }],
      [{ table: 't2', row: 'total', column: 'fiscal' }],
      {
        what: '表四本年收入合计应等于表二财政拨款收入',
      },
    );
  },
};
