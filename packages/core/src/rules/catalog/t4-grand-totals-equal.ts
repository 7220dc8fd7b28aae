import { checkBalance } from '../arithmetic.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const COLUMNS = TABLE_SPECS.t4.columns.map((c) => c.id);

export const rule: Rule = {
  id: 't4-grand-totals-equal',
  title: '财政拨款收入支出决算总表：收入总计 = 支出总计',
  severity: 'error',
  category: 't4',
  basis: '部门决算报表表内审核关系：表四收入总计与支出总计相等（各列分别检查）',
  description: '对表四每一列，检查收入方总计与支出方总计相等。',
  check(ctx) {
    for (const c of COLUMNS) {
      checkBalance(
        ctx,
        [{ table: 't4', row: 'incomeGrandTotal', column: c }],
        [{ table: 't4', row: 'expenditureGrandTotal', column: c }],
        {
          what: '收入总计应等于支出总计',
        },
      );
    }
  },
};
