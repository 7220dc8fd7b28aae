/**
 * Plain text → TextDocument: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (the superset of GBK/GB2312 that
 * Chinese Windows software writes) when the bytes are not valid UTF-8. Form feeds separate pages (pdftotext writes
 * one after each page); without them the whole text is one page. Line numbers are the file's (blank lines counted),
 * so a finding can say "line 35" of the file as it is.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { isPageNumber, normaliseText, removePageFurniture } from './normalise.ts';
import type { TextDocument, TextLine, TextPage } from './text-document.ts';

/** Largest text file read (bytes). */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decodes text bytes: BOM first, then UTF-8 (allowing up to three stray bad bytes in a longer file), then GB18030. */
export function decodeText(bytes: Uint8Array, file = '文本'): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-8 unless invalid sequences are more than a stray one (a file cut mid-character stays UTF-8); Chinese text
  // from Windows that is not UTF-8 is GBK/GB18030.
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  for (let i = utf8.indexOf('\uFFFD'); i >= 0 && bad <= 3; i = utf8.indexOf('\uFFFD', i + 1)) bad++;
  if (bad === 0 || (bad <= 3 && bytes.length > 300)) return { text: utf8, encoding: 'utf-8' };
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder('gb18030');
  } catch {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file} 不是 UTF-8 文本，而本环境不支持 GB18030 解码。请另存为 UTF-8。`,
      [{ file, message: '无法识别文本编码' }],
    );
  }
  return { text: decoder.decode(bytes), encoding: 'gb18030' };
}

/**
 * Some extraction tools mark each new page only by a line that starts with one space (the seed text shows it:
 * " 第二部分 部门决算情况说明"). When the first line and at least two more start that way, they start pages.
 * Line numbers stay the file's: blank filler lines keep the counting right.
 */
function splitAtSpaceLedPages(text: string): { text: string; firstLine: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const starts = lines.map((l, i) => (/^ [^\s]/.test(l) ? i : -1)).filter((i) => i >= 0);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (starts.length < 3 || starts[0] !== first) return [{ text, firstLine: 1 }];
  const pages: { text: string; firstLine: number }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = starts[k + 1] ?? lines.length;
    pages.push({ text: lines.slice(from, to).join('\n'), firstLine: from + 1 });
  }
  return pages;
}

/**
 * Reads a text file (see the module comment). Lines are normalised; blank lines are left out of `lines` but keep their
 * numbers; page numbers ("— 3 —", "第 3 页") are removed wherever they stand on a line of their own, and with several
 * pages, running headers/footers too (normalise.ts).
 */
export function readText(bytes: Uint8Array, file: string): TextDocument {
  if (bytes.length > MAX_TEXT_BYTES)
    throw new JuesuanError(
      ErrorCode.TooLarge,
      `${file} 过大（${bytes.length} 字节，上限 ${MAX_TEXT_BYTES} 字节），未读取。`,
      [{ file, message: '文件过大' }],
    );
  const { text } = decodeText(bytes, file);
  let chunks = text.split('\f').map((t) => ({ text: t, firstLine: 1 }));
  // pdftotext ends with a form feed: no empty last page.
  if (chunks.length > 1 && chunks[chunks.length - 1]!.text.trim() === '') chunks.pop();
  if (chunks.length === 1) chunks = splitAtSpaceLedPages(text);
  const pages: TextPage[] = chunks.map((chunk, i) => {
    const lines: TextLine[] = [];
    chunk.text.split(/\r\n|\r|\n/).forEach((raw, n) => {
      const t = normaliseText(raw);
      if (t !== '' && !isPageNumber(t)) lines.push({ text: t, page: i + 1, line: chunk.firstLine + n });
    });
    return { page: i + 1, lines };
  });
  return { file, kind: 'text', pages: pages.length > 1 ? removePageFurniture(pages) : pages };
}
