/**
 * The bad files of issue 10, written by code: not a spreadsheet, corrupt, encrypted, a zip bomb, a
 * 50 MB file, text in an amount cell, a table without amount columns, a code listed twice, a 项 under
 * the wrong 款. Shared by the core test and the CLI test (exit code 2, nothing half-written).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A small workbook with one T5-like table; `rows` are [code, name, 合计, 基本, 项目]. */
export async function t5Book(
  rows: (string | number | null)[][],
  header = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表五');
  ws.getCell('A1').value = '一般公共预算财政拨款支出决算表';
  ws.getCell('A2').value = '编制单位：甲单位';
  ws.getCell('E2').value = '单位：万元';
  header.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  ws.getCell(4, 1).value = '合计';
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(5 + i, j + 1).value = v)));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A zip of the given entries with honest or lying sizes. */
export function zip(
  entries: { name: string; data: Uint8Array; method: 0 | 8; declaredSize?: number }[],
): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data));
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBuf, end]));
}

/** A minimal OLE compound file whose directory lists the given stream names (as an encrypted .xlsx does). */
export function compoundFile(names: string[]): Uint8Array {
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  b.writeUInt16LE(6, 32);
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(4096, 56);
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  for (let i = 0; i < 109; i++) b.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + 4 * i);
  const fat = 512;
  b.writeUInt32LE(0xfffffffd, fat);
  b.writeUInt32LE(0xfffffffe, fat + 4);
  for (let i = 2; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + 4 * i);
  const dir = 1024;
  ['Root Entry', ...names].forEach((n, i) => {
    const o = dir + 128 * i;
    Buffer.from(n + '\0', 'utf16le').copy(b, o);
    b.writeUInt16LE((n.length + 1) * 2, o + 64);
    b[o + 66] = i === 0 ? 5 : 2;
  });
  return new Uint8Array(b);
}

export interface BadFile {
  what: string;
  name: string;
  bytes: Uint8Array;
  /** What the message must say (besides the file name). */
  message: RegExp;
}

/** One file of each kind the issue lists, with the message it must give (core has no zlib: the test passes one). */
export async function badFiles(deflateRaw: (bytes: Uint8Array) => Uint8Array): Promise<BadFile[]> {
  const good = await t5Book([['201', '一般公共服务支出', 10, 10, 0]]);
  const broken = await JSZip.loadAsync(good);
  broken.file('xl/workbook.xml', '<<<not xml');
  const big = new Uint8Array(50 * 1024 * 1024);
  big.set([0x50, 0x4b, 0x03, 0x04]);
  const huge = deflateRaw(new Uint8Array(200 * 1024 * 1024));
  return [
    {
      what: 'not a spreadsheet',
      name: '决算.xlsx',
      bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
      message: /PDF/,
    },
    {
      what: 'truncated',
      name: '截断.xlsx',
      bytes: good.subarray(0, Math.floor(good.length / 2)),
      message: /损坏/,
    },
    {
      what: 'broken XML',
      name: '损坏.xlsx',
      bytes: new Uint8Array(await broken.generateAsync({ type: 'uint8array' })),
      message: /损坏|无法/,
    },
    {
      what: 'encrypted',
      name: '加密.xlsx',
      bytes: compoundFile(['EncryptionInfo', 'EncryptedPackage']),
      message: /密码/,
    },
    {
      what: 'zip bomb',
      name: 'bomb.xlsx',
      bytes: zip([
        { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>'), method: 0 },
        { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(huge), method: 8, declaredSize: 1000 },
      ]),
      message: /解压后过大/,
    },
    { what: '50 MB', name: 'big.xlsx', bytes: big, message: /过大/ },
    {
      what: 'text in an amount cell',
      name: '表五.xlsx',
      bytes: await t5Book([
        ['201', '一般公共服务支出', 10, '十元', 0],
        ['20104', '发展与改革事务', 10, 10, 0],
      ]),
      message: /工作表「表五」D5：「十元」不是金额/,
    },
    {
      what: 'missing amount columns',
      name: '缺列.xlsx',
      bytes: await t5Book([['201', '一般公共服务支出']], ['科目编码', '科目名称']),
      message: /工作表「表五」A3.*没有可识别的金额列/,
    },
    {
      what: 'missing label column',
      name: '缺列2.xlsx',
      bytes: await t5Book([[10, 10, 0]], ['合计', '基本支出', '项目支出']),
      message: /工作表「表五」A3.*缺少“项目”/,
    },
    {
      what: 'duplicate codes',
      name: '重复.xlsx',
      bytes: await t5Book([
        ['201', '一般公共服务支出', 10, 10, 0],
        ['20104', '发展与改革事务', 10, 10, 0],
        ['2010450', '事业运行', 5, 5, 0],
        ['2010450', '事业运行', 5, 5, 0],
      ]),
      message: /工作表「表五」A8：科目编码「2010450」重复：A7 已有此科目/,
    },
    {
      what: '项 under the wrong 款',
      name: '错位.xlsx',
      bytes: await t5Book([
        ['201', '一般公共服务支出', 10, 10, 0],
        ['20104', '发展与改革事务', 5, 5, 0],
        ['20101', '人大事务', 5, 5, 0],
        ['2010450', '事业运行', 5, 5, 0],
      ]),
      message: /工作表「表五」A8：项「2010450 事业运行」列在「20101 人大事务」（A7）之下/,
    },
  ];
}
