/** The XLSX writer, read back with exceljs: sheets, merges, numbers and formats, print setup. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { wan } from '../../money/amount.ts';
import type { DocTable, ReportDocument } from '../document.ts';
import { buildReport } from '../build.ts';
import { builtinProfile } from '../profile.ts';
import { sampleDocument } from '../../testing/sample-document.ts';
import { AMOUNT_FORMAT_BLANK_ZERO, sheetName, writeXlsx } from './xlsx.ts';
import { loadDisclosure } from '../../model/load.ts';

const root = join(import.meta.dirname, '../../../../..');

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Merged ranges of a sheet as "A1:C1" strings (exceljs keeps them in the model). */
function merges(ws: ExcelJS.Worksheet): string[] {
  return [...ws.model.merges].sort();
}

function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text) found = cell;
    }),
  );
  return found;
}

/** A wide table with codes, a two-level header, a zero, a rounding case and a notes line. */
function codeTable(): DocTable {
  return {
    id: 't5',
    number: '表五',
    title: '一般公共预算财政拨款支出决算表',
    unitLine: '编制单位：昌吉州发展和改革委员会',
    unitLabel: '单位：万元',
    columns: [
      { key: 'code', kind: 'code', width: 10 },
      { key: 'name', kind: 'text', width: 30 },
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
        key: 'total',
        bold: true,
        cells: [
          { text: '合计', colSpan: 2, align: 'center' },
          { text: '2,940.05', fen: wan('2940.05') },
          { text: '2,900.00', fen: wan('2900') },
          { text: '40.05', fen: wan('40.05') },
        ],
      },
      {
        key: '2010450',
        indent: 2,
        cells: [
          { text: '2010450' },
          { text: '事业运行' },
          // 1,234.565 万元 = 12,345,650 分 prints 1,234.57 (half up, once).
          { text: '1,234.57', fen: 12_345_650 },
          { text: '1,234.57', fen: 12_345_650 },
          { text: '', fen: 0 },
        ],
      },
      {
        key: '0210101',
        indent: 1,
        cells: [
          { text: '0210101' },
          { text: '示例：以零开头的编码' },
          { text: '-1.50', fen: -15_000 },
          { text: '', fen: 0 },
          { text: '-1.50', fen: -15_000 },
        ],
      },
    ],
    notes: ['注：本表反映本年度一般公共预算财政拨款实际支出情况。'],
  };
}

function docWith(tables: DocTable[], draft = false): ReportDocument {
  return { ...sampleDocument({ draft }), tables };
}

