import { checkCodeNames, CODE_NAME_MESSAGES, ECONOMIC_CODE_TABLES } from '../code-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'code-economic-name',
  title: '经济分类科目名称应与科目表一致',
  severity: 'error',
  category: 'codes',
  messages: CODE_NAME_MESSAGES,
  basis: '财政部《政府收支分类科目》（当年度）部门预算支出经济分类',
  description:
    '表六中写了名称的经济分类科目行，名称应与本年度科目表中该编码的名称一致（忽略空格和全角、半角括号的差别）。',
  check(ctx) {
    checkCodeNames(ctx, 'economic', ECONOMIC_CODE_TABLES);
  },
};
