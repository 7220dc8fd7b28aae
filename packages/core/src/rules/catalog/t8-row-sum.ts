import { checkFundRowSum } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't8-row-sum',
  title: '表八每行：本年支出合计 = 基本支出 + 项目支出',
  severity: 'error',
  category: 't8',
  basis: '部门决算报表编制说明：本年支出合计等于基本支出与项目支出之和',
  description: '对表八的合计行和每个科目行，检查本年支出合计等于基本支出与项目支出之和（未列出的列不检查）。',
  check(ctx) {
    checkFundRowSum(ctx, 't8');
  },
};
