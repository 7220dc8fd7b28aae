import { checkCodesKnown, CODE_KNOWN_MESSAGES, ECONOMIC_CODE_TABLES } from '../code-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'code-economic-known',
  title: '经济分类科目编码应在本年度科目表中',
  severity: 'error',
  category: 'codes',
  messages: CODE_KNOWN_MESSAGES,
  basis: '财政部《政府收支分类科目》（当年度）部门预算支出经济分类',
  description:
    '表六的每个部门预算支出经济分类编码（类、款）都应列在本年度科目表中。内置科目表中没有的编码记为警告（内置表未与官方科目表逐条核对）；导入了该年度官方科目表时才报错。',
  check(ctx) {
    checkCodesKnown(ctx, 'economic', ECONOMIC_CODE_TABLES);
  },
};
