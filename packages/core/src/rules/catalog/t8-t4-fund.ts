import { checkFundAgainstT4, FUND_T4_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't8-t4-fund',
  title: '表八合计 = 表四政府性基金预算财政拨款列',
  severity: 'error',
  category: 't8',
  messages: FUND_T4_MESSAGES,
  basis: '部门决算报表审核关系：表八合计 = 表四的政府性基金预算财政拨款列',
  description:
    '检查表八合计行的年初结转和结余、本年收入、本年支出合计、年末结转和结余分别等于表四对应行的“政府性基金预算财政拨款”列；表八为空表时表四该列应全为零。',
  check(ctx) {
    checkFundAgainstT4(ctx, 't8');
  },
};
