/**
 * A data file that is not valid YAML/JSON, said in Chinese with the line and column of each error
 * (the parser's own text is English): checked before the file goes to core, on the import paths.
 */
import { parseDocument, type ErrorCode } from 'yaml';
import { ApiError, ApiErrorCode } from '../errors.ts';

const WORDS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: '字段重复出现（同一层级的字段名必须唯一）',
  BAD_INDENT: '缩进不正确：同一层级的字段应对齐，下一层级多缩进两个空格',
  TAB_AS_INDENT: '缩进用了 Tab 键：请改用空格',
  BLOCK_AS_IMPLICIT_KEY: '字段名（冒号前的部分）写法不对：可能少了冒号，或缩进不对',
  MULTILINE_IMPLICIT_KEY: '字段名（冒号前的部分）必须写在一行内：可能少了冒号，或缩进不对',
  MISSING_CHAR: '缺少配对的括号、引号或冒号',
  UNEXPECTED_TOKEN: '这里出现了不该有的符号（多余的逗号、括号或冒号）',
  BAD_SCALAR_START: '值的开头符号不对：以 @、` 等符号开头的文字请加引号',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对（如 \\ 后的字母）',
  BLOCK_IN_FLOW: '方括号或花括号中不能换行写下一层级',
  MULTIPLE_DOCS: '一个文件中只能有一份数据（不要用 --- 分隔多份）',
  KEY_OVER_1024_CHARS: '字段名过长',
  BAD_ALIAS: '引用（*名称）写法不对',
  RESOURCE_EXHAUSTION: '引用（*名称）过多',
};

/** Throws E_BAD_DATA_FILE naming each syntax error by line and column; returns when the text parses. */
export function assertValidYaml(text: string, fileName: string): void {
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { uniqueKeys: true });
  if (doc.errors.length === 0) return;
  const problems = doc.errors.slice(0, 20).map((e) => {
    const at = e.linePos?.[0];
    const where = at ? `第 ${at.line} 行第 ${at.col} 列` : '';
    const what = WORDS[e.code] ?? '语法错误（缩进、冒号或括号不正确）';
    return { ...(at ? { line: at.line } : {}), message: `${where ? `${where}：` : ''}${what}`, where };
  });
  const first = problems[0]!;
  throw new ApiError(
    ApiErrorCode.BadDataFile,
    `数据文件无法读入：${fileName} 不是有效的 YAML/JSON。${first.message}${problems.length > 1 ? `（共 ${problems.length} 处）` : ''}`,
    { problems: problems.map((p) => ({ message: p.message })) },
  );
}
