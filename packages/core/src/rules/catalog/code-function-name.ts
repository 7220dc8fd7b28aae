import { checkCodeNames, CODE_NAME_MESSAGES, FUNCTION_CODE_TABLES } from '../code-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'code-function-name',
  title: '支出功能分类科目名称应与科目表一致',
  severity: 'error',
  category: 'codes',
  messages: CODE_NAME_MESSAGES,
  basis: '财政部《政府收支分类科目》（当年度）支出功能分类',
  description:
    '表一至表五、表八、表九中写了名称的科目行，名称应与本年度科目表中该编码的名称一致（忽略空格和全角、半角括号的差别）；名称是其他年度的旧名或新名时一并指出。',
  check(ctx) {
    checkCodeNames(ctx, 'function', FUNCTION_CODE_TABLES);
  },
};
