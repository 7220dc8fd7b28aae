/**
 * The PDF reader against the tools a reviewer would trust: pdftotext (poppler) on the real fixtures, the PDF that
 * `juesuan build` writes through LibreOffice, the same HTML printed by headless Chromium (whose text comes out with
 * Kangxi radicals), and a scan made from a real page. Needs poppler, LibreOffice and Chromium: skipped with a reason
 * when missing, a failure when JUESUAN_FULL_TEST=1 (tools.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildReport,
  builtinProfile,
  documentParagraphs,
  loadDisclosure,
  normaliseText,
  readPdf,
  type ReportDocument,
  type TextDocument,
} from '@juesuan/core';
import { jpegSize, minimalPdf } from '@juesuan/core/testing';
import { toolsMissing } from '../src/tools.ts';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(root, '../shared/fixtures/real');
const example = join(root, 'examples/changji-2022.yaml');
const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));
const assets = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};
const tmp = mkdtempSync(join(tmpdir(), 'juesuan-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RADICALS = /[\u2e80-\u2fdf]/u;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const hanChars = (s: string) => s.match(/\p{Script=Han}/gu) ?? [];
const read = (file: string) => readPdf(new Uint8Array(readFileSync(file)), { file, ...assets });
const docText = (doc: TextDocument) => doc.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');

/** Share of `reference`'s Han characters (as a multiset) that `text` also has. */
function hanCoverage(reference: string, text: string): { total: number; found: number } {
  const have = new Map<string, number>();
  for (const c of hanChars(text)) have.set(c, (have.get(c) ?? 0) + 1);
  let found = 0;
  const ref = hanChars(reference);
  for (const c of ref) {
    const n = have.get(c) ?? 0;
    if (n > 0) {
      found++;
      have.set(c, n - 1);
    }
  }
  return { total: ref.length, found };
}

function pdftotext(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const r = spawnSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The narrative of a report document: title, headings and paragraphs. */
function narrative(doc: ReportDocument): string[] {
  return doc.blocks.flatMap((b) =>
    b.type === 'title' || b.type === 'heading'
      ? [b.text]
      : b.type === 'paragraph'
        ? [b.runs.map((r) => r.text).join('')]
        : [],
  );
}

const skipPoppler = toolsMissing(['pdftotext'], '与 pdftotext 对照的测试');

describe('readPdf against pdftotext on the real fixtures', () => {
  it.skipIf(skipPoppler).each(['shanghai-putuo-shehuigongzuobu-2024.pdf', 'shanghai-2024-template.pdf'])(
    '%s: every page has at least 98% of the Chinese characters pdftotext finds',
    async (name) => {
      const file = join(fixtures, name);
      const doc = await read(file);
      let total = 0;
      let found = 0;
      for (const p of doc.pages) {
        const ref = normaliseText(pdftotext(file, p.page));
        const c = hanCoverage(ref, p.lines.map((l) => l.text).join(''));
        expect(c.total, `page ${p.page}`).toBeGreaterThan(0);
        expect(c.found / c.total, `page ${p.page}: ${c.found}/${c.total}`).toBeGreaterThanOrEqual(0.98);
        total += c.total;
        found += c.found;
      }
      expect(found / total).toBeGreaterThanOrEqual(0.99);
    },
  );
});

const skipBuild = toolsMissing(['soffice', 'chromium'], '读回 LibreOffice 与 Chromium 所生成 PDF 的测试');

describe('reading back what `juesuan build` writes', () => {
  const report = buildReport(loadDisclosure(readFileSync(example, 'utf8')), builtinProfile('xinjiang-2022'));
  const paragraphs = narrative(report).map((t) => squeeze(normaliseText(t)));
  let built: string | undefined;
  const buildOnce = (): string => {
    if (built) return built;
    const out = join(tmp, 'build');
    const r = spawnSync(
      join(root, 'node_modules/.bin/juesuan'),
      ['build', example, '--profile', 'xinjiang-2022', '--out', out, '--format', 'pdf,html'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    built = out;
    return out;
  };
  const missing = (doc: TextDocument) => {
    const all = squeeze(
      documentParagraphs(doc)
        .map((p) => p.text)
        .join(''),
    );
    return paragraphs.filter((p) => !all.includes(p));
  };

  it.skipIf(skipBuild)(
    'the LibreOffice PDF reads back every narrative paragraph',
    { timeout: 300_000 },
    async () => {
      const out = buildOnce();
      const doc = await read(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.pdf'))!,
        ),
      );
      expect(doc.pages.length).toBeGreaterThan(10);
      expect(paragraphs.length).toBeGreaterThan(60);
      expect(missing(doc)).toEqual([]);
      expect(RADICALS.test(docText(doc))).toBe(false);
    },
  );

  it.skipIf(skipBuild)(
    'the same HTML printed by Chromium reads back without Kangxi radicals, though pdfjs sees them raw',
    { timeout: 300_000 },
    async () => {
      const out = buildOnce();
      const html = join(
        out,
        readdirSync(out).find((f) => f.endsWith('.html'))!,
      );
      const pdf = join(tmp, 'chromium.pdf');
      const r = spawnSync(
        'chromium',
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          `--user-data-dir=${join(tmp, 'chromium-profile')}`,
          `--print-to-pdf=${pdf}`,
          pathToFileURL(html).href,
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(r.error).toBeUndefined();

      // What pdfjs gives before normalising: the radicals are really there ("⽀出", "部⻔").
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const raw = await pdfjs.getDocument({
        data: new Uint8Array(readFileSync(pdf)),
        ...assets,
        cMapPacked: true,
        verbosity: 0,
      }).promise;
      let rawText = '';
      for (let n = 1; n <= raw.numPages; n++) {
        const content = await (await raw.getPage(n)).getTextContent();
        rawText += content.items.map((i) => ('str' in i ? i.str : '')).join('');
      }
      await raw.destroy();
      expect((rawText.match(/[\u2e80-\u2fdf]/gu) ?? []).length).toBeGreaterThan(100);

      const doc = await read(pdf);
      expect(RADICALS.test(docText(doc))).toBe(false);
      expect(docText(doc)).toContain('一般公共预算财政拨款支出');
      expect(missing(doc)).toEqual([]);
    },
  );
});

const skipScan = toolsMissing(['pdftoppm', 'pdftotext'], '扫描件测试');

describe('a scanned document', () => {
  it.skipIf(skipScan)(
    'a real page rendered to an image and wrapped into a PDF has no text layer',
    async () => {
      const prefix = join(tmp, 'scan');
      const r = spawnSync('pdftoppm', [
        '-jpeg',
        '-r',
        '50',
        '-f',
        '4',
        '-l',
        '5',
        join(fixtures, 'shanghai-putuo-shehuigongzuobu-2024.pdf'),
        prefix,
      ]);
      expect(r.status).toBe(0);
      const jpegs = readdirSync(tmp)
        .filter((f) => f.startsWith('scan') && f.endsWith('.jpg'))
        .sort()
        .map((f) => new Uint8Array(readFileSync(join(tmp, f))));
      expect(jpegs).toHaveLength(2);
      const pdf = minimalPdf(jpegs.map((bytes) => ({ jpeg: { bytes, ...jpegSize(bytes) } })));
      const doc = await readPdf(pdf, { file: 'scan.pdf', ...assets });
      expect(doc.scanned).toBe(true);
      expect(doc.emptyPages).toEqual([1, 2]);
      // poppler agrees: no text at all.
      const file = join(tmp, 'scan.pdf');
      writeFileSync(file, pdf);
      expect(pdftotext(file).trim()).toBe('');
    },
  );
});
