/**
 * What kind of file a spreadsheet is, checked on its bytes before any library parses it: size limits,
 * a zip archive whose entries are inflated with a running byte count (a zip bomb stops at the limit,
 * whatever sizes its headers declare), and the OLE compound file used both by old .xls (BIFF) and by
 * password-protected .xlsx (an EncryptedPackage stream). Pure: bytes in, a verdict or an error out.
 */
import { ErrorCode, JuesuanError, type InputNeed } from '../errors.ts';

/** Largest workbook accepted: a unit's final-accounts export is well under 5 MiB. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Largest total size of a workbook's inflated parts. */
export const MAX_INFLATED_BYTES = 96 * 1024 * 1024;
/** Most entries a workbook archive may hold. */
export const MAX_ZIP_ENTRIES = 5000;
/** Largest CSV file. */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

export type SpreadsheetKind = 'xlsx' | 'xls' | 'csv' | 'encrypted';

const SIG_ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIG_CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function fail(code: ErrorCode, file: string, message: string, detail: string, need?: InputNeed): never {
  throw new JuesuanError(code, `${file}：${message}`, [{ file, message: detail, ...(need ? { need } : {}) }]);
}

function describeOther(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'PDF 文件';
  if (bytes[0] === 0x89 && head.slice(1, 4) === 'PNG') return 'PNG 图片';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'JPEG 图片';
  if (head.startsWith('{\\rtf')) return 'RTF 文档';
  if (head.startsWith('Rar!')) return 'RAR 压缩包';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip 压缩文件';
  return undefined;
}

/**
 * The kind of a spreadsheet file from its bytes (the name only decides between CSV and other text).
 * Throws E_TOO_LARGE, E_ENCRYPTED, E_UNSUPPORTED_FORMAT with a Chinese message naming the file.
 */
