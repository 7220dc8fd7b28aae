import { checkFundRowBalance } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't9-row-balance',
  title: '表九每行：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余',
  severity: 'error',
  category: 't9',
  basis: '部门决算报表编制说明：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
  description:
    '对表九的合计行和每个科目行，检查年初结转和结余与本年收入之和等于本年支出合计与年末结转和结余之和；中央口径表九只公开支出时，不检查未列出的年初、收入、年末各列。',
  check(ctx) {
    checkFundRowBalance(ctx, 't9');
  },
};
