import { checkBalance } from '../arithmetic.ts';
import { T4_FUND_COLUMNS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't4-t1-fiscal-income',
  title: '表四与表一：各类财政拨款本年收入一致',
  severity: 'error',
  category: 't4',
  basis:
    '部门决算报表表间审核关系：表四本年收入的一般公共预算、政府性基金预算、国有资本经营预算财政拨款分别等于表一对应收入行',
  description:
    '逐类检查表四本年收入合计行的三类财政拨款等于表一的一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入。',
  check(ctx) {
    for (const c of T4_FUND_COLUMNS) {
      checkBalance(
        ctx,
        [{ table: 't4', row: 'incomeTotal', column: c }],
        [{ table: 't1', row: c, column: 'amount' }],
        {
          what: '表四本年收入应等于表一对应财政拨款收入',
        },
      );
    }
  },
};
