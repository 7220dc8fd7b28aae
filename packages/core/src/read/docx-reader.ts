/**
 * DOCX → TextDocument: the paragraphs of word/document.xml in order, one line per paragraph (a w:br line break starts
 * another line), and the tables both as lines (one per row) and as SourceTable rows with merged cells laid out on the
 * table grid. Pages are approximate (a DOCX has no pages until it is laid out): a new page starts at an explicit page
 * break (w:br w:type="page", w:pageBreakBefore), at Word's own record of where it broke the page when it last laid the
 * document out (w:lastRenderedPageBreak), and after a section break that is not continuous.
 * ECMA-376 Part 1, §17.3 (paragraphs and runs), §17.4 (tables).
 */
import type JSZip from 'jszip';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { normaliseText } from './normalise.ts';
import type { SourceTable, TextDocument, TextLine, TextPage } from './text-document.ts';

/** Largest DOCX read (bytes), and largest uncompressed document.xml (a guard against zip bombs). */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
export const MAX_DOCX_XML_CHARS = 200 * 1024 * 1024;

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const TOKEN_RE =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A small non-validating XML parser: enough for WordprocessingML (elements, attributes, text, CDATA, entities). */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN_RE)) {
    const top = stack[stack.length - 1]!;
    const [, cdata, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) top.children.push(decodeEntities(text));
    else if (cdata !== undefined) top.children.push(cdata);
    else if (name !== undefined) {
      if (close === '/') {
        // Pop to the matching element (tolerates stray end tags).
        const at = stack.map((e) => e.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
      } else {
        const attrs: Record<string, string> = {};
        for (const a of (attrText ?? '').matchAll(ATTR_RE)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
        const el: XmlElement = { name, attrs, children: [] };
        top.children.push(el);
        if (selfClose !== '/') stack.push(el);
      }
    }
  }
  return root;
}

const elements = (el: XmlElement): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string');
const child = (el: XmlElement, name: string): XmlElement | undefined =>
  elements(el).find((c) => c.name === name);
/** An on/off property (w:b, w:pageBreakBefore): present and not switched off. */
const isOn = (el: XmlElement | undefined): boolean =>
  el !== undefined && !['0', 'false', 'off'].includes(el.attrs['w:val'] ?? 'true');

/** Joins pieces of one cell or wrapped label: no space between Chinese pieces, one between Latin ones. */
function joinPieces(parts: readonly string[]): string {
  let out = '';
  for (const p of parts.map((s) => s.trim()).filter((s) => s !== '')) {
    out += out !== '' && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p) ? ' ' + p : p;
  }
  return out;
}

/** What the walk produces, in document order. */
type Event =
  { kind: 'line'; text: string } | { kind: 'page' } | { kind: 'table'; rows: string[][]; lines: string[] };

/** Elements whose content is not document text. */
const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'mc:Fallback',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
]);

class Walker {
  readonly events: Event[] = [];

  body(el: XmlElement): void {
    for (const c of elements(el)) {
      if (c.name === 'w:p') this.paragraph(c);
      else if (c.name === 'w:tbl') this.table(c);
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') this.body(c);
    }
  }

  /** Emits a paragraph's lines; text boxes inside it follow it as paragraphs of their own. */
  paragraph(p: XmlElement): void {
    const pPr = child(p, 'w:pPr');
    if (isOn(pPr && child(pPr, 'w:pageBreakBefore'))) this.events.push({ kind: 'page' });
    const boxes: XmlElement[] = [];
    let text = '';
    const flush = () => {
      this.events.push({ kind: 'line', text });
      text = '';
    };
    const inline = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (SKIPPED.has(c.name)) continue;
        switch (c.name) {
          case 'w:t':
            text += c.children.filter((x): x is string => typeof x === 'string').join('');
            break;
          case 'w:tab':
          case 'w:ptab':
            text += '\t';
            break;
          case 'w:noBreakHyphen':
            text += '-';
            break;
          case 'w:cr':
            flush();
            break;
          case 'w:br':
            if (c.attrs['w:type'] === 'page') {
              flush();
              this.events.push({ kind: 'page' });
            } else if (c.attrs['w:type'] !== 'column') flush();
            break;
          case 'w:lastRenderedPageBreak':
            if (text.trim() !== '') flush();
            this.events.push({ kind: 'page' });
            break;
          case 'w:sym': {
            const code = parseInt(c.attrs['w:char'] ?? '', 16);
            // Symbol-font characters live in the private use area (F0xx); only real characters are kept.
            if (Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) text += String.fromCodePoint(code);
            break;
          }
          case 'w:txbxContent':
            boxes.push(c);
            break;
          default:
            // Runs, hyperlinks, insertions, content controls, drawings (which may hold a text box): text comes only
            // from w:t, so walking into any other element is safe.
            inline(c);
        }
      }
    };
    inline(p);
    flush();
    for (const box of boxes) this.body(box);
    const sect = pPr && child(pPr, 'w:sectPr');
    if (sect && child(sect, 'w:type')?.attrs['w:val'] !== 'continuous') this.events.push({ kind: 'page' });
  }

  /** The text of a cell: its paragraphs (and nested tables) joined. */
  cellText(tc: XmlElement): string {
    const inner = new Walker();
    inner.body(tc);
    const parts: string[] = [];
    for (const e of inner.events) {
      if (e.kind === 'line') parts.push(normaliseText(e.text));
      else if (e.kind === 'table') parts.push(...e.lines);
    }
    return joinPieces(parts);
  }

  /**
   * A table on its grid: a cell spanning n grid columns (w:gridSpan) gives its text to the first and "" to the others;
   * a cell continuing a vertical merge (w:vMerge without "restart") takes the text of the cell above it, so that each
   * row reads complete. Skipped grid columns before/after a row (w:gridBefore/w:gridAfter) are "".
   */
  table(tbl: XmlElement): void {
    const rows: string[][] = [];
    const lines: string[] = [];
    for (const tr of elements(tbl)) {
      if (tr.name !== 'w:tr') continue;
      const trPr = child(tr, 'w:trPr');
      const before = Number(trPr && child(trPr, 'w:gridBefore')?.attrs['w:val']) || 0;
      const after = Number(trPr && child(trPr, 'w:gridAfter')?.attrs['w:val']) || 0;
      const row: string[] = Array.from({ length: before }, () => '');
      const own: string[] = [];
      const cells = elements(tr).flatMap((c) =>
        c.name === 'w:tc' ? [c] : c.name === 'w:sdt' || c.name === 'w:customXml' ? this.cellsIn(c) : [],
      );
      for (const tc of cells) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Number(tcPr && child(tcPr, 'w:gridSpan')?.attrs['w:val']) || 1);
        const vMerge = tcPr && child(tcPr, 'w:vMerge');
        const continues = vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') !== 'restart';
        const col = row.length;
        let text = this.cellText(tc);
        if (text !== '') own.push(text);
        if (continues && text === '') text = rows[rows.length - 1]?.[col] ?? '';
        row.push(text, ...Array.from({ length: span - 1 }, () => ''));
      }
      row.push(...Array.from({ length: after }, () => ''));
      rows.push(row);
      lines.push(own.join(' '));
    }
    this.events.push({ kind: 'table', rows, lines });
  }

  private cellsIn(el: XmlElement): XmlElement[] {
    return elements(el).flatMap((c) =>
      c.name === 'w:tc' ? [c] : c.name === 'w:sdtContent' || c.name === 'w:customXml' ? this.cellsIn(c) : [],
    );
  }
}

