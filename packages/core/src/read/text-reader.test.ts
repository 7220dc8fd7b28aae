import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readText } from './text-reader.ts';

const seedFile = join(import.meta.dirname, '../../../../../shared/seed/000_13a944de2df0659e.txt');
const seedBytes = new Uint8Array(readFileSync(seedFile));
const encode = (s: string) => new TextEncoder().encode(s);

describe('readText', () => {
  it("reads the seed's pages (lines that start with one space) with the file's line numbers", () => {
    const doc = readText(seedBytes, 'seed.txt');
    expect(doc.kind).toBe('text');
    expect(doc.pages.length).toBeGreaterThan(10);
    expect(doc.pages[1]!.lines[0]!.text).toBe('第一部分 单位概况');
    const lines = doc.pages.flatMap((p) => p.lines);
    const raw = new TextDecoder().decode(seedBytes).split('\n');
    expect(lines).toHaveLength(raw.filter((l) => l.trim() !== '').length);
    // Line 37 of the file, normalised: the space between number and unit closes up.
    const l37 = lines.find((l) => l.line === 37)!;
    expect(raw[36]).toBe('2022 年度收入总计 360.44 万元，其中：本年收入合计');
    expect(l37.text).toBe('2022年度收入总计 360.44万元，其中：本年收入合计');
    expect(lines[0]!.text).toBe('新疆昌吉回族自治州对口援疆工作领导小');
  });

  it('decodes UTF-8 with a BOM, UTF-16 with a BOM and GB18030', () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...encode('决算')))).toEqual({
      text: '决算',
      encoding: 'utf-8',
    });
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0xb3, 0x51, 0x97, 0x7b))).toEqual({
      text: '决算',
      encoding: 'utf-16le',
    });
    expect(decodeText(Uint8Array.of(0xfe, 0xff, 0x51, 0xb3, 0x7b, 0x97))).toEqual({
      text: '决算',
      encoding: 'utf-16be',
    });
    // "决算公开2022年度收入" in GBK (a subset of GB18030), as Chinese Windows writes it.
    const gbk = Uint8Array.of(
      0xbe,
      0xf6,
      0xcb,
      0xe3,
      0xb9,
      0xab,
      0xbf,
      0xaa,
      0x32,
      0x30,
      0x32,
      0x32,
      0xc4,
      0xea,
      0xb6,
      0xc8,
      0xca,
      0xd5,
      0xc8,
      0xeb,
    );
    expect(decodeText(gbk)).toEqual({ text: '决算公开2022年度收入', encoding: 'gb18030' });
    expect(readText(gbk, 'gbk.txt').pages[0]!.lines[0]!.text).toBe('决算公开2022年度收入');
    // A UTF-8 file cut in the middle of its last character is still UTF-8, not GB18030 gibberish.
    const cut = seedBytes.subarray(0, 1000);
    expect(new TextDecoder().decode(cut).endsWith('\uFFFD')).toBe(true);
    expect(decodeText(cut).encoding).toBe('utf-8');
  });

  it('splits pages at form feeds (as pdftotext writes them) and removes page numbers and running headers', () => {
    const page = (n: number, body: string) => `某单位2022年度部门决算公开说明\n${body}\n\n— ${n} —\n`;
    const text =
      [
        page(1, '一、收入支出决算总体情况说明'),
        page(2, '2022年度收入总计360.44万元。'),
        page(3, '二、收入决算情况说明'),
      ].join('\f') + '\f';
    const doc = readText(encode(text), 'p.txt');
    expect(doc.pages.map((p) => p.lines.map((l) => `${l.page}:${l.line} ${l.text}`))).toEqual([
      ['1:2 一、收入支出决算总体情况说明'],
      ['2:2 2022年度收入总计360.44万元。'],
      ['3:2 二、收入决算情况说明'],
    ]);
  });

  it('removes a printed page number on a line of its own anywhere in a single-page text', () => {
    const doc = readText(encode('第一行正文\n- 3 -\n第二行正文\n第 4 页\n'), 'one.txt');
    expect(doc.pages[0]!.lines.map((l) => l.text)).toEqual(['第一行正文', '第二行正文']);
  });

  it('refuses a text file over the size limit', () => {
    expect(() => readText(new Uint8Array(50 * 1024 * 1024 + 1), 'big.txt')).toThrow(/过大/);
  });
});