describe('writeXlsx on the sample document', () => {
  it('writes one sheet per table with the title, unit line and merged header', async () => {
    const wb = await readBack(await writeXlsx(sampleDocument()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表七 财政拨款“三公”经费支出决算表']);
    expect(wb.creator).toBe('Juesuan');
    expect(wb.title).toBe('示例单位2022年度部门决算公开说明');
    const ws = wb.worksheets[0]!;
    // Row 1 表七, row 2 title, row 3 unit line, rows 4–5 header, rows 6–8 body, row 9 note.
    expect(ws.getCell('A1').value).toBe('表七');
    expect(ws.getCell('A2').value).toBe('财政拨款“三公”经费支出决算表');
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('A2').font.size).toBeGreaterThan(ws.getCell('A6').font.size ?? 0);
    expect(ws.getCell('A2').alignment.horizontal).toBe('center');
    expect(ws.getCell('A3').value).toBe('编制单位：示例单位');
    expect(ws.getCell('C3').value).toBe('单位：万元');
    expect(ws.getCell('C3').alignment.horizontal).toBe('right');
    expect(merges(ws)).toEqual(['A1:C1', 'A2:C2', 'A3:B3', 'A4:A5', 'A9:C9', 'B4:C4']);
    expect(ws.getCell('A4').value).toBe('项目');
    expect(ws.getCell('B4').value).toBe('2022年度');
    expect(ws.getCell('B5').value).toBe('预算数');
    expect(ws.getCell('C5').value).toBe('决算数');
    for (const a of ['A4', 'A5', 'B4', 'C4', 'B5', 'C5', 'A8', 'C8']) {
      expect(ws.getCell(a).border.top?.style, a).toBe('thin');
      expect(ws.getCell(a).border.right?.style, a).toBe('thin');
    }
    expect(ws.getCell('B4').alignment).toMatchObject({
      horizontal: 'center',
      vertical: 'middle',
      wrapText: true,
    });
    expect(ws.getCell('A9').value).toBe('注：本表金额单位为万元。');
  });

  it('amounts are numbers in 万元 with the table number format; zero cells print blank', async () => {
    const ws = (await readBack(await writeXlsx(sampleDocument()))).worksheets[0]!;
    expect(ws.getCell('C6').value).toBe(1234.56);
    expect(ws.getCell('C6').numFmt).toBe(AMOUNT_FORMAT_BLANK_ZERO);
    expect(ws.getCell('C6').alignment.horizontal).toBe('right');
    expect(ws.getCell('B6').value).toBe(2);
    expect(ws.getCell('B7').value).toBe(0);
    expect(ws.getCell('B7').numFmt).toBe('#,##0.00;-#,##0.00;""');
    // One character of padding plus the name's level.
    expect(ws.getCell('A7').alignment.indent).toBe(2);
    expect(ws.getCell('A6').alignment.indent).toBe(1);
    expect(ws.getCell('C6').alignment.indent).toBe(1);
    expect(ws.getCell('A6').font.bold).toBe(true);
  });

  it('freezes the header and prints A4 landscape, fit to width, header repeated', async () => {
    const ws = (await readBack(await writeXlsx(sampleDocument()))).worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.pageSetup.margins?.left).toBe(0.5);
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddHeader ?? '').not.toContain('草稿');
  });

  it('a draft marks the header, footer and a note row', async () => {
    const ws = (await readBack(await writeXlsx(sampleDocument({ draft: true })))).worksheets[0]!;
    expect(ws.headerFooter.oddHeader).toContain('草稿');
    expect(ws.headerFooter.oddFooter).toContain('草稿');
    expect(String(ws.getCell('A1').value)).toContain('草稿');
    expect(ws.getCell('A3').value).toBe('财政拨款“三公”经费支出决算表');
    expect(ws.pageSetup.printTitlesRow).toBe('5:6');
    expect(ws.views[0]).toMatchObject({ ySplit: 6 });
  });
});