function badDocx(file: string, why: string): JuesuanError {
  return new JuesuanError(ErrorCode.BadInput, `${file}：${why}。`, [{ file, message: why }]);
}

/**
 * Reads a DOCX. Throws JuesuanError (E_BAD_INPUT) for a file that is not a readable DOCX, E_TOO_LARGE over the limits.
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<TextDocument> {
  if (bytes.length > MAX_DOCX_BYTES)
    throw new JuesuanError(
      ErrorCode.TooLarge,
      `${file} 过大（${bytes.length} 字节，上限 ${MAX_DOCX_BYTES} 字节），未读取。`,
      [{ file, message: '文件过大' }],
    );
  let zip: JSZip;
  // Loaded on the first DOCX read, so that validating never pays for jszip.
  const { default: Zip } = await import('jszip');
  try {
    zip = await Zip.loadAsync(bytes);
  } catch {
    throw badDocx(file, '不是有效的 DOCX 文件（ZIP 结构损坏或文件不完整）');
  }
  const entry = zip.file('word/document.xml');
  if (!entry) throw badDocx(file, '不是 Word 文档（缺少 word/document.xml）');
  // JSZip keeps the uncompressed size from the central directory; read it before inflating (zip bombs).
  const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (declared !== undefined && declared > MAX_DOCX_XML_CHARS)
    throw new JuesuanError(ErrorCode.TooLarge, `${file} 的正文过大（${declared} 字节），未读取。`, [
      { file, message: '正文过大' },
    ]);
  let xml: string;
  try {
    xml = await entry.async('string');
  } catch {
    throw badDocx(file, '无法解压 word/document.xml');
  }
  const root = parseXml(xml);
  const documentEl = elements(root).find((e) => e.name === 'w:document');
  const body = documentEl && child(documentEl, 'w:body');
  if (!body) throw badDocx(file, 'word/document.xml 中没有正文（w:body）');

  const walker = new Walker();
  walker.body(body);

  const pages: TextPage[] = [{ page: 1, lines: [] }];
  const tables: SourceTable[] = [];
  const addLine = (text: string) => {
    const t = normaliseText(text);
    if (t === '') return;
    const page = pages[pages.length - 1]!;
    const line: TextLine = { text: t, page: page.page, line: page.lines.length + 1 };
    page.lines.push(line);
  };
  for (const e of walker.events) {
    if (e.kind === 'page') {
      // Several breaks in a row (a page break before a new section, say) make one new page.
      if (pages[pages.length - 1]!.lines.length > 0) pages.push({ page: pages.length + 1, lines: [] });
    } else if (e.kind === 'line') addLine(e.text);
    else {
      tables.push({ page: pages[pages.length - 1]!.page, rows: e.rows });
      for (const l of e.lines) addLine(l);
    }
  }
  if (pages.length > 1 && pages[pages.length - 1]!.lines.length === 0) pages.pop();

  let title: string | undefined;
  const core = zip.file('docProps/core.xml');
  if (core) {
    const m = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(await core.async('string'));
    const t = m?.[1] !== undefined ? normaliseText(decodeEntities(m[1])) : '';
    if (t !== '') title = t;
  }
  return { file, kind: 'docx', pages, tables, ...(title !== undefined ? { title } : {}) };
}
