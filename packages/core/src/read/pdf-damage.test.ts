/**
 * Damaged PDFs, made in the test by corrupting copies of the real fixture: bytes overwritten inside content streams, a
 * broken cross-reference table, broken object headers (the page tree falls apart), and a text layer garbled by an
 * incremental update that gives every font a character map into the private use area or onto Kangxi radicals. Each is
 * reported as damaged with the pages affected — never as a scan, never silently as pages without figures.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { minimalPdf } from '../testing/minimal-pdf.ts';
import { countChars, describeDamage, emptyCounts, garbledReason } from './pdf-damage.ts';
import { readPdf } from './pdf-reader.ts';
import type { TextDocument } from './text-document.ts';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assets = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
};
const putuo = new Uint8Array(
  readFileSync(
    join(import.meta.dirname, '../../../../../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf'),
  ),
);
const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const read = (bytes: Uint8Array, file = 'damaged.pdf') => readPdf(bytes, { file, ...assets });
const pageText = (doc: TextDocument, n: number) => doc.pages[n - 1]!.lines.map((l) => l.text).join('\n');

/** The data offset of the content stream of page `n` (1-based) of the fixture, whose pages are in file order. */
function contentStream(bytes: Uint8Array, n: number): number {
  const s = latin1(bytes);
  const pages = [...s.matchAll(/\/Contents (\d+) 0 R[^\r\n]*?\/Type \/Page>>/g)];
  expect(pages).toHaveLength(24);
  const id = pages[n - 1]![1]!;
  const at = s.search(new RegExp(`(?<![0-9])${id} 0 obj`));
  return s.indexOf('stream', at) + 'stream\r\n'.length;
}

