import { hasRows } from '../fiscal-table-checks.ts';
import { checkRowSums } from '../table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't5-row-sum',
  title: '一般公共预算财政拨款支出决算表每行：合计 = 基本支出 + 项目支出',
  severity: 'error',
  category: 't5',
  basis: '部门决算报表编制说明：表五各行“合计”等于基本支出与项目支出之和',
  description: '对表五的合计行和每个科目行，检查合计列等于基本支出与项目支出之和（按四舍五入区间规则）。',
  check(ctx) {
    const t5 = ctx.d.tables.t5;
    if (!hasRows(ctx, t5)) return;
    checkRowSums(ctx, t5, 'total', ['basic', 'project'], { what: '合计应等于基本支出与项目支出之和' });
  },
};
