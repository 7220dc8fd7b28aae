/**
 * The PDF reader's output stays exactly what it was: for the two real fixtures and two PDFs built by LibreOffice from
 * generated units (test/fixtures/built), every line's text, every item's position and size, page sizes, the title and
 * the flags are compared with the snapshot in test/read-snapshots/ — one SHA-256 per page of the page's JSON, and the
 * line texts in full so that a change of text shows as a readable diff. Speed work on the reader (pdfjs options, loading,
 * caching) must leave all of it unchanged.
 *
 * After a deliberate change of the reader's output: `UPDATE_READ_SNAPSHOTS=1 npx vitest run packages/core/test/pdf-text-snapshot.test.ts`
 * rewrites the snapshots; the diff then shows what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/read/pdf-reader.ts';
import type { TextDocument } from '../src/read/text-document.ts';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};
const real = join(import.meta.dirname, '../../../../shared/fixtures/real');
const built = join(import.meta.dirname, 'fixtures/built');
const snapshots = join(import.meta.dirname, 'read-snapshots');

const CASES: [name: string, file: string][] = [
  ['shanghai-putuo-shehuigongzuobu-2024', join(real, 'shanghai-putuo-shehuigongzuobu-2024.pdf')],
  ['shanghai-2024-template', join(real, 'shanghai-2024-template.pdf')],
  ['built-unit-1-xinjiang-2022', join(built, 'unit-1-xinjiang-2022.pdf')],
  ['built-unit-3-shanghai-2024', join(built, 'unit-3-shanghai-2024.pdf')],
];

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The snapshot text: the document's fields other than pages, each page's hash, then every line's text. */
function snapshotOf(doc: TextDocument): string {
  const { pages, ...rest } = doc;
  const out = [`document ${JSON.stringify(rest)}`];
  for (const p of pages) out.push(`page ${p.page} ${sha(JSON.stringify(p))}`);
  for (const p of pages) for (const l of p.lines) out.push(`${p.page}:${l.line} ${l.text}`);
  return out.join('\n') + '\n';
}

describe('the PDF reader gives exactly the text and positions of the snapshot', () => {
  for (const [name, file] of CASES) {
    it.skipIf(!existsSync(file))(name, async () => {
      const doc = await readPdf(new Uint8Array(readFileSync(file)), { file: `${name}.pdf`, ...assets });
      const actual = snapshotOf(doc);
      const path = join(snapshots, `${name}.txt`);
      if (process.env['UPDATE_READ_SNAPSHOTS'] === '1') writeFileSync(path, actual);
      expect(existsSync(path), `no snapshot ${path}`).toBe(true);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});
