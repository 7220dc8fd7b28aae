/**
 * DOCX → PDF with LibreOffice: the conversion succeeds, pdftotext gives back the document's Chinese characters (none
 * as Kangxi radicals), the fonts are embedded, and the pages render. Needs soffice and poppler: skipped with a reason
 * when missing, a failure when JUESUAN_FULL_TEST=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, builtinProfile, loadDisclosure, writeDocx, type ReportDocument } from '@juesuan/core';
import { sampleDocument } from '@juesuan/core/testing';
import { convertWithLibreOffice } from '../src/pdf.ts';
import { toolsMissing } from '../src/tools.ts';

const skip = toolsMissing(['soffice', 'pdftotext', 'pdffonts', 'pdftoppm'], ' DOCX 转 PDF 的测试');
const root = join(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'juesuan-docx-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Text with all white space removed, and the "— n —" page numbers and the draft header taken out. */
const squeeze = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/—\d+—/g, '')
    // The draft mark of every page: 草稿（校验未通过）, 草稿（数据不完整） (the seed leaves table cells unknown).
    .replace(/草稿（[^）]*）/g, '');

type Block = ReportDocument['blocks'][number];
const paragraphText = (p: Extract<Block, { type: 'paragraph' }>) => p.runs.map((r) => r.text).join('');

const han = (s: string) => new Set(s.match(/\p{Script=Han}/gu) ?? []);

function documentText(doc: ReportDocument): string {
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'title' || b.type === 'heading') parts.push(b.text);
    if (b.type === 'paragraph') parts.push(paragraphText(b));
    if (b.type === 'table') {
      const t = b.table;
      parts.push(t.number, t.title, t.unitLine ?? '', t.unitLabel ?? '', ...(t.notes ?? []));
      for (const row of [...t.header, ...t.rows.map((r) => r.cells)]) parts.push(...row.map((c) => c.text));
    }
  }
  return parts.join('\n');
}

interface Converted {
  pdf: string;
  text: string;
}

async function convert(doc: ReportDocument, name: string): Promise<Converted> {
  const pdf = join(tmp, `${name}.pdf`);
  writeFileSync(pdf, await convertWithLibreOffice(await writeDocx(doc), 'docx'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return { pdf, text };
}

function expectFaithful(doc: ReportDocument, { pdf, text }: Converted) {
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // No character comes back as a CJK/Kangxi radical (U+2E80–U+2FDF) instead of the ideograph.
  expect(text.match(/[\u2E80-\u2FDF]/gu) ?? []).toEqual([]);
  // Every Chinese character of the document is in the PDF's text.
  const got = han(text);
  const lost = [...han(documentText(doc))].filter((c) => !got.has(c));
  expect(lost, `characters missing from pdftotext: ${lost.join('')}`).toEqual([]);
  // Every paragraph comes back whole, in order of reading, white space aside.
  const flat = squeeze(text);
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') expect(flat, paragraphText(b)).toContain(squeeze(paragraphText(b)));
    if (b.type === 'heading' || b.type === 'title') expect(flat).toContain(squeeze(b.text));
  }
  // Fonts are embedded, and at least one of them is a CJK font.
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe('yes'); // the "emb" column
  expect(fonts.some((l) => /CJK|Song|Hei|Kai|Fang|Ming|Han/i.test(l))).toBe(true);
}

function renderPage(pdf: string, page: number, name: string): string {
  const base = join(tmp, name);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    base,
  ]);
  return `${base}.png`;
}

function pageOf(pdf: string, needle: string): number {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? '0',
  );
  for (let p = 1; p <= pages; p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    if (squeeze(t).includes(needle)) return p;
  }
  return 0;
}

describe.skipIf(skip)('DOCX → PDF with LibreOffice', () => {
  it('the sample document: text, table labels and amounts come back, fonts embedded, pages render', async () => {
    const doc = sampleDocument();
    const out = await convert(doc, 'sample');
    expectFaithful(doc, out);
    const flat = squeeze(out.text);
    for (const label of [
      '表七财政拨款“三公”经费支出决算表',
      '编制单位：示例单位',
      '单位：万元',
      '预算数',
      '决算数',
      '公务用车购置及运行（维护）费',
      '1,234.56',
      '注：本表金额单位为万元。',
    ]) {
      expect(flat).toContain(label);
    }
    expect(flat).toContain('收入构成（单位：万元）');
    expect(out.text).toMatch(/—\s*1\s*—/); // the page number
    const png = renderPage(out.pdf, 1, 'sample-page-1');
    expect(statSync(png).size).toBeGreaterThan(5_000);
  });

  it('a draft says 草稿 on every page; two conversions run in parallel with their own profiles', async () => {
    const [draft, plain] = await Promise.all([
      convert(sampleDocument({ draft: true }), 'draft'),
      convert(sampleDocument(), 'plain'),
    ]);
    const pages = draft.text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p).toContain('草稿（校验未通过）');
    expect(plain.text).not.toContain('草稿');
  });

  it('a table longer than a page repeats its header rows on the next page', async () => {
    const base = sampleDocument();
    const [t7] = base.tables;
    if (t7 === undefined) throw new Error('sample without a table');
    const rows = Array.from({ length: 70 }, (_, i) => ({
      indent: 1,
      cells: [{ text: `第${i + 1}项支出` }, { text: `${i + 1}.00` }, { text: `${i + 1}.50` }],
    }));
    const long = { ...t7, rows };
    const doc: ReportDocument = { ...base, blocks: [{ type: 'table', table: long }], tables: [long] };
    const out = await convert(doc, 'long');
    const pages = out.text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) {
      expect(p).toContain('预算数');
      expect(p).toContain('决算数');
    }
    expect(squeeze(out.text)).toContain('第70项支出70.0070.50');
  });

  it('the changji-2022 example built with xinjiang-2022: every paragraph and table label comes back', async () => {
    const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
    const doc = buildReport(d, builtinProfile('xinjiang-2022'));
    const out = await convert(doc, 'changji');
    expectFaithful(doc, out);
    const flat = squeeze(out.text);
    for (const t of doc.tables)
      expect(flat).toContain(squeeze([t.number, t.title].filter((s) => s !== '').join('')));
    for (const label of ['本年收入合计', '年初结转和结余', '总计', '360.44', '258.51', '214.73'])
      expect(flat).toContain(label);
    // Landscape table pages are A4 turned; the first page is A4 portrait.
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '999', out.pdf], { encoding: 'utf8' });
    expect(sizes).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(sizes).toMatch(/size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const t1 = pageOf(out.pdf, '表一收入支出决算总表');
    expect(t1).toBeGreaterThan(1);
    expect(statSync(renderPage(out.pdf, t1, 'changji-t1')).size).toBeGreaterThan(5_000);
  });
});
