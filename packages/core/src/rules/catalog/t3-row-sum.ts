import { checkRowSums } from '../table-checks.ts';
import { T3_PART_COLUMNS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't3-row-sum',
  title: '支出决算表每行：本年支出合计 = 各项支出之和',
  severity: 'error',
  category: 't3',
  basis:
    '部门决算报表表内审核关系：表三各行“本年支出合计”等于基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和',
  description: '对表三的合计行和每个科目行，检查本年支出合计等于五列支出之和（按四舍五入区间规则）。',
  check(ctx) {
    const table = ctx.d.tables.t3;
    if (table.rows.length === 0) {
      ctx.insufficient('表三没有数据行');
      return;
    }
    checkRowSums(ctx, table, 'total', T3_PART_COLUMNS, { what: '本年支出合计应等于各项支出之和' });
  },
};
