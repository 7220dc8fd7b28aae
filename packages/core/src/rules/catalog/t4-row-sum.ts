import { checkRowSums } from '../table-checks.ts';
import { T4_FUND_COLUMNS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't4-row-sum',
  title: '财政拨款收入支出决算总表每行：合计 = 三类财政拨款之和',
  severity: 'error',
  category: 't4',
  basis:
    '部门决算报表表内审核关系：表四各行“合计”等于一般公共预算、政府性基金预算、国有资本经营预算财政拨款之和',
  description: '对表四每一行，检查合计列等于一般公共预算、政府性基金预算、国有资本经营预算三列之和。',
  check(ctx) {
    const table = ctx.d.tables.t4;
    if (table.rows.length === 0) {
      ctx.insufficient('表四没有数据行');
      return;
    }
    checkRowSums(ctx, table, 'total', T4_FUND_COLUMNS, { what: '合计应等于三类财政拨款之和' });
  },
};
