/**
 * Signs that a PDF is damaged, as opposed to scanned or simply short of figures: a cross-reference table that points
 * at the wrong bytes, a page tree that lost pages, objects that cannot be parsed, pages whose content cannot be read,
 * and a text layer that decodes to characters no Chinese publication is written in (private-use code points,
 * U+FFFD, control characters, scripts such as Malayalam or Georgian that come out when a font's character map is
 * lost, or Kangxi radicals standing in for every ideograph). The reader records these as data
 * (`TextDocument.damage`) and the auditor shows `describeDamage` instead of auditing the damaged pages as if they were
 * whole.
 */
import type { PdfDamage } from './text-document.ts';

/**
 * The bytes as one character per byte (PDF structure is ASCII). String.fromCharCode on chunks: TextDecoder('latin1')
 * goes through ICU's windows-1252 converter, three times slower on a whole file and some 50 µs a call on small slices.
 */
function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  const part = bytes.subarray(from, Math.min(to, bytes.length));
  if (part.length <= 8192) return String.fromCharCode.apply(null, part as unknown as number[]);
  const chunks: string[] = [];
  for (let i = 0; i < part.length; i += 8192)
    chunks.push(String.fromCharCode.apply(null, part.subarray(i, i + 8192) as unknown as number[]));
  return chunks.join('');
}

const TYPE = [0x2f, 0x54, 0x79, 0x70, 0x65]; // "/Type"
const PAGE = [0x2f, 0x50, 0x61, 0x67, 0x65]; // "/Page"
const isSpace = (b: number | undefined) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isLetter = (b: number | undefined) => b !== undefined && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;
const matchesAt = (bytes: Uint8Array, at: number, pattern: readonly number[]) =>
  pattern.every((b, i) => bytes[at + i] === b);

/** How many times "startxref" occurs: one for a file written once, more for incremental updates and linearized files. */
function sections(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0x73); at >= 0; at = bytes.indexOf(0x73, at + 1))
    if (matchesAt(bytes, at, STARTXREF)) n++;
  return n;
}
const STARTXREF = [...'startxref'].map((c) => c.charCodeAt(0));

/** Page objects written in the open ("/Type /Page", not /Pages), counted on the bytes without decoding the file. */
export function pageObjectCount(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0x2f); at >= 0; at = bytes.indexOf(0x2f, at + 1)) {
    if (!matchesAt(bytes, at, TYPE)) continue;
    let p = at + TYPE.length;
    while (isSpace(bytes[p])) p++;
    if (matchesAt(bytes, p, PAGE) && !isLetter(bytes[p + PAGE.length])) n++;
  }
  return n;
}

/** Whether an object ("12 0 obj") starts at `offset`, allowing the whitespace some writers leave before it. */
function objectAt(bytes: Uint8Array, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) return false;
  return /^\s{0,4}\d+\s+\d+\s+obj\b/.test(latin1(bytes, offset, offset + 40));
}

/** Whether the end of the file is a complete PDF's (a %%EOF marker in the last 2 KB). */
export function hasEofMarker(bytes: Uint8Array): boolean {
  return latin1(bytes, Math.max(0, bytes.length - 2048)).includes('%%EOF');
}

/** At most this many entries of a classic cross-reference table are checked (each is a 40-byte look). */
const MAX_XREF_CHECKS = 20_000;

/**
 * Where the cross-reference data points to the wrong place: `startxref` not at an `xref` table or an xref stream
 * object, or in-use entries of the last classic table that do not point at their object. pdfjs then rebuilds the table
 * from the objects it finds, so the text is usually still complete; the damage is recorded so that a file that was
 * repaired on the way in is not taken for a sound one.
 */
