/**
 * Publications that look finished (issue 8), checked on the writers' output for the complete example; the pages
 * themselves are checked in packages/cli/test/complete-example-pages.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { findAll, parseMarkup, textContent } from '../../testing/markup-check.ts';
import { buildReport } from '../build.ts';
import { CHART_PALETTE, renderChartSvg } from '../charts.ts';
import { builtinProfile } from '../profile.ts';
import { writeDocx } from './docx.ts';
import { writeHtml } from './html.ts';
import { writeXlsx } from './xlsx.ts';

const root = join(import.meta.dirname, '../../../../..');
const d = loadDisclosure(readFileSync(join(root, 'examples/qingsui-2024.yaml'), 'utf8'));
const doc = buildReport(d, builtinProfile('central'));
const perf = doc.tables.filter((t) => t.id.startsWith('perf'));

describe('the complete example, as written', () => {
  it('DOCX: the title broken after the unit name; each 自评表 in two Word tables, the indicator header repeated', async () => {
    const z = await JSZip.loadAsync(await writeDocx(doc));
    const xml = await z.file('word/document.xml')!.async('string');
    expect(xml).toContain(
      '<w:t xml:space="preserve">青穗县农业农村局</w:t><w:br/><w:t xml:space="preserve">2024年度部门决算公开说明</w:t>',
    );
    // The row holding 一级指标 is a header row (w:tblHeader) of its own table, once per 自评表.
    const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) => m[0]);
    const indicatorHeaders = rows.filter((r) => r.includes('>一级指标<'));
    expect(indicatorHeaders).toHaveLength(perf.length);
    for (const r of indicatorHeaders) expect(r).toContain('<w:tblHeader/>');
    // 评价等级 under 总分.
    expect(rows.filter((r) => r.includes('>评价等级<'))).toHaveLength(perf.length);
  });

  it('DOCX and HTML charts share one palette', async () => {
    const z = await JSZip.loadAsync(await writeDocx(doc));
    const chart = await z.file('word/charts/chart1.xml')!.async('string');
    const used = [...chart.matchAll(/<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => m[1]!);
    expect(used).toContain(CHART_PALETTE[0]);
    const svg = renderChartSvg(doc.charts[0]!);
    expect(svg.toLowerCase()).toContain(`#${CHART_PALETTE[0].toLowerCase()}`);
  });

  it('HTML: chart labels whole, the 自评表 landscape, the table of contents naming each project', () => {
    const html = writeHtml(doc);
    expect(html).not.toContain('...</text>');
    for (const c of doc.charts) for (const cat of c.categories) expect(html).toContain(cat.slice(0, 4));
    const r = parseMarkup(html);
    const toc = findAll(r.root, 'nav')[0]!;
    const entries = findAll(toc, 'li').map(textContent);
    for (const t of perf) {
      const project = t.rows.find((row) => row.key === 'name')!.cells[1]!.text;
      expect(entries).toContain(`项目支出绩效自评表（${project}）`);
    }
    const sections = findAll(r.root, 'section').filter((s) => (s.attrs['id'] ?? '').startsWith('table-perf'));
    expect(sections).toHaveLength(perf.length);
    for (const s of sections) expect(s.attrs['class']).toContain('landscape');
  });

  it('XLSX: the nine tables repeat their header rows on each printed page; a 自评表 prints on one page', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx(doc)) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      if (ws.name.startsWith('表')) expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^\d+:\d+$/);
      else expect(ws.pageSetup.fitToHeight, ws.name).toBe(1);
    }
  });
});
