import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { loadDisclosure } from '../model/load.ts';
import { buildReport } from '../report/build.ts';
import { paragraphText } from '../report/document.ts';
import { builtinProfile } from '../report/profile.ts';
import { writeDocx } from '../report/writers/docx.ts';
import { readDocx } from './docx-reader.ts';
import { normaliseText } from './normalise.ts';

const root = join(import.meta.dirname, '../../../..');

describe('readDocx on the DOCX that `juesuan build` writes for the example', async () => {
  const report = buildReport(
    loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8')),
    builtinProfile('xinjiang-2022'),
  );
  const doc = await readDocx(await writeDocx(report), 'changji.docx');
  const lines = doc.pages.flatMap((p) => p.lines.map((l) => l.text));
  const lineSet = new Set(lines);

  it('gives back every title, heading and narrative paragraph as a line, in order', () => {
    const expected: string[] = [];
    for (const b of report.blocks) {
      if (b.type === 'title' || b.type === 'heading') expected.push(b.text);
      if (b.type === 'paragraph') expected.push(paragraphText(b));
    }
    const wanted = expected.map(normaliseText).filter((t) => t !== '');
    expect(wanted.length).toBeGreaterThan(60);
    // A title or heading too long for its line is written on two or three with deliberate breaks (w:br), which the
    // reader gives back as lines of their own: found as consecutive lines.
    const at3 = (i: number, n: number) => lines.slice(i, i + n).join('');
    let at = 0;
    for (const t of wanted) {
      let found = -1;
      let n = 1;
      for (let i = at; i < lines.length && found < 0; i++)
        for (let k = 1; k <= 3 && found < 0; k++)
          if (at3(i, k) === t) {
            found = i;
            n = k;
          }
      expect(found, t).toBeGreaterThanOrEqual(0);
      at = found + n;
    }
    const first =
      '2022年度收入总计360.44万元，其中：本年收入合计258.51万元，使用非财政拨款结余0.00万元，年初结转和结余101.93万元。';
    expect(lines.some((l) => l.startsWith(first))).toBe(true);
  });

  it('gives back every table with every cell, row by row, on the table grid', () => {
    const tables = report.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
    // A 绩效自评表 is written as two Word tables, the second headed by its indicator header (repeated on each page
    // it continues on): its read rows are those of both.
    const parts = tables.map((t) => 1 + t.rows.filter((r, i) => i > 0 && r.groupHeader === true).length);
    expect(doc.tables).toHaveLength(parts.reduce((a, b) => a + b, 0));
    let next = 0;
    const read = parts.map((n) => {
      const group = doc.tables!.slice(next, next + n);
      next += n;
      return { page: group[0]!.page, rows: group.flatMap((g) => g.rows) };
    });
    tables.forEach((t, i) => {
      const source = read[i]!;
      const docRows = [...t.header, ...t.rows.map((r) => r.cells)];
      expect(source.rows, t.id).toHaveLength(docRows.length);
      docRows.forEach((cells, r) => {
        // The document's cells, in order, are found in the read row in order (merged cells fill the grid around them).
        const got = source.rows[r]!;
        let at = 0;
        for (const c of cells.map((x) => normaliseText(x.text)).filter((x) => x !== '')) {
          const found = got.indexOf(c, at);
          expect(found, `${t.id} row ${r}: ${c} in ${JSON.stringify(got)}`).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
      });
      for (const extra of [
        t.title,
        t.unitLabel ? `${t.unitLine ?? ''} ${t.unitLabel}` : t.unitLine,
        ...(t.notes ?? []),
      ])
        if (extra)
          expect(
            lines.some((l) => l.includes(normaliseText(extra))),
            `${t.id}: ${extra}`,
          ).toBe(true);
    });
    // Table rows are lines too, as on a PDF page.
    expect(lineSet.has('合计 258.51 214.73 43.78')).toBe(true);
  });

  it('starts a new page at each page break, and puts each table on the page it starts on', () => {
    expect(doc.pages.length).toBeGreaterThanOrEqual(10);
    const t1 = doc.tables![0]!;
    expect(doc.pages[t1.page - 1]!.lines[0]!.text).toBe('表一 收入支出决算总表');
    expect(doc.title).toBe('新疆昌吉回族自治州对口援疆工作领导小组办公室2022年度部门决算公开说明');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

async function docxOf(body: string, title?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`,
  );
  if (title)
    zip.file('docProps/core.xml', `<cp:coreProperties><dc:title>${title}</dc:title></cp:coreProperties>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;

describe('readDocx on WordprocessingML details', () => {
  it('reads runs, tabs, line and page breaks, insertions, hyperlinks and content controls; skips deletions and field codes', async () => {
    const body = [
      p(
        r('一、收入支出决算总体情况说明'),
        '<w:pStyle w:val="Heading2"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>',
      ),
      p(
        r('2022年度收入总计') +
          '<w:del><w:r><w:delText>999.99</w:delText></w:r></w:del>' +
          '<w:ins><w:r><w:t>360.44</w:t></w:r></w:ins>' +
          r('万元&amp;&lt;其中&gt;') +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          r('，') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:hyperlink><w:r><w:t>见附表</w:t></w:r></w:hyperlink>',
      ),
      p(r('项目') + '<w:r><w:tab/></w:r>' + r('金额') + '<w:r><w:br/></w:r>' + r('第二行')),
      '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' +
        p(r('内容控件里的段落')) +
        '</w:sdtContent></w:sdt>',
      p(r('分页之前') + '<w:r><w:br w:type="page"/></w:r>' + r('分页之后')),
      p(r('Word 上次排版在此换页：') + '<w:r><w:lastRenderedPageBreak/><w:t>新页</w:t></w:r>'),
      p(r('节的最后一段'), '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'),
      p(r('新节'), ''),
      p(r('另起一页'), '<w:pageBreakBefore/>'),
    ].join('');
    const doc = await readDocx(await docxOf(body, '某单位2022年度部门决算'), 'x.docx');
    expect(doc.pages.map((pg) => pg.lines.map((l) => l.text))).toEqual([
      [
        '一、收入支出决算总体情况说明',
        '2022年度收入总计360.44万元&<其中>，见附表',
        '项目 金额',
        '第二行',
        '内容控件里的段落',
        '分页之前',
      ],
      ['分页之后', 'Word 上次排版在此换页：'],
      ['新页', '节的最后一段'],
      ['新节'],
      ['另起一页'],
    ]);
    expect(doc.title).toBe('某单位2022年度部门决算');
    expect(doc.pages[1]!.lines[1]!.line).toBe(2);
  });

  it('lays merged cells out on the grid and reads text boxes once (not their fallback copy)', async () => {
    const table =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('支出', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('基本支出')}${tc('项目支出')}</w:tr>` +
      `<w:tr>${tc('合计')}${tc('146.46')}${tc('89.77')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('续')}${tc('')}</w:tr>` +
      '</w:tbl>';
    const box =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' +
      p(r('文本框里的字')) +
      '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>' +
      p(r('文本框里的字')) +
      '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const doc = await readDocx(await docxOf(p(r('表三 支出决算表')) + table + p(r('图：') + box)), 't.docx');
    expect(doc.tables).toEqual([
      {
        page: 1,
        rows: [
          ['项目', '支出', ''],
          ['项目', '基本支出', '项目支出'],
          ['合计', '146.46', '89.77'],
          ['', '续', ''],
        ],
      },
    ]);
    expect(doc.pages[0]!.lines.map((l) => l.text)).toEqual([
      '表三 支出决算表',
      '项目 支出',
      '基本支出 项目支出',
      '合计 146.46 89.77',
      '续',
      '图：',
      '文本框里的字',
    ]);
  });

  it('refuses what is not a readable DOCX with a Chinese message', async () => {
    const notZip = new TextEncoder().encode('这不是 ZIP 文件');
    await expect(readDocx(notZip, 'a.docx')).rejects.toMatchObject({
      code: 'E_BAD_INPUT',
      message: expect.stringContaining('不是有效的 DOCX'),
    });
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const e = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'b.docx').catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(JuesuanError);
    expect((e as JuesuanError).message).toContain('缺少 word/document.xml');
  });
});