describe('writeXlsx on code tables', () => {
  it('codes stay text with their leading digits; amounts round once from the exact 分', async () => {
    const ws = (await readBack(await writeXlsx(docWith([codeTable()])))).worksheets[0]!;
    // Rows: 1 表五, 2 title, 3 unit line, 4–5 header, 6 合计, 7 2010450, 8 0210101, 9 note.
    expect(merges(ws)).toContain('A4:B4');
    expect(merges(ws)).toContain('C4:E4');
    expect(merges(ws)).toContain('A6:B6');
    expect(ws.getCell('A6').value).toBe('合计');
    expect(ws.getCell('C6').value).toBe(2940.05);
    expect(ws.getCell('C6').numFmt).toBe(AMOUNT_FORMAT_BLANK_ZERO);
    expect(ws.getCell('A7').value).toBe('2010450');
    expect(ws.getCell('A7').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A7').numFmt).toBe('@');
    expect(ws.getCell('A8').value).toBe('0210101');
    expect(ws.getCell('C7').value).toBe(1234.57);
    expect(ws.getCell('E7').value).toBe(0);
    expect(ws.getCell('C8').value).toBe(-1.5);
    expect(ws.getCell('B7').alignment.indent).toBe(3);
    expect(ws.getCell('D5').value).toBe('基本支出');
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
  });

  it('a printed zero "0.00" keeps its zero; counts and percentages are numbers; "—" stays text', async () => {
    // The 绩效自评表 form: no header rows, labels and figures in the body.
    const t: DocTable = {
      id: 'perf-1',
      number: '',
      title: '项目支出绩效自评表',
      columns: [
        { key: 'name', kind: 'text', width: 20 },
        { key: 'amount', kind: 'amount', width: 12 },
        { key: 'rate', kind: 'percent', width: 10 },
        { key: 'count', kind: 'count', width: 8 },
      ],
      header: [],
      rows: [
        {
          cells: [
            { text: '甲' },
            { text: '0.00', fen: 0 },
            { text: '89.77%', number: 89.77 },
            { text: '3', number: 3 },
          ],
        },
        { cells: [{ text: '乙' }, { text: '—', fen: 0 }, { text: '—' }, { text: '' }] },
      ],
    };
    const ws = (await readBack(await writeXlsx(docWith([t])))).worksheets[0]!;
    expect(ws.name).toBe('项目支出绩效自评表');
    // No number, no unit line, no header: row 1 title, rows 2–3 body.
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('B2').value).toBe(0);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00;-#,##0.00;0.00');
    expect(ws.getCell('C2').value).toBe(89.77);
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00"%";-#,##0.00"%";""');
    expect(ws.getCell('D2').value).toBe(3);
    expect(ws.getCell('D2').numFmt).toBe('#,##0;-#,##0;""');
    // What the document prints instead of a figure stays as printed.
    expect(ws.getCell('B3').value).toBe('—');
    expect(ws.getCell('C3').value).toBe('—');
    expect(ws.getCell('B3').border.left?.style).toBe('thin');
    // No header rows: nothing to freeze or repeat on each page.
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect((ws.views ?? [])[0]?.state ?? 'normal').not.toBe('frozen');
  });

  it('sheet names are unique, ≤ 31 characters, without forbidden characters', () => {
    const used = new Set<string>();
    const long = {
      id: 'perf-1',
      number: '',
      title: '项目支出绩效自评表（2022年度昌吉州重点项目：信息化建设[一期]/运维）',
    };
    const a = sheetName(long, used);
    const b = sheetName(long, used);
    expect([...a].length).toBeLessThanOrEqual(31);
    expect([...b].length).toBeLessThanOrEqual(31);
    expect(a).not.toMatch(/[\\/?*[\]:]/);
    expect(a).not.toBe(b);
    expect(b.endsWith('(2)')).toBe(true);
    expect(sheetName({ id: 't1', number: '表一', title: '收入支出决算总表' }, used)).toBe(
      '表一 收入支出决算总表',
    );
  });

  it('an empty table still has its header and the note', async () => {
    const t: DocTable = {
      ...codeTable(),
      id: 't9',
      number: '表九',
      title: '国有资本经营预算财政拨款支出决算表',
      rows: [],
      notes: ['注：本表为空表。'],
    };
    const ws = (await readBack(await writeXlsx(docWith([t])))).worksheets[0]!;
    expect(ws.getCell('C5').value).toBe('合计');
    expect(ws.getCell('A6').value).toBe('注：本表为空表。');
  });
});

// The real builder: the changji example through the xinjiang-2022 profile.
describe('writeXlsx on the changji example', () => {
  it('writes the nine tables with numbers matching the printed text', async () => {
    const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml')));
    const doc = buildReport(d, builtinProfile('xinjiang-2022'));
    const wb = await readBack(await writeXlsx(doc));
    expect(wb.worksheets.length).toBe(doc.tables.length);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(9);
    for (const ws of wb.worksheets) {
      expect([...ws.name].length).toBeLessThanOrEqual(31);
      expect(ws.pageSetup.paperSize).toBe(9);
      const t = doc.tables[wb.worksheets.indexOf(ws)]!;
      if (t.header.length > 0) {
        const [first, last] = (ws.pageSetup.printTitlesRow ?? '').split(':').map(Number);
        expect(last! - first! + 1, ws.name).toBe(t.header.length);
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: last });
      } else expect(ws.pageSetup.printTitlesRow, ws.name).toBeUndefined();
    }
    expect(new Set(wb.worksheets.map((w) => w.name)).size).toBe(wb.worksheets.length);
    // Every printed amount in the document appears as the same number in its sheet.
    doc.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const printed = t.rows.flatMap((r) =>
        r.cells
          .filter((c) => c.fen !== undefined && c.text !== '')
          .map((c) => Number(c.text.replace(/,/g, ''))),
      );
      const numbers = new Set<number>();
      ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && numbers.add(c.value))));
      for (const v of printed) expect(numbers.has(v), `${t.id} ${v}`).toBe(true);
      if (printed.length > 0) expect(findCell(ws, t.title)).toBeDefined();
    });
  });
});