function xrefDamage(bytes: Uint8Array): PdfDamage | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 2048));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!m) return { reason: 'xref', pages: [], detail: '文件末尾没有 startxref' };
  const start = Number(m[1]);
  if (start >= bytes.length)
    return { reason: 'xref', pages: [], detail: `startxref 指向 ${start}，超出文件长度` };
  const head = latin1(bytes, start, start + 64);
  if (objectAt(bytes, start)) return undefined; // An xref stream (PDF 1.5+): its entries are compressed.
  if (!/^\s{0,4}xref\b/.test(head))
    return { reason: 'xref', pages: [], detail: `startxref 指向 ${start}，该处不是交叉引用表` };
  // Subsections "first count" followed by 20-byte entries "oooooooooo ggggg n".
  const table = latin1(bytes, start, Math.min(bytes.length, start + 20 * MAX_XREF_CHECKS + 4096));
  const end = table.indexOf('trailer');
  const body = end >= 0 ? table.slice(0, end) : table;
  const re = /(\d{10}) (\d{5}) ([nf])/g;
  let bad = 0;
  let checked = 0;
  for (let e = re.exec(body); e && checked < MAX_XREF_CHECKS; e = re.exec(body)) {
    if (e[3] !== 'n') continue;
    checked++;
    if (!objectAt(bytes, Number(e[1]))) bad++;
  }
  if (bad > 0)
    return {
      reason: 'xref',
      pages: [],
      detail: `交叉引用表中 ${bad} 个对象的位置有误（共检查 ${checked} 个）`,
    };
  return undefined;
}

/**
 * The file as text (one character per byte), for finding objects written in the open, not inside object streams: made
 * only for pages that came out empty (3 ms for a 250 KB file).
 */
export class RawPdf {
  readonly text: string;
  constructor(bytes: Uint8Array) {
    this.text = latin1(bytes);
  }

  /** The dictionary text of object `num gen` (its last definition, as incremental updates override), if in the open. */
  objectDict(num: number, gen: number): string | undefined {
    const re = new RegExp(`(?<![0-9])${num}\\s+${gen}\\s+obj\\b`, 'g');
    let at = -1;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) at = m.index + m[0].length;
    if (at < 0) return undefined;
    const ends = ['stream', 'endobj'].map((w) => this.text.indexOf(w, at)).filter((i) => i >= 0);
    return this.text.slice(at, ends.length > 0 ? Math.min(...ends) : at + 4096);
  }

  /** A direct or indirect integer entry of a dictionary. */
  private integer(dict: string, key: string): number | undefined {
    const m = new RegExp(`/${key}\\s+(\\d+)(?:\\s+(\\d+)\\s+R)?`).exec(dict);
    if (!m) return undefined;
    if (m[2] === undefined) return Number(m[1]);
    const target = this.objectDict(Number(m[1]), Number(m[2]));
    const v = target !== undefined ? /^\s*(\d+)/.exec(target) : null;
    return v ? Number(v[1]) : undefined;
  }

  /** Bytes of the page's content streams as stored (compressed), or undefined when they cannot be found. */
  contentLength(ref: { num: number; gen: number }): number | undefined {
    const page = this.objectDict(ref.num, ref.gen);
    if (page === undefined) return undefined;
    const m = /\/Contents\s*(?:(\d+)\s+(\d+)\s+R|\[([^\]]*)\])/.exec(page);
    if (!m) return undefined;
    const refs: [number, number][] =
      m[1] !== undefined
        ? [[Number(m[1]), Number(m[2])]]
        : [...m[3]!.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((r) => [Number(r[1]), Number(r[2])]);
    let total = 0;
    for (const [num, gen] of refs) {
      const dict = this.objectDict(num, gen);
      const length = dict !== undefined ? this.integer(dict, 'Length') : undefined;
      if (length === undefined) return undefined;
      total += length;
    }
    return total;
  }
}

/**
 * Damage seen in the file's structure, before or without reading a page: the cross-reference data, a page tree that
 * gives fewer pages than the file holds page objects, a file cut short (no %%EOF) that pdfjs could still open.
 */
export function structuralDamage(bytes: Uint8Array, numPages: number): PdfDamage[] {
  const out: PdfDamage[] = [];
  if (!hasEofMarker(bytes)) out.push({ reason: 'truncated', pages: [], detail: '文件末尾没有 %%EOF 标记' });
  else {
    const x = xrefDamage(bytes);
    if (x) out.push(x);
  }
  // A file saved incrementally (or linearized) has more than one cross-reference section and may keep the page
  // objects of an earlier revision (pages deleted since): its page objects are not counted against the page tree.
  const objects = sections(bytes) === 1 ? pageObjectCount(bytes) : 0;
  if (objects > numPages)
    out.push({
      reason: 'page-tree',
      pages: [],
      detail: `文件中有 ${objects} 个页面对象，页面目录只列出 ${numPages} 页`,
    });
  return out;
}

/** Characters counted as seen in a page's raw text. */
export interface CharCounts {
  /** Characters other than white space. */
  total: number;
  /** Private use, U+FFFD, controls, accented Latin letters, and scripts other than Han, Latin and the common ones. */
  foreign: number;
  /** Kangxi radicals and CJK radicals supplement (U+2E80–U+2FDF). */
  radicals: number;
  /** Han characters other than radicals. */
  ideographs: number;
}

