/**
 * One entry point for every published document: the kind is told by the content, not the file name (a PDF saved as
 * .txt is still a PDF), and kinds the readers do not take get a Chinese message saying what to provide instead.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { readDocx } from './docx-reader.ts';
import { readPdf } from './pdf-reader.ts';
import type { TextDocument } from './text-document.ts';
import { readText } from './text-reader.ts';

export interface ReadOptions {
  /** pdfjs's CMap directory, ending in "/" (the CLI resolves it from the installed pdfjs-dist). */
  cMapUrl?: string;
  /** pdfjs's standard font data directory, ending in "/". */
  standardFontDataUrl?: string;
  /** Refuse PDFs larger than this many bytes. */
  maxBytes?: number;
  /** Refuse PDFs with more pages than this. */
  maxPages?: number;
}

export type DocumentKind = TextDocument['kind'];

/** What the bytes are: a kind the readers take, or why not (a Chinese message). */
export type SniffResult = { kind: DocumentKind } | { unsupported: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const AS_PDF = '请提供 PDF（带文字层）、DOCX 或文本文件';

/** Tells the kind of a document from its first bytes (and, for ZIP files, the names inside). */
export async function sniffDocument(bytes: Uint8Array): Promise<SniffResult> {
  const head = ascii(bytes, 0, 1024);
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    let names: string[];
    // jszip (with pako and its stream polyfills, ~65 CommonJS files) is loaded only when a ZIP is read.
    const { default: JSZip } = await import('jszip');
    try {
      names = Object.keys((await JSZip.loadAsync(bytes)).files);
    } catch {
      return { unsupported: 'ZIP 文件已损坏或不完整，无法打开' };
    }
    const has = (n: string) => names.includes(n);
    if (has('word/document.xml')) return { kind: 'docx' };
    if (has('xl/workbook.xml'))
      return {
        unsupported: `这是 Excel 表格（XLSX），审查需要公开的说明文档：${AS_PDF}；数据表请先导入为数据文件再校验`,
      };
    if (has('ppt/presentation.xml')) return { unsupported: `这是 PowerPoint 演示文稿（PPTX），${AS_PDF}` };
    if (has('OFD.xml')) return { unsupported: `这是 OFD 版式文件，暂不支持；${AS_PDF}` };
    if (has('content.xml') && has('mimetype'))
      return { unsupported: `这是 OpenDocument 文件（ODT/ODS），请另存为 DOCX 或 PDF` };
    return { unsupported: `这是 ZIP 压缩包，请解压后分别提供其中的文件` };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { unsupported: '这是旧版 Office 文件（.doc/.xls/.wps），请另存为 DOCX 或 PDF 后再审查' };
  const image = startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])
    ? 'PNG'
    : startsWith(bytes, [0xff, 0xd8, 0xff])
      ? 'JPEG'
      : head.startsWith('GIF8')
        ? 'GIF'
        : startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
          ? 'TIFF'
          : head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP'
            ? 'WebP'
            : head.startsWith('BM') && bytes.length > 26 && bytes[14] !== undefined && bytes[15] === 0
              ? 'BMP'
              : undefined;
  if (image)
    return { unsupported: `这是图片（${image}），没有可读的文字；本工具不做文字识别（OCR），${AS_PDF}` };
  if (head.startsWith('{\\rtf')) return { unsupported: '这是 RTF 文档，请另存为 DOCX 或 PDF' };
  if (/^\s*(?:<!doctype html|<html)/i.test(head))
    return { unsupported: '这是 HTML 网页，请用浏览器打印为 PDF（或另存为文本）后再审查' };
  // UTF-16 text has NUL bytes but a BOM; other NUL bytes mean a binary file.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0))
    return { unsupported: `这不是文本文件，也不是 PDF 或 DOCX，${AS_PDF}` };
  return { kind: 'text' };
}

/**
 * Reads a published document (PDF, DOCX or plain text) into a TextDocument. Throws JuesuanError: E_UNSUPPORTED_FORMAT
 * for other kinds (XLSX, images, .doc …) with what to provide instead, and the readers' own errors (E_BAD_INPUT for
 * corrupt files, E_ENCRYPTED, E_TOO_LARGE).
 */
export async function readDocument(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<TextDocument> {
  if (bytes.length === 0)
    throw new JuesuanError(ErrorCode.BadInput, `${file} 是空文件。`, [{ file, message: '空文件' }]);
  const sniffed = await sniffDocument(bytes);
  if ('unsupported' in sniffed)
    throw new JuesuanError(ErrorCode.UnsupportedFormat, `${file}：${sniffed.unsupported}。`, [
      { file, message: sniffed.unsupported },
    ]);
  switch (sniffed.kind) {
    case 'pdf':
      return readPdf(bytes, { file, ...options });
    case 'docx':
      return readDocx(bytes, file);
    case 'text':
      return readText(bytes, file);
  }
}
