/**
 * Bad files give a clear Chinese message with the file, sheet and cell, quickly and in bounded memory:
 * not a spreadsheet, corrupt or encrypted workbooks, a zip bomb, a 50 MB file, text in amount cells,
 * missing columns, duplicate codes, a 项 under the wrong 款.
 */
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { importWorkbook } from './import.ts';
import { templateWorkbook } from './template.ts';
import { badFiles, compoundFile, t5Book, zip } from './testing-bad-files.ts';

async function failure(
  bytes: Uint8Array,
  file: string,
  options = {},
): Promise<{ e: JuesuanError; ms: number; text: string }> {
  const t = Date.now();
  const e = await importWorkbook(bytes, file, { year: 2022, unit: { kind: '行政' }, ...options }).then(
    () => undefined,
    (x: unknown) => x,
  );
  const ms = Date.now() - t;
  expect(e, 'should fail').toBeInstanceOf(JuesuanError);
  // Every bad file is refused within seconds (issue 10: under 5 s).
  expect(ms, `${file} took ${ms} ms`).toBeLessThan(5000);
  const je = e as JuesuanError;
  return {
    e: je,
    ms,
    text: [je.message, ...je.problems.map((p) => `${p.file ?? ''} ${p.message}`)].join('\n'),
  };
}

