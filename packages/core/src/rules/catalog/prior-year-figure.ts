import { checkAgainstPreviousYear } from '../../years/carried-rule.ts';
import type { Rule } from '../types.ts';
import { CARRIED_MESSAGES } from '../../years/carried-figures.ts';

export const rule: Rule = {
  id: 'prior-year-figure',
  title: '本年列出的上年数 = 上年公开的决算数',
  severity: 'warning',
  category: 'carryover',
  messages: CARRIED_MESSAGES,
  basis: '部门决算报表审核关系：本年公开中的上年数应与上年公开的决算数一致',
  description:
    '给出上年数据时，检查本年各表列出的上年决算数和机关运行经费上年数等于上年数据中同一行、同一列的决算数；四舍五入允许范围内的差额为提示。',
  check(ctx) {
    checkAgainstPreviousYear(ctx, 'prior-year-figure', '本年数据没有列出上年数，或上年数据没有对应的行');
  },
};
