import { checkFundAgainstT4, FUND_T4_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't9-t4-capital',
  title: '表九合计 = 表四国有资本经营预算财政拨款列',
  severity: 'error',
  category: 't9',
  messages: FUND_T4_MESSAGES,
  basis: '部门决算报表审核关系：表九合计 = 表四的国有资本经营预算财政拨款列',
  description:
    '检查表九合计行的年初结转和结余、本年收入、本年支出合计、年末结转和结余分别等于表四对应行的“国有资本经营预算财政拨款”列；表九为空表时表四该列应全为零；中央口径表九只公开支出时，不检查未列出的年初、收入、年末各列。',
  check(ctx) {
    checkFundAgainstT4(ctx, 't9');
  },
};
