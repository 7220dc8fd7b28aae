/**
 * A data file that is not valid YAML/JSON, said in Chinese with the line and column of each error
 * in core's wording (yamlErrorText; the parser's own text is English): checked before the file goes to core.
 */
import { yamlErrorText } from '@juesuan/core';
import { parseDocument } from 'yaml';
import { ApiError, ApiErrorCode } from '../errors.ts';

/** Throws E_BAD_DATA_FILE naming each syntax error by line and column; returns when the text parses. */
export function assertValidYaml(text: string, fileName: string): void {
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { uniqueKeys: true });
  if (doc.errors.length === 0) return;
  const problems = doc.errors.slice(0, 20).map((e) => {
    const at = e.linePos?.[0];
    const where = at ? `第 ${at.line} 行第 ${at.col} 列` : '';
    const what = yamlErrorText(e.code);
    return { ...(at ? { line: at.line } : {}), message: `${where ? `${where}：` : ''}${what}`, where };
  });
  const first = problems[0]!;
  throw new ApiError(
    ApiErrorCode.BadDataFile,
    `数据文件无法读入：${fileName} 不是有效的 YAML/JSON。${first.message}${problems.length > 1 ? `（共 ${problems.length} 处）` : ''}`,
    { problems: problems.map((p) => ({ message: p.message })) },
  );
}
