import { checkCodesKnown, CODE_KNOWN_MESSAGES, FUNCTION_CODE_TABLES } from '../code-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'code-function-known',
  title: '支出功能分类科目编码应在本年度科目表中',
  severity: 'error',
  category: 'codes',
  messages: CODE_KNOWN_MESSAGES,
  basis: '财政部《政府收支分类科目》（当年度）支出功能分类',
  description:
    '表一至表五、表八、表九的每个支出功能分类编码都应列在本年度科目表中。内置科目表未与官方科目表逐条核对，只含类、款和常用项：其中没有的项记为数据不足，没有的类、款记为警告并提示导入官方科目表；导入了该年度官方科目表时，表中没有的编码才报错。只在其他年度有效的编码由 code-function-validity 报告。',
  check(ctx) {
    checkCodesKnown(ctx, 'function', FUNCTION_CODE_TABLES);
  },
};
