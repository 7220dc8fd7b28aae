/**
 * A small strict reader of the HTML and SVG our writers produce, for tests: it builds an element tree
 * and reports what a lenient browser would silently repair — unbalanced or misnested tags, unquoted
 * attributes, a raw "<" or a bare "&" in text. It is not a general HTML parser (no implied end tags).
 */

export interface MarkupElement {
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
}
export type MarkupNode = MarkupElement | string;

export interface MarkupResult {
  root: MarkupElement;
  errors: string[];
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['style', 'script']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string, errors: string[], where: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) {
      errors.push(`位置 ${where}：未转义的 "&"`);
      return whole;
    }
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED_ENTITIES[body];
    if (named === undefined) errors.push(`位置 ${where}：未知实体 &${body};`);
    return named ?? whole;
  });
}

const ATTR_RE = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;

function parseAttrs(source: string, errors: string[], where: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  while (i < source.length) {
    if (/^\s*$/.test(source.slice(i))) break;
    ATTR_RE.lastIndex = i;
    const m = ATTR_RE.exec(source);
    if (!m || m[0] === '') {
      errors.push(`位置 ${where}：无法解析的属性「${source.slice(i)}」`);
      break;
    }
    const name = m[1] ?? '';
    if (m[4] !== undefined) errors.push(`位置 ${where}：属性 ${name} 的值没有引号`);
    if (name in attrs) errors.push(`位置 ${where}：重复的属性 ${name}`);
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', errors, where);
    i = ATTR_RE.lastIndex;
  }
  return attrs;
}

/**
 * Reads `markup`; `mode: 'html'` knows HTML void elements and raw-text elements, `'xml'` requires
 * every element to be closed (or self-closed).
 */
export function parseMarkup(markup: string, mode: 'html' | 'xml' = 'html'): MarkupResult {
  const errors: string[] = [];
  const root: MarkupElement = { name: '#root', attrs: {}, children: [] };
  const stack: MarkupElement[] = [root];
  let i = 0;
  const top = (): MarkupElement => stack[stack.length - 1] ?? root;
  const pushText = (text: string, where: number) => {
    if (text === '') return;
    top().children.push(decodeEntities(text, errors, where));
  };
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    if (lt < 0) {
      pushText(markup.slice(i), i);
      break;
    }
    pushText(markup.slice(i, lt), i);
    if (markup.startsWith('<!--', lt)) {
      const end = markup.indexOf('-->', lt + 4);
      if (end < 0) {
        errors.push(`位置 ${lt}：注释没有结束`);
        break;
      }
      i = end + 3;
      continue;
    }
    if (markup.startsWith('<![CDATA[', lt)) {
      const end = markup.indexOf(']]>', lt);
      if (end < 0) {
        errors.push(`位置 ${lt}：CDATA 没有结束`);
        break;
      }
      top().children.push(markup.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    if (markup.startsWith('<!', lt) || markup.startsWith('<?', lt)) {
      const end = markup.indexOf('>', lt);
      i = end < 0 ? markup.length : end + 1;
      continue;
    }
    const close = /^<\/([A-Za-z][\w:-]*)\s*>/.exec(markup.slice(lt, lt + 200));
    if (close) {
      const name = close[1] ?? '';
      const open = top();
      if (open.name !== name) {
        errors.push(`位置 ${lt}：结束标签 </${name}> 与打开的 <${open.name}> 不匹配`);
        // Recover: pop to the matching element if there is one.
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
      } else stack.pop();
      i = lt + close[0].length;
      continue;
    }
    const openTag =
      /^<([A-Za-z][\w:-]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/.exec(
        markup.slice(lt),
      );
    if (!openTag) {
      errors.push(`位置 ${lt}：未转义的 "<"`);
      top().children.push('<');
      i = lt + 1;
      continue;
    }
    const name = openTag[1] ?? '';
    const element: MarkupElement = { name, attrs: parseAttrs(openTag[2] ?? '', errors, lt), children: [] };
    top().children.push(element);
    i = lt + openTag[0].length;
    const selfClosed = openTag[3] === '/';
    if (selfClosed || (mode === 'html' && VOID_ELEMENTS.has(name.toLowerCase()))) continue;
    if (mode === 'html' && RAW_TEXT.has(name.toLowerCase())) {
      const end = markup.indexOf(`</${name}`, i);
      if (end < 0) {
        errors.push(`位置 ${lt}：<${name}> 没有结束`);
        break;
      }
      element.children.push(markup.slice(i, end));
      const gt = markup.indexOf('>', end);
      i = gt < 0 ? markup.length : gt + 1;
      continue;
    }
    stack.push(element);
  }
  for (const open of stack.slice(1)) errors.push(`<${open.name}> 没有结束标签`);
  return { root, errors };
}

/** All elements named `name` under `node`, in document order. */
export function findAll(node: MarkupElement, name: string): MarkupElement[] {
  const out: MarkupElement[] = [];
  const walk = (n: MarkupElement) => {
    for (const child of n.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The concatenated text under `node` (entities decoded). */
export function textContent(node: MarkupNode): string {
  if (typeof node === 'string') return node;
  return node.children.map(textContent).join('');
}
