/** The DOCX read back: unzip it and check the WordprocessingML against the document and GB/T 9704. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { buildReport } from '../build.ts';
import { paragraphText, type DocTable, type ReportDocument } from '../document.ts';
import { builtinProfile } from '../profile.ts';
import { sampleDocument } from '../../testing/sample-document.ts';
import { DRAFT_HEADER, isWideTable, writeDocx } from './docx.ts';

const root = join(import.meta.dirname, '../../../../..');

interface Unzipped {
  files: string[];
  read(path: string): Promise<string>;
}

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    files: Object.keys(zip.files),
    async read(path) {
      const f = zip.file(path);
      if (f === null) throw new Error(`missing ${path}`);
      return f.async('string');
    },
  };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph (w:p) of a part, runs joined, tabs as \t. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((t) => (t[0] === '<w:tab/>' ? '\t' : unescapeXml(t[1] ?? '')))
      .join(''),
  );
}

/** Each table (w:tbl) as its rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1] ?? '').join('\n')),
    ),
  );
}

function expectDocumentText(doc: ReportDocument, xml: string) {
  const paras = paragraphs(xml);
  for (const b of doc.blocks) {
    if (b.type === 'title') expect(paras).toContain(b.text);
    if (b.type === 'heading') expect(paras).toContain(b.text);
    if (b.type === 'paragraph') expect(paras).toContain(paragraphText(b));
  }
  const written = tables(xml);
  const tableBlocks = doc.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
  expect(written.length).toBeGreaterThanOrEqual(tableBlocks.length);
  for (const t of tableBlocks) {
    const caption = [t.number, t.title].filter((s) => s !== '').join('　');
    expect(paras).toContain(caption);
    // The table written right after its caption holds every header and body cell, row by row, in order (a 绩效自评表
    // is written as two Word tables, the second headed by its indicator header row, so pairs are joined too).
    const cells = written
      .flatMap((rows, i) => [rows, [...rows, ...(written[i + 1] ?? [])]])
      .map((rows) => rows.map((r) => r.filter((c) => c !== '')));
    const expected = [...t.header, ...t.rows.map((r) => r.cells)].map((r) =>
      r.map((c) => c.text).filter((s) => s !== ''),
    );
    expect(cells, `${t.id} ${t.title}`).toContainEqual(expected);
  }
}

describe('writeDocx: the sample document', async () => {
  const doc = sampleDocument();
  const bytes = await writeDocx(doc);
  const z = await unzip(bytes);
  const xml = await z.read('word/document.xml');
  const styles = await z.read('word/styles.xml');

  it('is a Word package with the main parts', () => {
    expect(bytes[0]).toBe(0x50); // PK
    for (const part of [
      '[Content_Types].xml',
      'word/document.xml',
      'word/styles.xml',
      'word/fontTable.xml',
      'docProps/core.xml',
    ]) {
      expect(z.files).toContain(part);
    }
  });

  it('holds the title, every heading and paragraph and every table cell', () => {
    expectDocumentText(doc, xml);
    expect(paragraphs(xml)).toContain(
      '2022年度收入总计360.44万元，与上年相比，增加26.58万元，增长7.96%，主要原因是：【请填写主要原因】。',
    );
  });

  it('marks header rows to repeat and merges cells with gridSpan and vMerge', () => {
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toMatch(/<w:cantSplit\/>/);
  });

  it('right-aligns amounts, indents names and writes the unit line with 单位：万元 at a right tab', () => {
    const row = xml.match(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?1,234\.56[\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(row).toContain('<w:jc w:val="right"/>');
    expect(xml).toMatch(/<w:ind w:left="\d+"\/>(?:(?!<\/w:p>)[\s\S])*因公出国（境）费/);
    expect(paragraphs(xml)).toContain('编制单位：示例单位\t单位：万元');
    expect(xml).toMatch(/<w:tab w:val="right" w:pos="\d+"\/>/);
    expect(paragraphs(xml)).toContain('注：本表金额单位为万元。');
  });

  it('highlights placeholders in yellow', () => {
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>)[\s\S])*【请填写主要原因】/);
  });

  it('uses the GB/T 9704 fonts, sizes and line spacing with eastAsia font names', () => {
    expect(styles).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/); // title 2号
    expect(styles).toMatch(/w:eastAsia="黑体"[\s\S]*?<w:sz w:val="32"\/>/); // level 1, 3号
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toMatch(
      /<w:style w:type="paragraph" w:styleId="Body">(?:(?!<\/w:style>)[\s\S])*w:line="560" w:lineRule="exact"/,
    );
    expect(styles).toContain('w:firstLineChars="200"');
    expect(styles).toContain('<w:jc w:val="both"/>');
    expect(styles).toContain('w:eastAsia="zh-CN"');
    // table cells: 宋体 五号 (wide tables) or 小四 (tables of up to four columns, as here)
    expect(styles).toMatch(
      /w:styleId="TableText">(?:(?!<\/w:style>)[\s\S])*w:eastAsia="宋体"(?:(?!<\/w:style>)[\s\S])*<w:sz w:val="21"\/>/,
    );
    expect(styles).toMatch(/w:styleId="TableTextLarge">(?:(?!<\/w:style>)[\s\S])*<w:sz w:val="24"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="TableTextLarge"\/>(?:(?!<\/w:p>)[\s\S])*1,234\.56/);
  });

  it('gives every official font a Chinese fallback in the font table', async () => {
    const fonts = await z.read('word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts.match(/<w:charset w:val="86"\/>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('is A4 portrait with the GB/T 9704 margins, page numbers continuing from 1', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('<w:pgNumType w:start="1"/>');
  });

  it('puts "— n —" page numbers in the footers, odd right and even left', async () => {
    const footers = z.files.filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    const texts = await Promise.all(footers.map((f) => z.read(f)));
    for (const f of texts) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
    }
    expect(texts.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(texts.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    expect(await z.read('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('draws the chart as a native Word chart with its data', async () => {
    expect(paragraphs(xml)).toContain('收入构成（单位：万元）');
    const chart = await z.read('word/charts/chart1.xml');
    expect(chart).toContain('<c:pieChart>');
    expect(chart).toContain('财政拨款收入');
    expect(chart).toContain('214.73');
  });

  it('starts the page after a pageBreak block without an empty paragraph', () => {
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>)[\s\S])*第四部分 部门决算报表/);
  });

  it('sets the document properties', async () => {
    const core = await z.read('docProps/core.xml');
    expect(core).toContain('<dc:title>示例单位2022年度部门决算公开说明</dc:title>');
    expect(core).toContain('<dc:creator>Juesuan</dc:creator>');
  });

  it('has no draft mark when the document is not a draft', () => {
    expect(z.files.some((f) => f.startsWith('word/header'))).toBe(false);
    expect(xml).not.toContain('草稿');
  });
});

describe('writeDocx: drafts, wide tables, charts that cannot be drawn', () => {
  it('marks every page of a draft with a header and a watermark', async () => {
    const z = await unzip(await writeDocx(sampleDocument({ draft: true })));
    const headers = z.files.filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.length).toBeGreaterThanOrEqual(2); // odd and even pages
    for (const h of headers) {
      const x = await z.read(h);
      expect(paragraphs(x)).toContain(DRAFT_HEADER);
      expect(x).toContain('string="草稿"'); // the VML text watermark
    }
  });

  it('puts a wide table in a landscape section of its own and returns to portrait', async () => {
    const base = sampleDocument();
    const wide: DocTable = {
      id: 't3',
      number: '表三',
      title: '支出决算表',
      unitLabel: '单位：万元',
      columns: [
        { key: 'code', kind: 'code', width: 10 },
        { key: 'name', kind: 'text', width: 30 },
        ...['total', 'basic', 'project', 'upper', 'business', 'subsidiary'].map((key) => ({
          key,
          kind: 'amount' as const,
          width: 12,
        })),
      ],
      header: [
        [
          { text: '科目编码' },
          { text: '科目名称' },
          ...['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'].map(
            (text) => ({ text }),
          ),
        ],
      ],
      rows: [
        {
          indent: 1,
          cells: [
            { text: '2010450' },
            { text: '事业运行' },
            { text: '12.30' },
            { text: '12.30' },
            { text: '' },
            { text: '' },
            { text: '' },
            { text: '' },
          ],
        },
      ],
    };
    expect(isWideTable(wide)).toBe(true);
    const doc: ReportDocument = {
      ...base,
      blocks: [
        ...base.blocks,
        { type: 'pageBreak' },
        { type: 'table', table: wide },
        { type: 'heading', level: 1, text: '第五部分 附件' },
      ],
    };
    const xml = await (await unzip(await writeDocx(doc))).read('word/document.xml');
    const sizes = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    expect(sizes).toEqual([
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
      '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
    ]);
    expect(xml).toContain('<w:type w:val="nextPage"/>');
    expect(paragraphs(xml)).toContain('表三　支出决算表');
    // the section break starts the page: no extra page break before the landscape table
    expect(xml).not.toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>)[\s\S])*表三/);
  });

  it('draws a pie with a negative slice as columns, and a chart it cannot draw as a table of its data', async () => {
    const base = sampleDocument();
    const negative = {
      id: 'neg',
      kind: 'pie' as const,
      title: '结余构成',
      unit: '万元',
      categories: ['甲', '乙'],
      series: [{ name: '结余', values: [5, -1.5] }],
    };
    const broken = {
      id: 'nan',
      kind: 'bar' as const,
      title: '对比',
      unit: '万元',
      categories: ['甲', '乙'],
      series: [{ name: '本年', values: [3.456, Number.NaN] }],
    };
    const doc: ReportDocument = {
      ...base,
      blocks: [
        { type: 'chart', chart: negative },
        { type: 'chart', chart: broken },
      ],
      charts: [negative, broken],
    };
    const z = await unzip(await writeDocx(doc));
    const xml = await z.read('word/document.xml');
    expect(z.files.filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toEqual([
      'word/charts/chart1.xml',
    ]);
    expect(await z.read('word/charts/chart1.xml')).toContain('<c:barDir val="col"/>');
    expect(paragraphs(xml)).toContain('结余构成（单位：万元）');
    expect(paragraphs(xml)).toContain('对比（单位：万元）');
    expect(tables(xml)[0]).toEqual([
      ['项目', '本年'],
      ['甲', '3.46'],
      ['乙', ''],
    ]);
  });
});

describe('writeDocx: the changji-2022 example built with xinjiang-2022', async () => {
  const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
  const doc = buildReport(d, builtinProfile('xinjiang-2022'));
  const z = await unzip(await writeDocx(doc));
  const xml = await z.read('word/document.xml');

  it('holds every paragraph and every table cell of the built document', () => {
    expectDocumentText(doc, xml);
  });

  it('repeats the header rows of every table with a header and prints wide tables landscape', () => {
    const withHeader = doc.tables.filter((t) => t.header.length > 0).reduce((n, t) => n + t.header.length, 0);
    expect(xml.match(/<w:tblHeader\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(withHeader);
    const wide = doc.tables.filter(isWideTable).length;
    expect(wide).toBeGreaterThan(0);
    expect(xml.match(/w:orient="landscape"/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('draws each chart of the document', () => {
    const charts = doc.blocks.filter((b) => b.type === 'chart').length;
    expect(z.files.filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(charts);
  });
});
