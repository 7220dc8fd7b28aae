/**
 * The XLSX opens in LibreOffice Calc: converted to PDF without error, the Chinese titles and the
 * figures (thousands separators, two decimals, blank zeros) come back through pdftotext.
 * Needs soffice and pdftotext: skipped with a reason when missing, a failure when JUESUAN_FULL_TEST=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDocument, wan, writeXlsx } from '@juesuan/core';

// Local helpers: packages/cli/src/tools.ts and pdf.ts were not there yet when this test was written.
function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}
const full = process.env.JUESUAN_FULL_TEST === '1';
const missing = ['soffice', 'pdftotext'].filter((t) => !hasTool(t));
if (missing.length > 0) {
  const reason = `缺少 ${missing.join('、')}，跳过 LibreOffice 打开 XLSX 的测试（Debian：apt-get install libreoffice-calc poppler-utils）`;
  if (full) throw new Error(`JUESUAN_FULL_TEST=1：${reason}`);
  console.warn(reason);
}

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

/** soffice --convert-to pdf with its own profile directory (parallel runs must not share one). */
function toPdf(file: string): { pdf: string; text: string; stderr: string; status: number | null } {
  const profile = mkdtempSync(join(tmpdir(), 'juesuan-lo-profile-'));
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        file,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    const text = existsSync(pdf)
      ? spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout
      : '';
    return { pdf, text, stderr: r.stderr, status: r.status };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(missing.length > 0)('XLSX in LibreOffice', () => {
  it('converts to PDF; titles, unit line, codes and figures read back', async () => {
    const doc: Doc = { ...sampleDocument(), tables: [t5(), ...sampleDocument().tables] };
    const file = join(work, 'tables.xlsx');
    writeFileSync(file, await writeXlsx(doc));
    const r = toPdf(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error/i);
    expect(readFileSync(r.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = r.text;
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
    const file = join(work, 'draft.xlsx');
    writeFileSync(file, await writeXlsx(sampleDocument({ draft: true })));
    const r = toPdf(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.text).toContain('草稿');
    expect(r.text).toContain('财政拨款“三公”经费支出决算表');
  });
});
