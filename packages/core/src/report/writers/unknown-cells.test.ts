/**
 * Unknown is not zero, in tables too (issue 8): a cell whose figure the data does not give prints UNKNOWN_CELL_TEXT,
 * highlighted, with the note under its table, in DOCX, XLSX, HTML and Markdown — never blank and never 0; a table the
 * data declares empty prints its 合计 row as zero. The seed unit leaves T5's 基本/项目支出 by 项 and T6 by 款 unknown;
 * its T8 and T9 are declared empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { findAll, parseMarkup, textContent } from '../../testing/markup-check.ts';
import { buildReport } from '../build.ts';
import { UNKNOWN_CELL_NOTE, UNKNOWN_CELL_TEXT } from '../document.ts';
import { builtinProfile } from '../profile.ts';
import { writeDocx } from './docx.ts';
import { writeHtml } from './html.ts';
import { writeMarkdown } from './markdown.ts';
import { writeXlsx } from './xlsx.ts';

const root = join(import.meta.dirname, '../../../../..');
const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
const doc = buildReport(d, builtinProfile('xinjiang-2022'));
const t5 = doc.tables.find((t) => t.id === 't5')!;
const unknownInT5 = t5.rows.flatMap((r) => r.cells).filter((c) => c.unknown).length;

describe('unknown table cells', () => {
  it('are marked in the document, and make the publication a draft', () => {
    expect(unknownInT5).toBeGreaterThan(0);
    expect(t5.notes).toContain(UNKNOWN_CELL_NOTE);
    expect(doc.draft).toBe(true);
    expect(doc.draftReason).toBe('数据不完整');
    // 表八/表九 are declared empty: their 合计 rows are zero, not unknown.
    for (const id of ['t8', 't9']) {
      const t = doc.tables.find((x) => x.id === id)!;
      const cells = t.rows.flatMap((r) => r.cells.filter((c) => c.ref !== undefined));
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c).toMatchObject({ fen: 0, text: '' });
      expect(t.notes).not.toContain(UNKNOWN_CELL_NOTE);
    }
  });

  it('DOCX: the mark in a shaded cell, the note under the table', async () => {
    const z = await JSZip.loadAsync(await writeDocx(doc));
    const xml = await z.file('word/document.xml')!.async('string');
    const shaded = [
      ...xml.matchAll(
        /<w:tc><w:tcPr>(?:(?!<\/w:tc>).)*?<w:shd [^>]*w:fill="FFF200"\/>(?:(?!<\/w:tc>).)*<\/w:tc>/g,
      ),
    ];
    expect(shaded.length).toBeGreaterThanOrEqual(unknownInT5);
    for (const [cell] of shaded) expect(cell).toContain(`>${UNKNOWN_CELL_TEXT}</w:t>`);
    expect(xml).toContain(UNKNOWN_CELL_NOTE);
    // The draft mark says why.
    const headers = Object.keys(z.files).filter((f) => f.startsWith('word/header'));
    expect(await z.file(headers[0]!)!.async('string')).toContain('草稿（数据不完整）');
  });

  it('XLSX: the mark as text on a yellow fill (not a number, not blank), the note under the table', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(doc)) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name.startsWith('表五'))!;
    const marked: ExcelJS.Cell[] = [];
    let note = false;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === UNKNOWN_CELL_TEXT) marked.push(cell);
        if (cell.value === UNKNOWN_CELL_NOTE) note = true;
      }),
    );
    expect(marked).toHaveLength(unknownInT5);
    for (const c of marked) {
      expect(c.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF200' } });
    }
    expect(note).toBe(true);
    // 表九's 合计 row: zero cells (numbers), printed blank by the format.
    const t9 = wb.worksheets.find((w) => w.name.startsWith('表九'))!;
    const values: unknown[] = [];
    t9.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).not.toContain(UNKNOWN_CELL_TEXT);
    expect(values.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('HTML: a highlighted cell with a title saying what it means, the note under the table', () => {
    const html = writeHtml(doc);
    const r = parseMarkup(html);
    expect(r.errors).toEqual([]);
    const table = findAll(r.root, 'table').find((t) => t.attrs['data-table'] === 't5')!;
    const cells = findAll(table, 'td').filter((td) =>
      (td.attrs['class'] ?? '').split(' ').includes('unknown'),
    );
    expect(cells).toHaveLength(unknownInT5);
    for (const c of cells) {
      expect(textContent(c)).toBe(UNKNOWN_CELL_TEXT);
      expect(c.attrs['title']).toContain('不等于零');
    }
    expect(html).toMatch(/table\.report td\.unknown \{ background: #fff2a8;/);
    expect(html).toContain(UNKNOWN_CELL_NOTE);
    expect(html).toContain('草稿 · 本文件的数据不完整');
  });

  it('Markdown: the mark in bold, the note under the table; a declared-empty table prints no mark', () => {
    const md = writeMarkdown(doc);
    const section = (caption: string) => {
      const at = md.indexOf(`**${caption}**`);
      expect(at, caption).toBeGreaterThanOrEqual(0);
      return md.slice(at, md.indexOf('\n\n**', at + 1));
    };
    const t5md = section('表五 一般公共预算财政拨款支出决算表');
    expect(t5md.match(new RegExp(`\\*\\*${UNKNOWN_CELL_TEXT}\\*\\*`, 'g'))?.length).toBe(unknownInT5);
    expect(t5md).toContain(UNKNOWN_CELL_NOTE);
    expect(section('表九 国有资本经营预算财政拨款收入支出决算表')).not.toContain(UNKNOWN_CELL_TEXT);
  });
});