/** A copy with `length` bytes from `at` replaced by pseudo-random ones. */
function overwrite(bytes: Uint8Array, at: number, length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed;
  for (let i = 0; i < length; i++) out[at + i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  return out;
}

/**
 * An incremental update (ISO 32000-1 §7.5.6) that replaces every ToUnicode map with `cmap`: a valid file whose text
 * layer decodes to whatever the map says.
 */
function withToUnicode(bytes: Uint8Array, ranges: string[]): Uint8Array {
  const s = latin1(bytes);
  const ids = [...new Set([...s.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => Number(m[1])))];
  expect(ids.length).toBeGreaterThan(0);
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    blocks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Garbled def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  let tail = '\n';
  const offsets: [number, number][] = [];
  for (const id of ids) {
    offsets.push([id, bytes.length + tail.length]);
    tail += `${id} 0 obj\n<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream\nendobj\n`;
  }
  const xrefAt = bytes.length + tail.length;
  tail += 'xref\n';
  for (const [id, offset] of offsets) tail += `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const prev = /startxref\s+(\d+)/.exec(s.slice(-2048))![1]!;
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(s)![1]!;
  const root = /\/Root \d+ 0 R/.exec(trailer)![0];
  const size = /\/Size (\d+)/.exec(trailer)![1]!;
  tail += `trailer\n<< /Size ${size} ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(bytes.length + tail.length);
  out.set(bytes);
  out.set(bytesOf(tail), bytes.length);
  return out;
}

const hex4 = (n: number) => `<${n.toString(16).padStart(4, '0').toUpperCase()}>`;

describe('damaged copies of the real fixture are reported as damaged, with the pages affected', async () => {
  const sound = await read(putuo, 'putuo.pdf');

  it('the sound file has no damage', () => {
    expect(sound.damage).toBeUndefined();
    expect(sound.scanned).toBeUndefined();
  });

  it('bytes overwritten in the middle of a content stream: that page, the others read as before', async () => {
    const doc = await read(overwrite(putuo, contentStream(putuo, 3) + 100, 40));
    expect(doc.damage).toEqual([
      { reason: 'page-unreadable', pages: [3], detail: expect.any(String) as string },
    ]);
    expect(doc.scanned).toBeUndefined();
    for (const n of [1, 2, 4, 10, 24]) expect(pageText(doc, n)).toBe(pageText(sound, n));
    expect(describeDamage(doc.damage!)).toMatch(
      /^PDF 文件已损坏：第 3 页：页面内容无法解析.*第 3 页的内容未能读出/,
    );
  });

  it('several content streams overwritten, some still inflating to nothing: every one of those pages', async () => {
    let bytes: Uint8Array = putuo;
    const hit = [2, 4, 6, 8, 10];
    for (const [i, n] of hit.entries())
      bytes = overwrite(bytes, contentStream(bytes, n) + 2 + 40 * (i % 2), 30, n);
    const doc = await read(bytes);
    expect(doc.damage?.map((d) => d.reason)).toEqual(['page-unreadable']);
    expect(doc.damage![0]!.pages).toEqual(hit);
    expect(doc.emptyPages).toEqual(hit);
    expect(doc.scanned).toBeUndefined();
    expect(pageText(doc, 3)).toBe(pageText(sound, 3));
  });

  it('a broken cross-reference table: named, though pdfjs rebuilds it and the text is complete', async () => {
    const s = latin1(putuo);
    const broken = bytesOf(
      s.replace(
        /startxref(\s+)(\d+)/,
        (_, ws: string, n: string) => `startxref${ws}${String(Number(n) - 777).padStart(n.length, '0')}`,
      ),
    );
    const doc = await read(broken);
    expect(doc.damage).toEqual([
      { reason: 'xref', pages: [], detail: expect.stringContaining('startxref') as string },
    ]);
    expect(doc.pages.map((p) => p.lines)).toEqual(sound.pages.map((p) => p.lines));
    expect(describeDamage(doc.damage!)).toMatch(/^PDF 文件结构有损坏，但内容已完整读出：交叉引用表损坏/);

    const zeroed = bytesOf(
      s.replace(/xref[\s\S]*?trailer/, (m) => m.replace(/\d{10} 00000 n/g, '0000000000 00000 n')),
    );
    const doc2 = await read(zeroed);
    expect(doc2.damage?.map((d) => d.reason)).toEqual(['xref']);
    expect(doc2.damage![0]!.detail).toMatch(/151 个对象的位置有误/);
  });

  it('broken object headers: the page tree loses pages, objects fail — damage, not a scan, and no crash', async () => {
    const s = latin1(putuo);
    const broken = bytesOf(
      s.replace(/(\d+) 0 obj/g, (m, n: string) => (Number(n) % 3 === 0 ? `${n} 0 obk` : m)),
    );
    const doc = await read(broken);
    expect(doc.scanned).toBeUndefined();
    const reasons = doc.damage?.map((d) => d.reason);
    expect(reasons).toContain('page-tree');
    expect(reasons).toContain('objects');
    expect(doc.damage!.find((d) => d.reason === 'page-tree')!.detail).toBe(
      '文件中有 24 个页面对象，页面目录只列出 1 页',
    );
    expect(describeDamage(doc.damage!)).toMatch(/^PDF 文件已损坏：.*页面目录损坏/);
  });

  it('a text layer mapped into the private use area: every page with text is garbled', async () => {
    const ranges = Array.from(
      { length: 11 },
      (_, i) => `${hex4(i * 0x1800)} ${hex4(Math.min(0xffff, i * 0x1800 + 0x17ff))} <E000>`,
    );
    const doc = await read(withToUnicode(putuo, ranges));
    expect(doc.scanned).toBeUndefined();
    const garbled = doc.damage?.find((d) => d.reason === 'garbled-text');
    expect(garbled?.pages).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(garbled?.detail).toMatch(/私用区/);
    expect(doc.damage?.map((d) => d.reason)).toEqual(['garbled-text']);
    expect(describeDamage(doc.damage!)).toMatch(/文字层乱码/);
  });

  it('a text layer mapped onto Kangxi radicals only: garbled, though each radical normalises to an ideograph', async () => {
    const ranges: string[] = [];
    for (let c = 0; c <= 0xffff; c += 214)
      ranges.push(`${hex4(c)} ${hex4(Math.min(0xffff, c + 213))} <2F00>`);
    const doc = await read(withToUnicode(putuo, ranges));
    const garbled = doc.damage?.find((d) => d.reason === 'garbled-text');
    expect(garbled?.detail).toMatch(/康熙部首/);
    // Pages 1 and 2 and the narrative pages carry enough Han characters to judge.
    expect(garbled?.pages).toEqual(expect.arrayContaining([2, 3, 13, 18, 24]) as number[]);
  });

  it('a truncated copy is still refused as incomplete (pdfjs cannot open it without its trailer)', async () => {
    for (const f of [0.5, 0.99]) {
      const e = await read(putuo.slice(0, Math.floor(putuo.length * f))).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(JuesuanError);
      expect((e as JuesuanError).message).toContain('截断');
    }
  });

  it('an image-only PDF is a scan, not damage; a page of blank content is neither', async () => {
    const scan = await read(minimalPdf([{ greyImage: true }, { greyImage: true }]));
    expect(scan.scanned).toBe(true);
    expect(scan.damage).toBeUndefined();
    const blank = await read(minimalPdf([{ lines: ['一、收入支出决算总体情况说明'] }, {}]));
    expect(blank.scanned).toBeUndefined();
    expect(blank.damage).toBeUndefined();
    expect(blank.emptyPages).toEqual([2]);
  });
});

describe('garbledReason', () => {
  const judge = (s: string) => {
    const c = emptyCounts();
    countChars(s, c);
    return garbledReason(c);
  };
  it('passes Chinese text, with digits, Latin, full-width punctuation and a few Chromium radicals', () => {
    expect(judge('一般公共预算财政拨款支出214.73万元，占本年支出合计的83.06%（PPP项目）。')).toBeUndefined();
    expect(judge('⼀般公共预算财政拨款⽀出214.73万元，⽐上年增加12.5万元。')).toBeUndefined();
    expect(judge('第 1 页')).toBeUndefined();
  });
  it('finds private use, replacement and control characters, other scripts, and radicals only', () => {
    expect(judge('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a万元')).toMatch(/私用区/);
    expect(judge('\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd')).toMatch(/私用区/);
    expect(judge('ങcϭჿύࣛೌ దᄆѻࢅസᆙ඘ெࣣ')).toMatch(/其他文种/);
    expect(judge('ÄÚ²¿¿ØÖÆ¹ÜÀíÖÆ¶È')).toMatch(/其他文种/);
    expect(judge('⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎')).toMatch(/康熙部首/);
  });
});
