/**
 * Reads YAML or JSON text into plain data plus a map from field path to line, so that every problem
 * can name its line. YAML floats are kept as their source text: an amount like 360.44 must never pass
 * through a binary float.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type ErrorCode as YamlErrorCode,
  type Node,
} from 'yaml';
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';

export interface SourceText {
  data: unknown;
  /** Path such as `tables.t5.rows[2].total` → 1-based line. */
  lines: Map<string, number>;
}

export type PathKey = string | number;

/** Joins a path the way messages print it: `tables.t5.rows[2].total`. */
export function joinPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out === '' ? k : `.${k}`;
  }
  return out;
}

/** Line of a path, or of its nearest ancestor that has one. */
export function lineOfPath(lines: Map<string, number>, path: readonly PathKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(joinPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}

const keepFloatsAsText = (tags: unknown[]) =>
  tags.map((t) => {
    const tag = t as { tag?: string; resolve?: unknown };
    return tag.tag === 'tag:yaml.org,2002:float' ? { ...tag, resolve: (s: string) => s } : t;
  });

export function parseSourceText(textIn: string, file?: string): SourceText {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- yaml's Tags type is not exported in a usable form
    customTags: keepFloatsAsText as any,
  });
  if (doc.errors.length > 0) {
    const problems: InputProblem[] = doc.errors.slice(0, 20).map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, message: yamlErrorText(e.code, e.message) };
    });
    throw new JuesuanError(ErrorCode.BadSyntax, `${file ?? '输入'} 不是有效的 YAML/JSON`, problems);
  }
  const lines = new Map<string, number>();
  const walk = (node: Node | null | undefined, path: PathKey[]): void => {
    if (!node) return;
    if (node.range) lines.set(joinPath(path), lineCounter.linePos(node.range[0]).line);
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const childPath = [...path, key];
        if (keyNode && isScalar(keyNode) && keyNode.range)
          lines.set(joinPath(childPath), lineCounter.linePos(keyNode.range[0]).line);
        walk(item.value as Node | null, childPath);
        if (keyNode && isScalar(keyNode) && keyNode.range)
          lines.set(joinPath(childPath), lineCounter.linePos(keyNode.range[0]).line);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, [...path, i]));
    }
  };
  walk(doc.contents as Node | null, []);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The reader's own message is English ("Excessive alias count …"): said in Chinese instead.
    void e;
    throw new JuesuanError(ErrorCode.BadSyntax, `${file ?? '输入'} 无法解析：别名（alias）过多或循环引用`, [
      { file, message: '文件中的 YAML 别名（&名称 / *名称）展开后过大或互相引用，请改为直接写出内容' },
    ]);
  }
  return { data, lines };
}

/** The parser's error codes said in Chinese (its own messages are English). */
const YAML_ERROR_TEXT: Readonly<Partial<Record<YamlErrorCode, string>>> = {
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

/**
 * A YAML syntax error in Chinese, by the parser's error code. The parser reports an unclosed [ or {
 * as BAD_INDENT (at the line after it), so its English message (`message`, when given) tells those apart.
 */
export function yamlErrorText(code: string, message?: string): string {
  if (code === 'BAD_INDENT' && message !== undefined) {
    if (message.startsWith('Flow sequence')) return '方括号 [ 没有配对的 ]：此行之前的 [ 应在同一行以 ] 结束';
    if (message.startsWith('Flow map')) return '花括号 { 没有配对的 }：此行之前的 { 应在同一行以 } 结束';
  }
  return YAML_ERROR_TEXT[code as YamlErrorCode] ?? '语法错误（缩进、冒号或括号不正确）';
}
