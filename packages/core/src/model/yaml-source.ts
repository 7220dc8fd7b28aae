/**
 * Reads YAML or JSON text into plain data plus a map from field path to line, so that every problem
 * can name its line. YAML floats are kept as their source text: an amount like 360.44 must never pass
 * through a binary float.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
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
      return { file, line: pos.line, column: pos.col, message: translateYamlError(e.code, e.message) };
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
    throw new JuesuanError(ErrorCode.BadSyntax, `${file ?? '输入'} 无法解析：${(e as Error).message}`, [
      { file, message: '别名（alias）过多或循环引用' },
    ]);
  }
  return { data, lines };
}

function translateYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '字段重复出现（同一层级的键必须唯一）';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `语法错误（缩进、冒号或括号不正确）：${message.split('\n')[0]}`;
    case 'TAB_AS_INDENT':
      return '不能用制表符（Tab）缩进，请用空格';
    case 'BAD_SCALAR_START':
      return `值的开头字符不合法：${message.split('\n')[0]}`;
    default:
      return `语法错误：${message.split('\n')[0]}`;
  }
}
