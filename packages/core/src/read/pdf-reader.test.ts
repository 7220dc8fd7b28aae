import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { minimalPdf } from '../testing/minimal-pdf.ts';
import { documentParagraphs } from './normalise.ts';
import { closeUpWideSpaces, readPdf } from './pdf-reader.ts';
import type { TextDocument } from './text-document.ts';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};
const fixtures = join(import.meta.dirname, '../../../../../shared/fixtures/real');
const putuoFile = join(fixtures, 'shanghai-putuo-shehuigongzuobu-2024.pdf');
const templateFile = join(fixtures, 'shanghai-2024-template.pdf');
const bytesOf = (f: string) => new Uint8Array(readFileSync(f));

const text = (doc: TextDocument) => doc.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
const han = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

async function failure(p: Promise<unknown>): Promise<JuesuanError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(JuesuanError);
    return e as JuesuanError;
  }
  throw new Error('expected a JuesuanError');
}

describe('readPdf on the real fixtures', async () => {
  const putuo = await readPdf(bytesOf(putuoFile), { file: 'putuo.pdf', ...assets });
  const template = await readPdf(bytesOf(templateFile), { file: 'template.pdf', ...assets });

  it('reads every page with Chinese text, sizes and the metadata title', () => {
    expect(putuo.kind).toBe('pdf');
    expect(putuo.pages).toHaveLength(24);
    expect(template.pages).toHaveLength(23);
    expect(putuo.scanned).toBeUndefined();
    expect(putuo.emptyPages).toBeUndefined();
    expect(putuo.title).toBe('附件2：预算主管部门公开样张');
    for (const doc of [putuo, template])
      for (const p of doc.pages)
        expect(han(p.lines.map((l) => l.text).join('')), `${doc.file} p${p.page}`).toBeGreaterThan(0);
    // Narrative pages are portrait A4, table pages landscape.
    expect([putuo.pages[3]!.width, putuo.pages[3]!.height]).toEqual([595.3, 841.9]);
    expect([putuo.pages[5]!.width, putuo.pages[5]!.height]).toEqual([841.9, 595.3]);
    // pdftotext finds 6,083 Han characters in this file (packages/cli/test/read-documents.test.ts compares page by page).
    expect(han(text(putuo))).toBe(6083);
  });

  it('builds table lines by baseline with the cells as items in reading order', () => {
    const page6 = putuo.pages[5]!;
    const row = page6.lines.find((l) => l.text === '2013901 行政运行 51.32 51.32')!;
    expect(row).toBeDefined();
    expect(row.items!.map((i) => i.text)).toEqual(['2013901', '行政运行', '51.32', '51.32']);
    const xs = row.items!.map((i) => i.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(row.items![2]!.x).toBeCloseTo(312, 0);
    // y is the baseline from the top of the page: rows go down the page.
    const total = page6.lines.find((l) => l.text === '合计 307.82 307.82')!;
    expect(total.y!).toBeLessThan(row.y!);
    expect(row.y!).toBeLessThan(page6.height!);
    // A label wrapped over two lines inside a cell is two lines, above and below its row.
    expect(page6.lines.map((l) => l.text)).toContain('2080505 6.18 6.18');
  });

  it('gives paragraphs of the narrative whole', () => {
    const paragraphs = documentParagraphs(putuo).map((p) => p.text);
    expect(paragraphs).toContain('一、主要职能');
    const duty = paragraphs.find((p) =>
      p.startsWith('中共上海市普陀区委社会工作部负责贯彻落实党中央有关方针'),
    )!;
    expect(duty).toContain('在履行职责过程中坚持和加强党中央的集中统一领导。');
    expect(duty.endsWith('指导社会工作人才队伍建设等。')).toBe(true);
  });

  it('reads the template with its placeholders', () => {
    expect(text(template)).toMatch(/XX/);
  });
});

describe('readPdf: fonts that need the predefined CMaps', () => {
  const lines = ['2022年度部门决算公开说明', '财政拨款收入214.73万元，占83.06%。'];

  it.each(['UniGB-UCS2-H', 'UniGB-UTF16-H'] as const)(
    'Chinese in a non-embedded font with %s comes out only with cMapUrl',
    async (cmap) => {
      const pdf = minimalPdf([{ lines }, { lines: ['第二页：一般公共预算财政拨款支出'] }], { cmap });
      const withMaps = await readPdf(pdf, { file: 'x.pdf', ...assets });
      expect(withMaps.pages[0]!.lines.map((l) => l.text)).toEqual(lines);
      expect(withMaps.pages[1]!.lines.map((l) => l.text)).toEqual(['第二页：一般公共预算财政拨款支出']);
      expect(withMaps.warnings).toBeUndefined();

      const without = await readPdf(pdf, { file: 'x.pdf', standardFontDataUrl: assets.standardFontDataUrl });
      expect(text(without)).toBe('');
      // Text is drawn but cannot be decoded: that is not a scan, and the reader says why.
      expect(without.scanned).toBeUndefined();
      expect(without.warnings?.join('')).toMatch(/无法解码.*cMapUrl/);
    },
  );
});

describe('readPdf: scans and broken files', () => {
  it('reports a PDF whose pages are only images as scanned', async () => {
    const doc = await readPdf(minimalPdf([{ greyImage: true }, { greyImage: true }]), {
      file: 'scan.pdf',
      ...assets,
    });
    expect(doc.scanned).toBe(true);
    expect(doc.emptyPages).toEqual([1, 2]);
    expect(doc.pages).toHaveLength(2);
  });

  it('names the image-only pages of a document that otherwise has text', async () => {
    const doc = await readPdf(
      minimalPdf([{ lines: ['一、收入支出决算总体情况说明'] }, { greyImage: true }]),
      {
        file: 'mixed.pdf',
        ...assets,
      },
    );
    expect(doc.scanned).toBeUndefined();
    expect(doc.emptyPages).toEqual([2]);
    expect(doc.warnings?.join('')).toContain('第 2 页没有文字层');
  });

  it('reads a PDF encrypted with an owner password only (copy restrictions), as government PDFs often are', async () => {
    const pdf = minimalPdf([{ lines: ['财政拨款收入214.73万元'], latin: ['Total 360.44'] }], {
      encrypt: { userPassword: '', ownerPassword: 'owner' },
    });
    expect(text(await readPdf(pdf, { file: 'restricted.pdf', ...assets }))).toBe(
      '财政拨款收入214.73万元\nTotal 360.44',
    );
  });

  it('refuses a PDF that needs an open password with E_ENCRYPTED', async () => {
    const pdf = minimalPdf([{ lines: ['财政拨款收入'] }], {
      encrypt: { userPassword: 'secret', ownerPassword: 'owner' },
    });
    const e = await failure(readPdf(pdf, { file: 'locked.pdf', ...assets }));
    expect(e.code).toBe('E_ENCRYPTED');
    expect(e.message).toContain('需要打开密码');
  });

  it('says a truncated PDF is incomplete', async () => {
    const bytes = bytesOf(putuoFile);
    const e = await failure(
      readPdf(bytes.slice(0, Math.floor(bytes.length / 2)), { file: 'cut.pdf', ...assets }),
    );
    expect(e.code).toBe('E_BAD_INPUT');
    expect(e.message).toContain('cut.pdf');
    expect(e.message).toContain('截断');
  });

  it('says random bytes are not a PDF, and random bytes behind a PDF header are a broken one', async () => {
    let seed = 7;
    const random = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff,
    );
    const e1 = await failure(readPdf(random, { file: 'r.bin', ...assets }));
    expect(e1.code).toBe('E_BAD_INPUT');
    expect(e1.message).toContain('不是 PDF 文件');
    const withHeader = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n'),
      ...random,
      ...new TextEncoder().encode('\n%%EOF\n'),
    ]);
    const e2 = await failure(readPdf(withHeader, { file: 'broken.pdf', ...assets }));
    expect(e2.code).toBe('E_BAD_INPUT');
    expect(e2.message).toContain('结构损坏');
  });

  it('refuses files over the size and page limits', async () => {
    const bytes = bytesOf(putuoFile);
    expect((await failure(readPdf(bytes, { file: 'big.pdf', maxBytes: 1000 }))).code).toBe('E_TOO_LARGE');
    const e = await failure(readPdf(bytes, { file: 'long.pdf', maxPages: 10, ...assets }));
    expect(e.code).toBe('E_TOO_LARGE');
    expect(e.message).toContain('24 页');
  });
});

describe('closeUpWideSpaces', () => {
  it('closes the spaces pdfjs puts into justified Chinese, keeps those next to Latin and digits', () => {
    expect(closeUpWideSpaces('214.73 万 元 ， 占 83.06% ； 上 级 补 助 收 入 0.00 万 元 ， 占')).toBe(
      '214.73 万元，占 83.06%；上级补助收入 0.00 万元，占',
    );
    expect(closeUpWideSpaces('本年收入合 计258.51万元')).toBe('本年收入合计258.51万元');
    expect(closeUpWideSpaces('PPP 项目 2022 年')).toBe('PPP 项目 2022 年');
  });
});
