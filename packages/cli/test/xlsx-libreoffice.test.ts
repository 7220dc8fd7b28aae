/**
 * The XLSX opens in LibreOffice Calc: converted to PDF without error, the Chinese titles and the
 * figures (thousands separators, two decimals, blank zeros) come back through pdftotext, and the
 * changji example's nine tables print. Needs soffice and pdftotext: skipped with a reason when
 * missing, a failure when JUESUAN_FULL_TEST=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, builtinProfile, loadDisclosure, writeXlsx } from '@juesuan/core';
import { wan } from '@juesuan/core/testing';
import { sampleDocument } from '@juesuan/core/testing';
import { convertWithLibreOffice } from '../src/pdf.ts';
import { toolsMissing } from '../src/tools.ts';

const skip = toolsMissing(['soffice', 'pdftotext'], ' LibreOffice 打开 XLSX 的测试');
const root = join(import.meta.dirname, '../../..');

type Doc = ReturnType<typeof sampleDocument>;
type Table = Doc['tables'][number];

/** A T5-like table: codes, a two-level header, indented names, a zero, a five-digit figure. */
function t5(): Table {
  return {
    id: 't5',
    number: '表五',
    title: '一般公共预算财政拨款支出决算表',
    unitLine: '编制单位：昌吉州发展和改革委员会',
    unitLabel: '单位：万元',
    columns: [
      { key: 'code', kind: 'code', width: 10 },
      { key: 'name', kind: 'text', width: 34 },
      { key: 'total', kind: 'amount', width: 14 },
      { key: 'basic', kind: 'amount', width: 14 },
      { key: 'project', kind: 'amount', width: 14 },
    ],
    header: [
      [
        { text: '项目', colSpan: 2 },
        { text: '本年支出', colSpan: 3 },
      ],
      [
        { text: '科目编码' },
        { text: '科目名称' },
        { text: '合计' },
        { text: '基本支出' },
        { text: '项目支出' },
      ],
    ],
    rows: [
      {
        bold: true,
        cells: [
          { text: '合计', colSpan: 2, align: 'center' },
          { text: '12,940.05', fen: wan('12940.05') },
          { text: '12,900.00', fen: wan('12900') },
          { text: '40.05', fen: wan('40.05') },
        ],
      },
      {
        indent: 0,
        cells: [
          { text: '201' },
          { text: '一般公共服务支出' },
          { text: '12,940.05', fen: wan('12940.05') },
          { text: '12,900.00', fen: wan('12900') },
          { text: '40.05', fen: wan('40.05') },
        ],
      },
      {
        indent: 2,
        cells: [
          { text: '2010450' },
          { text: '事业运行' },
          { text: '12,900.00', fen: wan('12900') },
          { text: '12,900.00', fen: wan('12900') },
          { text: '', fen: 0 },
        ],
      },
      {
        indent: 2,
        cells: [
          { text: '2010499' },
          { text: '其他发展与改革事务支出' },
          { text: '40.05', fen: wan('40.05') },
          { text: '', fen: 0 },
          { text: '40.05', fen: wan('40.05') },
        ],
      },
    ],
    notes: ['注：本表反映本年度一般公共预算财政拨款实际支出情况。'],
  };
}

const work = mkdtempSync(join(tmpdir(), 'juesuan-xlsx-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** XLSX bytes → PDF through LibreOffice (own profile per call) → the text pdftotext extracts. */
async function pdfText(xlsx: Uint8Array, name: string): Promise<string> {
  const pdf = await convertWithLibreOffice(xlsx, 'xlsx');
  expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(skip !== undefined)('XLSX in LibreOffice', () => {
  it('converts to PDF; titles, unit line, codes and figures read back', async () => {
    const doc: Doc = { ...sampleDocument(), tables: [t5(), ...sampleDocument().tables] };
    const text = await pdfText(await writeXlsx(doc), 'tables');
    for (const s of [
      '一般公共预算财政拨款支出决算表',
      '财政拨款“三公”经费支出决算表',
      '编制单位：昌吉州发展和改革委员会',
      '单位：万元',
      '科目编码',
      '2010450',
      '其他发展与改革事务支出',
      '12,940.05',
      '12,900.00',
      '1,234.56',
      '注：本表反映本年度一般公共预算财政拨款实际支出情况。',
    ]) {
      expect(text, s).toContain(s);
    }
    // Blank zeros: the 事业运行 line ends with its two figures, no 0.00 anywhere.
    expect(text).toMatch(/2010450\s+事业运行\s+12,900\.00\s+12,900\.00\s*\n/);
    expect(text).not.toMatch(/(^|\s)0\.00(\s|$)/);
    // Kangxi radicals (U+2F00–U+2FDF) would mean a broken font mapping.
    expect(text).not.toMatch(/[\u2F00-\u2FDF]/);
  });

  it('a draft prints 草稿 on the page', async () => {
    const text = await pdfText(await writeXlsx(sampleDocument({ draft: true })), 'draft');
    expect(text).toContain('草稿');
    expect(text).toContain('财政拨款“三公”经费支出决算表');
  });

  it('the changji example: every table title and its figures print', async () => {
    const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
    const doc = buildReport(d, builtinProfile('xinjiang-2022'));
    const text = await pdfText(await writeXlsx(doc), 'changji');
    const squeezed = text.replace(/\s+/g, '');
    for (const t of doc.tables) expect(squeezed, t.title).toContain(t.title.replace(/\s+/g, ''));
    for (const figure of ['360.44', '258.51', '214.73', '101.93', '124.21', '115.68', '9.28']) {
      expect(text, figure).toContain(figure);
    }
    expect(text).toContain('编制单位：');
    expect(text).not.toMatch(/[\u2F00-\u2FDF]/);
  });
});