export function emptyCounts(): CharCounts {
  return { total: 0, foreign: 0, radicals: 0, ideographs: 0 };
}

const HAN = /\p{Script=Han}/u;
const EXPECTED = /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Bopomofo}]/u;

/** Adds the characters of one raw text item (as pdfjs decoded it, before normalisation) to the counts. */
export function countChars(s: string, c: CharCounts): void {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || cp === 0x3000 || cp === 0xa0) {
      if (cp === 0x20 || cp === 0x3000 || cp === 0xa0 || cp === 0x09 || cp === 0x0a || cp === 0x0d) continue;
      c.total++;
      c.foreign++; // Other C0 controls.
      continue;
    }
    c.total++;
    if (cp < 0x7f) continue;
    // The usual characters of a Chinese publication first, without a regular expression.
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      c.ideographs++;
      continue;
    }
    if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x206f))
      continue;
    if (cp >= 0x2e80 && cp <= 0x2fdf) {
      c.radicals++;
      continue;
    }
    if (HAN.test(ch)) {
      c.ideographs++;
      continue;
    }
    const privateUse = (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
    const accentedLatin = cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7;
    if (privateUse || cp === 0xfffd || (cp >= 0x7f && cp <= 0x9f) || accentedLatin || !EXPECTED.test(ch))
      c.foreign++;
  }
}

/** At least this many characters on a page before its text layer is judged. */
const MIN_JUDGED = 10;

/**
 * Why a page's text layer is garbled, or undefined when it reads like text: at least 30 % of its characters are
 * foreign to a Chinese publication, or nine in ten of its Han characters are radicals (a font whose map sends every
 * ideograph to a radical; Chromium's PDFs use a few radicals among ordinary ideographs, which passes).
 */
export function garbledReason(c: CharCounts): string | undefined {
  if (c.total < MIN_JUDGED) return undefined;
  if (c.foreign / c.total >= 0.3)
    return `${c.total} 个字符中 ${c.foreign} 个是私用区、替换符、控制符或其他文种的字符`;
  const han = c.radicals + c.ideographs;
  if (c.radicals >= MIN_JUDGED && c.radicals / han >= 0.9)
    return `${han} 个汉字中 ${c.radicals} 个是康熙部首`;
  return undefined;
}

const REASON_TEXT: Record<PdfDamage['reason'], string> = {
  truncated: '文件不完整（可能在下载或复制时被截断）',
  xref: '交叉引用表损坏（已按文件内容重建）',
  'page-tree': '页面目录损坏，部分页面无法找到',
  objects: '部分对象损坏，无法解析',
  'page-unreadable': '页面内容无法解析',
  'garbled-text': '文字层乱码（字体的字符映射缺失或损坏）',
  'undecodable-text': '绘制了文字但无法解码',
};

const pageList = (pages: readonly number[]) => `第 ${pages.join('、')} 页`;

/** One damage record in Chinese: "第 3、5 页：页面内容无法解析（Unknown block type in flate stream）". */
export function describeDamageItem(d: PdfDamage): string {
  const where = d.pages.length > 0 ? `${pageList(d.pages)}：` : '';
  return `${where}${REASON_TEXT[d.reason]}${d.detail ? `（${d.detail}）` : ''}`;
}

/**
 * The message to show for a damaged PDF: what is damaged, which pages, and what that means for the audit. Records
 * that lose no content (an xref table pdfjs rebuilt) are named, but the file is then not called incomplete.
 */
export function describeDamage(damage: readonly PdfDamage[]): string {
  if (damage.length === 0) return '';
  const lost = damage.filter((d) => d.reason !== 'xref');
  const pages = [...new Set(lost.flatMap((d) => d.pages))].sort((a, b) => a - b);
  const parts = damage.map(describeDamageItem).join('；');
  if (lost.length === 0) return `PDF 文件结构有损坏，但内容已完整读出：${parts}。`;
  const scope =
    pages.length > 0
      ? `${pageList(pages)}的内容未能读出或读出的是乱码，这些页上的数字未经审查`
      : '部分内容可能未能读出';
  return `PDF 文件已损坏：${parts}。${scope}，审查结果不完整；请取得完整、未损坏的原件后重新审查。`;
}
