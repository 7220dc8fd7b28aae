/** Chart parts of the DOCX: the value format of the alternative text and the embedded workbook. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chartNumber, chartWorkbook, drawnChart } from './docx-chart.ts';

const intl = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('chartNumber', () => {
  it('prints what toLocaleString prints, rounding cases and signs included', () => {
    const cases = [
      0,
      -0,
      1.005,
      2.675,
      0.125,
      -0.001,
      -0.005,
      1234.565,
      999.995,
      1e21,
      123456789012.345,
      5e-7,
      -1.5,
      0.1 + 0.2,
    ];
    for (const v of cases) expect(chartNumber(v), String(v)).toBe(intl(v));
    // Pseudo-random values of every size the charts hold (万元 with up to four decimals).
    let seed = 7;
    for (let i = 0; i < 4_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const scale = 10 ** (seed % 9);
      const v = (((seed / 2 ** 31) * 2 - 1) * scale) / 1;
      const rounded = Math.round(v * 10_000) / 10_000;
      expect(chartNumber(rounded), String(rounded)).toBe(intl(rounded));
      expect(chartNumber(v), String(v)).toBe(intl(v));
    }
  });
});

describe('drawnChart and chartWorkbook', () => {
  const bar = {
    id: 'yoy',
    kind: 'bar' as const,
    title: '对比',
    unit: '万元',
    categories: ['收入 <总计>', '支出'],
    series: [
      { name: '2021年', values: [1.5, 2] },
      { name: '2022年', values: [3, -4.25] },
    ],
  };

  it('draws a pie only for one series without negative parts, and nothing with a value that is not finite', () => {
    expect(drawnChart({ ...bar, kind: 'pie', series: [{ name: 'a', values: [1, 2] }] })?.kind).toBe('pie');
    expect(drawnChart({ ...bar, kind: 'pie', series: [{ name: 'a', values: [1, -2] }] })?.kind).toBe(
      'column',
    );
    expect(drawnChart(bar)?.kind).toBe('column');
    expect(drawnChart({ ...bar, series: [{ name: 'a', values: [1, Number.NaN] }] })).toBeUndefined();
    expect(drawnChart({ ...bar, categories: [] })).toBeUndefined();
    expect(drawnChart({ ...bar, series: [] })).toBeUndefined();
  });

  it('writes the data as a workbook: series names in row 1, categories in column A', async () => {
    const z = await JSZip.loadAsync(await chartWorkbook(bar), { checkCRC32: true });
    const sheet = (await z.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const strings = [
      ...((await z.file('xl/sharedStrings.xml')?.async('string')) ?? '').matchAll(/<t>([^<]*)<\/t>/g),
    ].map((m) => m[1]);
    expect(strings).toEqual(['2021年', '2022年', '收入 &lt;总计&gt;', '支出']);
    expect(sheet).toContain('<dimension ref="A1:C3"/>');
    expect(sheet).toContain('<row r="1"><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>');
    expect(sheet).toContain('<c r="C3"><v>-4.25</v></c>');
    expect(Object.keys(z.files)).toContain('xl/workbook.xml');
  });
});
