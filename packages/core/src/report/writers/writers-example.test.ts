/**
 * The HTML, Markdown and open-data writers on the real builder's output for the example unit
 * (examples/changji-2022.yaml, profile xinjiang-2022): every table cell reaches each format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { findAll, parseMarkup, textContent } from '../../testing/markup-check.ts';
import { buildReport } from '../build.ts';
import { builtinProfile } from '../profile.ts';
import { writeHtml } from './html.ts';
import { writeMarkdown } from './markdown.ts';
import { tableCells, writeCsv, writeJson, type OpenDataJson } from './open-data.ts';

const d = loadDisclosure(
  readFileSync(new URL('../../../../../examples/changji-2022.yaml', import.meta.url), 'utf8'),
);
const doc = buildReport(d, builtinProfile('xinjiang-2022'));

describe('writers on the changji-2022 example', () => {
  it('HTML: well-formed, every table cell and every chart', () => {
    const html = writeHtml(doc);
    const r = parseMarkup(html);
    expect(r.errors).toEqual([]);
    const tables = findAll(r.root, 'table');
    expect(tables.map((t) => t.attrs['data-table'])).toEqual(doc.tables.map((t) => t.id));
    doc.tables.forEach((t, i) => {
      const td = findAll(tables[i]!, 'td').map(textContent);
      expect(td).toEqual(t.rows.flatMap((row) => row.cells.map((c) => c.text)));
      expect(findAll(tables[i]!, 'th').map(textContent)).toEqual(t.header.flat().map((c) => c.text));
    });
    expect(findAll(r.root, 'svg')).toHaveLength(doc.charts.length);
    expect(doc.charts.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('360.44万元');
    expect(html).not.toMatch(/<script|<link|<img/);
  });

  it('Markdown: a GFM table per document table, one line per row', () => {
    const md = writeMarkdown(doc);
    for (const t of doc.tables) {
      const caption = `**${[t.number, t.title].filter((s) => s !== '').join(' ')}**`;
      const at = md.indexOf(caption);
      expect(at, caption).toBeGreaterThanOrEqual(0);
      const lines = md.slice(at).split('\n');
      const start = lines.findIndex((l) => l.startsWith('| '));
      const rows = lines
        .slice(start)
        .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')));
      expect(rows).toHaveLength(t.rows.length + 2);
    }
    for (const c of doc.charts) expect(md).toContain(`**图：${c.title}**`);
  });

  it('CSV and JSON: exact amounts that add up to the fen of the tables', () => {
    const csv = writeCsv(doc);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const cells = doc.tables.flatMap(tableCells);
    expect(lines).toHaveLength(cells.length + 1);
    expect(cells.length).toBeGreaterThan(100);
    const json = JSON.parse(writeJson(doc, d)) as OpenDataJson;
    for (const t of doc.tables) {
      const fen = t.rows.reduce((s, r) => s + r.cells.reduce((a, c) => a + BigInt(c.fen ?? 0), 0n), 0n);
      const jt = json.tables.find((x) => x.id === t.id)!;
      const jsonFen = jt.rows.reduce(
        (s, r) => s + Object.values(r.cells).reduce((a, c) => a + BigInt(c.fen ?? 0), 0n),
        0n,
      );
      expect(jsonFen).toBe(fen);
    }
    expect(json.figures).toBeDefined();
    // T5's code rows carry their codes in the open data.
    const t5 = json.tables.find((x) => x.id === 't5')!;
    expect(t5.rows.filter((r) => r.code !== null).map((r) => r.code)).toContain('2010450');
  });
});
