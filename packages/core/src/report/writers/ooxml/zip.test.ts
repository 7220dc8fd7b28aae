/** The ZIP writer, read back with JSZip (an independent reader) and checked byte for byte where the format fixes it. */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from './zip.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the check value of the standard and of the empty input', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(text('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('agrees between the four-byte steps and the byte-wise tail for every length', () => {
    const bytes = text('部门决算公开 0123456789 abcdefghijklmnopqrstuvwxyz');
    // Reference: plain bit-wise CRC-32.
    const slow = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    for (let n = 0; n <= bytes.length; n++)
      expect(crc32(bytes.subarray(0, n))).toBe(slow(bytes.subarray(0, n)));
  });
});

describe('zip', () => {
  it('writes entries that another reader opens, in order, with their content', async () => {
    const big = '<w:t>收入支出决算总表</w:t>'.repeat(5000);
    const bytes = await zip(
      [
        { path: '[Content_Types].xml', data: '<Types/>' },
        { path: 'word/document.xml', data: big },
        { path: 'word/media/raw.bin', data: new Uint8Array([0, 1, 2, 255]) },
        { path: 'docProps/空.xml', data: '' },
      ],
      { date: new Date(2023, 4, 17, 9, 30, 12) },
    );
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const z = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(z.files)).toEqual([
      '[Content_Types].xml',
      'word/document.xml',
      'word/media/raw.bin',
      'docProps/空.xml',
    ]);
    expect(await z.file('word/document.xml')?.async('string')).toBe(big);
    expect(await z.file('[Content_Types].xml')?.async('string')).toBe('<Types/>');
    expect([...((await z.file('word/media/raw.bin')?.async('uint8array')) ?? [])]).toEqual([0, 1, 2, 255]);
    expect(await z.file('docProps/空.xml')?.async('string')).toBe('');
    const date = z.file('word/document.xml')?.date;
    expect(date?.getFullYear()).toBe(2023);
    // The repeated text deflates to a small fraction; the tiny part is stored as is.
    expect(bytes.length).toBeLessThan(big.length / 20);
  });

  it('compresses a reused part once and writes the same bytes each time', async () => {
    const part = '<w:styles>' + '<w:style w:styleId="Body"/>'.repeat(200) + '</w:styles>';
    const a = await zip([{ path: 'word/styles.xml', data: part, reuse: true }], {
      date: new Date(2024, 0, 1),
    });
    const b = await zip([{ path: 'word/styles.xml', data: part, reuse: true }], {
      date: new Date(2024, 0, 1),
    });
    expect(b).toEqual(a);
    expect(await (await JSZip.loadAsync(b)).file('word/styles.xml')?.async('string')).toBe(part);
  });

  it('deflates with the compressor it is given (here Node zlib), with the same content', async () => {
    const part = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500);
    let calls = 0;
    const bytes = await zip([{ path: 'xl/worksheets/sheet1.xml', data: part }], {
      deflate: (d) => {
        calls++;
        return deflateRawSync(d);
      },
    });
    expect(calls).toBe(1);
    expect(
      await (
        await JSZip.loadAsync(bytes, { checkCRC32: true })
      )
        .file('xl/worksheets/sheet1.xml')
        ?.async('string'),
    ).toBe(part);
  });

  it('writes an empty archive as the end record alone', async () => {
    const bytes = await zip([]);
    expect(bytes.length).toBe(22);
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toEqual([]);
  });
});
