import { checkAgainstPreviousYear } from '../../years/carried-rule.ts';
import type { Rule } from '../types.ts';
import { CARRIED_MESSAGES } from '../../years/carried-figures.ts';

export const rule: Rule = {
  id: 'carryover-previous-year',
  title: '年初结转和结余 = 上年数据的年末结转和结余',
  severity: 'error',
  category: 'carryover',
  messages: CARRIED_MESSAGES,
  basis: '部门决算报表审核关系：相邻年度，本年年初结转和结余 = 上年年末结转和结余',
  description:
    '给出上年数据（上年数据文件或上年公开文本）时，检查本年表一、表四（分资金性质）、表八、表九的年初结转和结余等于上年数据的年末结转和结余；发现同时指明两份数据的单元格。',
  check(ctx) {
    checkAgainstPreviousYear(ctx, 'carryover-previous-year', '本年与上年数据都没有可对照的结转和结余');
  },
};
