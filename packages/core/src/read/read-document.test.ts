import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { loadDisclosure } from '../model/load.ts';
import { buildReport } from '../report/build.ts';
import { builtinProfile } from '../report/profile.ts';
import { writeDocx } from '../report/writers/docx.ts';
import { writeXlsx } from '../report/writers/xlsx.ts';
import { readDocument, sniffDocument } from './read-document.ts';

const root = join(import.meta.dirname, '../../../..');
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};
const fixture = join(root, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');
const seed = join(root, '../shared/seed/000_13a944de2df0659e.txt');
const report = () =>
  buildReport(
    loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8')),
    builtinProfile('xinjiang-2022'),
  );

async function refusal(bytes: Uint8Array, file = 'x'): Promise<JuesuanError> {
  const e = await readDocument(bytes, file, assets).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(JuesuanError);
  return e as JuesuanError;
}

describe('readDocument', () => {
  it('tells PDF, DOCX and text by content, whatever the file is called', async () => {
    const pdf = await readDocument(new Uint8Array(readFileSync(fixture)), 'named-as.txt', assets);
    expect(pdf.kind).toBe('pdf');
    expect(pdf.pages).toHaveLength(24);
    const docx = await readDocument(await writeDocx(report()), 'report.pdf', assets);
    expect(docx.kind).toBe('docx');
    expect(docx.tables!.length).toBeGreaterThanOrEqual(9);
    const text = await readDocument(new Uint8Array(readFileSync(seed)), 'seed', assets);
    expect(text.kind).toBe('text');
    expect(text.pages.flatMap((p) => p.lines).length).toBeGreaterThan(300);
  });

  it('refuses a spreadsheet with a message that says what to provide instead', async () => {
    const e = await refusal(await writeXlsx(report()), 'tables.xlsx');
    expect(e.code).toBe('E_UNSUPPORTED_FORMAT');
    expect(e.message).toContain('tables.xlsx');
    expect(e.message).toContain('Excel');
    expect(e.message).toContain('PDF');
  });

  it.each([
    [
      'PNG image',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
      /图片（PNG）.*OCR/,
    ],
    ['JPEG image', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46), /图片（JPEG）/],
    [
      'old Word file',
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
      /旧版 Office.*DOCX/,
    ],
    ['RTF', new TextEncoder().encode('{\\rtf1\\ansi 决算}'), /RTF/],
    ['HTML page', new TextEncoder().encode('<!DOCTYPE html><html><body>决算</body></html>'), /HTML 网页/],
    ['binary file', Uint8Array.of(1, 2, 3, 0, 0, 0, 4, 5), /不是文本文件/],
  ])('refuses a %s with E_UNSUPPORTED_FORMAT', async (_what, bytes, message) => {
    const e = await refusal(bytes);
    expect(e.code).toBe('E_UNSUPPORTED_FORMAT');
    expect(e.message).toMatch(message);
  });

  it('refuses other ZIP files and empty files', async () => {
    const zip = new JSZip();
    zip.file('OFD.xml', '<ofd:OFD/>');
    expect(await sniffDocument(await zip.generateAsync({ type: 'uint8array' }))).toEqual({
      unsupported: expect.stringContaining('OFD') as unknown as string,
    });
    const empty = await refusal(new Uint8Array(0), 'empty.pdf');
    expect(empty.code).toBe('E_BAD_INPUT');
    expect(empty.message).toContain('空文件');
  });
});