export function sniffSpreadsheet(bytes: Uint8Array, file: string): SpreadsheetKind {
  if (bytes.length === 0) fail(ErrorCode.UnsupportedFormat, file, '文件为空', '文件没有任何内容');
  if (bytes.length > MAX_WORKBOOK_BYTES)
    fail(
      ErrorCode.TooLarge,
      file,
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MiB）`,
      `电子表格不应超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MiB；单位的决算报表通常不到 5 MiB，请只保留九张公开报表后再导入`,
    );
  if (startsWith(bytes, SIG_ZIP)) return 'xlsx';
  if (startsWith(bytes, SIG_CFB)) return compoundKind(bytes, file);
  const other = describeOther(bytes);
  if (other)
    fail(
      ErrorCode.UnsupportedFormat,
      file,
      `是${other}，不是电子表格`,
      `请给出 Excel 工作簿（.xlsx、.xls）或 CSV 文件；已公开的 PDF/DOCX 应审查而不是导入`,
      'audit',
    );
  const lower = file.toLowerCase();
  if (/\.(xlsx|xlsm|xls|et)$/.test(lower))
    fail(
      ErrorCode.UnsupportedFormat,
      file,
      '不是有效的 Excel 工作簿',
      '文件扩展名是 Excel，但内容不是 Excel 格式（可能已损坏，或是改了扩展名的其他文件）',
    );
  if (bytes.length > MAX_CSV_BYTES)
    fail(
      ErrorCode.TooLarge,
      file,
      `CSV 文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MiB）`,
      `CSV 不应超过 ${MAX_CSV_BYTES / 1024 / 1024} MiB`,
    );
  if (bytes.subarray(0, 4096).includes(0))
    fail(ErrorCode.UnsupportedFormat, file, '是二进制文件，不是电子表格', '请给出 .xlsx、.xls 或 .csv 文件');
  return 'csv';
}

// ---- OLE compound file (MS-CFB): just enough to list the directory's stream names.

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}

/** Stream and storage names of a compound file's directory (empty when the structure is broken). */
export function compoundFileNames(bytes: Uint8Array): string[] {
  const sectorShift = u16(bytes, 30);
  if (sectorShift !== 9 && sectorShift !== 12) return [];
  const size = 1 << sectorShift;
  const sectorOffset = (s: number) => (s + 1) * size;
  // The FAT: sector numbers listed in the header's DIFAT (first 109 entries suffice for small files).
  const fatSectors: number[] = [];
  const nFat = u32(bytes, 44);
  for (let i = 0; i < Math.min(nFat, 109); i++) fatSectors.push(u32(bytes, 76 + 4 * i));
  const fatEntry = (s: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return 0xfffffffe;
    return u32(bytes, sectorOffset(fs) + 4 * (s % perSector));
  };
  const names: string[] = [];
  let sector = u32(bytes, 48);
  const seen = new Set<number>();
  while (sector < 0xfffffffa && !seen.has(sector) && seen.size < 4096) {
    seen.add(sector);
    const base = sectorOffset(sector);
    if (base + size > bytes.length) break;
    for (let e = 0; e < size / 128; e++) {
      const o = base + e * 128;
      const len = u16(bytes, o + 64);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(u16(bytes, o + 2 * i));
      names.push(name);
    }
    sector = fatEntry(sector);
  }
  return names;
}

function compoundKind(bytes: Uint8Array, file: string): SpreadsheetKind {
  const names = compoundFileNames(bytes);
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) {
    fail(
      ErrorCode.Encrypted,
      file,
      '工作簿设置了打开密码，无法读取',
      '请在 Excel 或 WPS 中打开（输入密码），在“文件—信息—保护工作簿”中删除密码后另存，再导入',
    );
  }
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('WordDocument'))
    fail(
      ErrorCode.UnsupportedFormat,
      file,
      '是 Word 97-2003 文档（.doc），不是电子表格',
      '请给出 .xlsx、.xls 或 .csv 文件',
    );
  fail(
    ErrorCode.UnsupportedFormat,
    file,
    '是 Office 97-2003 格式的文件，但不是可读取的 Excel 工作簿',
    '文件可能已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入',
  );
}

// ---- ZIP: central directory and inflate with a running limit.

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function corrupt(file: string, detail: string): never {
  fail(ErrorCode.UnsupportedFormat, file, '工作簿已损坏，无法打开', detail);
}

function zipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  // End of central directory: the last "PK\5\6" within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_558); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt(file, '找不到 ZIP 目录（文件不完整或已损坏），请在 Excel 中打开并另存后再导入');
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count > MAX_ZIP_ENTRIES)
    fail(ErrorCode.TooLarge, file, `工作簿包含的部件过多（${count} 个）`, '这不是正常的决算报表工作簿');
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, o) !== 0x02014b50) corrupt(file, 'ZIP 目录已损坏');
    const method = u16(bytes, o + 10);
    const compressedSize = u32(bytes, o + 20);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const localOffset = u32(bytes, o + 42);
    const name = new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + nameLen));
    entries.push({ name, method, compressedSize, localOffset });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return total;
    }
  }
  return total;
}

/**
 * Checks a workbook archive before it is parsed: a readable directory, the parts an XLSX needs, and a
 * total inflated size under MAX_INFLATED_BYTES, measured by inflating (never trusting the headers).
 */
export async function checkWorkbookArchive(bytes: Uint8Array, file: string): Promise<void> {
  const entries = zipEntries(bytes, file);
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml'))
      fail(
        ErrorCode.UnsupportedFormat,
        file,
        '是 Word 文档（.docx），不是电子表格',
        '请给出 .xlsx、.xls 或 .csv 文件',
      );
    if (names.has('content.xml'))
      fail(
        ErrorCode.UnsupportedFormat,
        file,
        '是 OpenDocument 文件（.ods），不是 .xlsx',
        '请另存为 .xlsx 后再导入',
      );
    fail(
      ErrorCode.UnsupportedFormat,
      file,
      '是 ZIP 压缩包，不是 Excel 工作簿',
      '压缩包中没有 xl/workbook.xml',
    );
  }
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (u32(bytes, e.localOffset) !== 0x04034b50) corrupt(file, `部件「${e.name}」的位置不对`);
    const nameLen = u16(bytes, e.localOffset + 26);
    const extraLen = u16(bytes, e.localOffset + 28);
    const start = e.localOffset + 30 + nameLen + extraLen;
    const end = start + e.compressedSize;
    if (end > bytes.length) corrupt(file, `部件「${e.name}」不完整（文件被截断）`);
    const data = bytes.subarray(start, end);
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      try {
        total += await inflatedSize(data, MAX_INFLATED_BYTES - total);
      } catch {
        corrupt(file, `部件「${e.name}」无法解压`);
      }
    } else corrupt(file, `部件「${e.name}」使用了不支持的压缩方式（${e.method}）`);
    if (total > MAX_INFLATED_BYTES)
      fail(
        ErrorCode.TooLarge,
        file,
        '工作簿解压后过大（可能是“压缩炸弹”），已停止读取',
        `解压后的内容超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MiB；正常的决算报表解压后不到 20 MiB`,
      );
  }
}
