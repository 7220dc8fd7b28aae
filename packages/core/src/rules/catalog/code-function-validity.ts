import {
  builtinYearsWithCode,
  codeLabel,
  codeUses,
  FUNCTION_CODE_TABLES,
  noCatalogue,
  rowLocation,
  validityText,
} from '../code-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'code-function-validity',
  title: '支出功能分类科目应在本年度有效',
  severity: 'error',
  category: 'codes',
  messages: {
    'other-year': '支出功能分类科目{code}不在 {year} 年度科目表中：{validity}',
    'other-year-builtin':
      '支出功能分类科目{code}不在 {year} 年度科目表中：{validity}（据内置科目表，未与官方科目表逐条核对；可导入官方科目表再校验）',
  },
  basis: '财政部《政府收支分类科目》逐年修订（如 2024 年增设 20139 社会工作事务）',
  description:
    '本年度科目表中没有、但其他年度的内置科目表列有的支出功能分类编码，是用错了年度的科目：指出该科目自哪年起设立或已于哪年取消。按内置科目表判断时为警告，导入了该年度官方科目表时为错误。',
  check(ctx) {
    const uses = codeUses(ctx, FUNCTION_CODE_TABLES);
    if (uses.size === 0) {
      ctx.notApplicable('表中没有科目行');
      return;
    }
    const cat = ctx.catalogues.function;
    if (!cat) {
      noCatalogue(ctx, 'function');
      return;
    }
    const year = ctx.d.year;
    for (const [code, list] of uses) {
      ctx.ran();
      if (cat.entries.has(code)) continue;
      const years = builtinYearsWithCode('function', code, year);
      if (years.length === 0) continue; // unknown in every year: code-function-known reports it
      ctx.report({
        messageId: cat.complete ? 'other-year' : 'other-year-builtin',
        data: { code: codeLabel(code, list), year, validity: validityText(years, year) },
        location: list.map((u) => rowLocation(u.table, u.row)),
        actual: code,
        ...(cat.complete ? {} : { severity: 'warning' as const }), // built-in lists are unverified
      });
    }
  },
};
