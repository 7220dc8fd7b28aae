import { checkBalance } from '../arithmetic.ts';
import { T1_FISCAL_ROWS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-t2-fiscal',
  title: '表一与表二：三项财政拨款收入之和 = 表二财政拨款收入',
  severity: 'error',
  category: 't1',
  basis:
    '部门决算报表表间审核关系：表一一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入之和等于表二合计行“财政拨款收入”',
  description: '检查表一三个财政拨款收入行合计等于表二合计行的财政拨款收入。',
  check(ctx) {
    // T2 on the left so the message lists each T1 row with its amount.
    checkBalance(
      ctx,
      [{ table: 't2', row: 'total', column: 'fiscal' }],
      T1_FISCAL_ROWS.map((row) => ({ table: 't1' as const, row, column: 'amount' })),
      { what: '表二财政拨款收入应等于表一三项财政拨款收入之和' },
    );
  },
};