describe('bad input', () => {
  it('every bad file of the list gives its Chinese message naming the file in under 5 s', async () => {
    const files = await badFiles((b) => deflateRawSync(b, { level: 9 }));
    expect(files.map((f) => f.what)).toHaveLength(11);
    for (const f of files) {
      const a = await failure(f.bytes, f.name);
      expect(a.text, f.what).toContain(f.name);
      expect(a.text, f.what).toMatch(f.message);
    }
  });

  it('a file that is not a spreadsheet', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const a = await failure(pdf, '决算.xlsx');
    expect(a.e.code).toBe(ErrorCode.UnsupportedFormat);
    expect(a.text).toContain('决算.xlsx');
    expect(a.text).toContain('PDF');
    const b = await failure(new TextEncoder().encode('hello, world'), '报表.xlsx');
    expect(b.text).toMatch(/报表\.xlsx.*不是有效的 Excel 工作簿/);
    const png = await failure(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'scan.xls',
    );
    expect(png.text).toContain('PNG');
    const docx = zip([{ name: 'word/document.xml', data: new TextEncoder().encode('<w/>'), method: 0 }]);
    expect((await failure(docx, '说明.xlsx')).text).toContain('Word');
  });

  it('a corrupt workbook: truncated, or broken XML inside', async () => {
    const good = await t5Book([['201', '一般公共服务支出', 10, 10, 0]]);
    const cut = await failure(good.subarray(0, Math.floor(good.length / 2)), '截断.xlsx');
    expect(cut.text).toMatch(/截断\.xlsx.*损坏/s);
    const z = await JSZip.loadAsync(good);
    z.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9999</v>');
    z.file('xl/workbook.xml', '<<<not xml');
    const broken = new Uint8Array(await z.generateAsync({ type: 'uint8array' }));
    const b = await failure(broken, '损坏.xlsx');
    expect(b.text).toMatch(/损坏\.xlsx.*(损坏|无法)/s);
    expect(b.ms).toBeLessThan(5000);
  });

  it('an encrypted workbook', async () => {
    const a = await failure(compoundFile(['EncryptionInfo', 'EncryptedPackage']), '加密.xlsx');
    expect(a.e.code).toBe(ErrorCode.Encrypted);
    expect(a.text).toMatch(/加密\.xlsx.*密码/s);
    // An old .xls needs converting first (the CLI does it with LibreOffice).
    const xls = await failure(compoundFile(['Workbook']), '旧表.xls');
    expect(xls.text).toMatch(/旧表\.xls.*\.xls/s);
  });

  it('a zip bomb stops at the limit, quickly and in bounded memory', async () => {
    const huge = deflateRawSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    const bomb = zip([
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>'), method: 0 },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(huge), method: 8, declaredSize: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rss = process.memoryUsage().rss;
    const a = await failure(bomb, 'bomb.xlsx');
    expect(a.e.code).toBe(ErrorCode.TooLarge);
    expect(a.text).toMatch(/bomb\.xlsx.*解压后过大/s);
    expect(a.ms).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('a 50 MB file is refused before it is read', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const a = await failure(big, 'big.xlsx');
    expect(a.e.code).toBe(ErrorCode.TooLarge);
    expect(a.text).toMatch(/big\.xlsx.*过大/s);
    expect(a.ms).toBeLessThan(5000);
  });

  it('text in an amount cell names the sheet and cell', async () => {
    const bytes = await t5Book([
      ['201', '一般公共服务支出', 10, '十元', 0],
      ['20104', '发展与改革事务', 10, 10, 0],
    ]);
    const a = await failure(bytes, '表五.xlsx');
    expect(a.text).toContain('工作表「表五」D5：「十元」不是金额');
    expect(a.e.problems[0]!.file).toBe('表五.xlsx');
  });

  it('a table without amount columns, or without its label column', async () => {
    const noAmounts = await t5Book([['201', '一般公共服务支出']], ['科目编码', '科目名称']);
    const a = await failure(noAmounts, '缺列.xlsx');
    expect(a.text).toMatch(/工作表「表五」A3.*没有可识别的金额列/);
    const noLabels = await t5Book([[10, 10, 0]], ['合计', '基本支出', '项目支出']);
    const b = await failure(noLabels, '缺列2.xlsx');
    expect(b.text).toMatch(/工作表「表五」A3.*缺少“项目”/);
  });

  it('a code listed twice, and a 项 under the wrong 款, name both cells', async () => {
    const dup = await t5Book([
      ['201', '一般公共服务支出', 10, 10, 0],
      ['20104', '发展与改革事务', 10, 10, 0],
      ['2010450', '事业运行', 5, 5, 0],
      ['2010450', '事业运行', 5, 5, 0],
    ]);
    const a = await failure(dup, '重复.xlsx');
    expect(a.text).toContain('工作表「表五」A8：科目编码「2010450」重复：A7 已有此科目');
    const wrong = await t5Book([
      ['201', '一般公共服务支出', 10, 10, 0],
      ['20104', '发展与改革事务', 5, 5, 0],
      ['20101', '人大事务', 5, 5, 0],
      ['2010450', '事业运行', 5, 5, 0],
    ]);
    const b = await failure(wrong, '错位.xlsx');
    expect(b.text).toMatch(
      /工作表「表五」A8：项「2010450 事业运行」列在「20101 人大事务」（A7）之下，应在「20104」（A6）之下/,
    );
  });

  it('no table at all, and a table whose header cannot be found', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便写点什么';
    const a = await failure(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), '空.xlsx');
    expect(a.e.code).toBe(ErrorCode.NotFound);
    expect(a.text).toMatch(/没有找到九张公开报表.*「Sheet1」/s);
    const wb2 = new ExcelJS.Workbook();
    const ws = wb2.addWorksheet('表三');
    ws.getCell('A1').value = '支出决算表';
    ws.getCell('A2').value = '这张表还没有做';
    const b = await failure(new Uint8Array((await wb2.xlsx.writeBuffer()) as ArrayBuffer), '半成品.xlsx');
    expect(b.text).toMatch(/工作表「表三」A1《支出决算表》下方找不到表头/);
  });

  it('in the data-entry workbook, text in an amount cell names its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook({ year: 2022 })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表一 收入支出决算总表')!;
    let r = 0;
    for (let i = 1; i <= ws.rowCount; i++) if (ws.getCell(i, 1).value === 'otherIncome') r = i;
    let col = 0;
    ws.getRow(3).eachCell((c, n) => {
      if (c.value === 'v:amount') col = n;
    });
    ws.getCell(r, col).value = '四十三万';
    const profile = wb.getWorksheet('单位概况')!;
    for (let i = 1; i <= profile.rowCount; i++)
      if (profile.getCell(i, 1).value === 'unit.name') profile.getCell(i, 3).value = '甲单位';
    const a = await failure(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), '填报.xlsx');
    expect(a.text).toContain(
      `工作表「表一 收入支出决算总表」${String.fromCharCode(64 + col)}${r}：「四十三万」不是金额`,
    );
  });
});
