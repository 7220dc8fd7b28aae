/**
 * Files for the spreadsheet commands: reading a workbook (an old .xls is converted to .xlsx by
 * LibreOffice first, since core takes bytes and never starts programs — ADR 0011), and writing outputs
 * whole or not at all (a temporary file renamed into place).
 */
import {
  mkdtempSync,
  readFileSync,
  statSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  applyPreviousYear,
  balanceData,
  disclosureFromData,
  ErrorCode,
  JuesuanError,
  loadDisclosure,
  parseDataFile,
  MAX_DATA_FILE_BYTES,
  MAX_PDF_BYTES,
  MAX_WORKBOOK_BYTES,
  previousFromPublication,
  sniffSpreadsheet,
  type Disclosure,
} from '@juesuan/core';
import { fsErrorMessage, isFsError, readInputFile } from './io.ts';
import type { Io } from './main.ts';
import { runTool } from './pdf.ts';
import { hasTool, missingToolMessage } from './tools.ts';

/** Longest an .xls conversion may take (the first run creates a LibreOffice profile). */
const CONVERT_TIMEOUT_MS = 120_000;

/**
 * Converts between spreadsheet formats with LibreOffice in a private temporary directory and
 * profile (parallel runs do not share a profile), e.g. .xls → .xlsx.
 */
export async function convertSpreadsheet(
  bytes: Uint8Array,
  file: string,
  from: 'xls' | 'xlsx' | 'csv',
  to: 'xlsx' | 'xls',
  command = 'soffice',
): Promise<Uint8Array> {
  if (!hasTool(command))
    throw new JuesuanError(ErrorCode.MissingTool, `${file}：读取旧版 .xls 需要 LibreOffice`, [
      {
        file,
        message: `${missingToolMessage(command, '转换 .xls')} 也可以在 Excel 或 WPS 中把文件另存为 .xlsx 后再导入。`,
      },
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-convert-'));
  try {
    const input = join(dir, `input.${from}`);
    writeFileSync(input, bytes);
    const outDir = join(dir, 'out');
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      input,
    ];
    const r = await runTool(command, args, process.env, CONVERT_TIMEOUT_MS);
    let out: string | undefined;
    try {
      out = readdirSync(outDir).find((f) => f.endsWith(`.${to}`));
    } catch {
      out = undefined;
    }
    if (r.timedOut || !out)
      throw new JuesuanError(ErrorCode.ToolFailed, `${file}：LibreOffice 无法转换此文件`, [
        {
          file,
          message: r.timedOut
            ? `转换超过 ${CONVERT_TIMEOUT_MS / 1000} 秒未完成`
            : '文件可能已损坏或设置了密码；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入',
        },
      ]);
    return readFileSync(join(outDir, out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A spreadsheet's bytes ready for core (.xls converted to .xlsx); the file name stays the user's. */
export async function readSpreadsheetFile(file: string): Promise<Uint8Array> {
  const bytes = readInputFile(file, MAX_WORKBOOK_BYTES);
  const kind = sniffSpreadsheet(bytes, file);
  if (kind === 'xls') return convertSpreadsheet(bytes, file, 'xls', 'xlsx');
  return bytes;
}

/** Writes a file whole or not at all: into a temporary file beside it, then renamed. */
export function writeFileAtomic(path: string, content: Uint8Array | string): void {
  let special = false;
  try {
    special = !statSync(path).isFile();
  } catch {
    // not there yet
  }
  if (special) {
    // A directory is refused below by the rename; a device or pipe (/dev/stdout) is written in place, not replaced.
    if (statSync(path).isDirectory())
      throw new JuesuanError(ErrorCode.BadInput, `无法写入「${path}」：这是一个目录，这里需要文件名`);
    try {
      writeFileSync(path, content);
      return;
    } catch (e) {
      throw new JuesuanError(
        ErrorCode.BadInput,
        isFsError(e) ? fsErrorMessage(e, path, true) : `无法写入「${path}」`,
      );
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new JuesuanError(
      ErrorCode.BadInput,
      // The temporary file's name is ours: the message names the user's path.
      isFsError(e) ? fsErrorMessage(e, path, true) : `无法写入「${path}」：${(e as Error).message}`,
    );
  }
}

/**
 * Last year's data for `--previous`: a data file (YAML/JSON), or last year's publication (PDF, DOCX,
 * text), whose tables `audit` rebuilds.
 */
export async function readPreviousYear(file: string): Promise<Disclosure> {
  if (/\.(pdf|docx|txt)$/i.test(file))
    return previousFromPublication(readInputFile(file, MAX_PDF_BYTES), file);
  return loadDisclosure(readInputFile(file, MAX_DATA_FILE_BYTES), { file });
}

/**
 * Last year's data for `validate --previous` / `build --previous`, refused with a clear message when it is
 * not the year before the data's.
 */
export async function readPreviousFor(year: number, file: string): Promise<Disclosure> {
  const prev = await readPreviousYear(file);
  if (prev.year !== year - 1)
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file} 是 ${prev.year} 年度的数据，本年是 ${year} 年度，不是上一年`,
      [{ file, message: `--previous 应给出 ${year - 1} 年度的数据文件或公开文本` }],
    );
  return prev;
}

/**
 * The data `build` works on: the file as it is, or with `--balance` converted from 元 to 万元 with
 * 舍位平衡 (each adjustment listed), and with `--previous` every 上年数 taken from last year's data
 * (each change listed). Without either option the file is loaded as it is and nothing is adjusted.
 */
export async function loadForBuild(
  file: string,
  options: { balance?: boolean; previous?: string | undefined },
  io: Io,
): Promise<{ d: Disclosure; previous?: Disclosure }> {
  const bytes = readInputFile(file, MAX_DATA_FILE_BYTES);
  if (!options.balance && options.previous === undefined) return { d: loadDisclosure(bytes, { file }) };
  let data = parseDataFile(bytes, file);
  if (options.balance) {
    const unit = data['amountUnit'] ?? '万元';
    const decimals = data['decimals'] ?? 2;
    if (unit === '万元' && decimals === 2) io.out(`舍位平衡：${file} 的金额已是万元两位小数，无需调整。`);
    else {
      const b = balanceData(data);
      data = b.data;
      io.out(
        `舍位平衡：${file} 由${String(unit)}换算为万元（两位小数），调整 ${b.adjustments.length} 个数（各 0.01 万元）：`,
      );
      for (const a of b.adjustments)
        io.out(`  ${a.path}：${a.rounded} → ${a.adjusted}（原数 ${a.exact}；${a.reason}）`);
      for (const r of b.brokenInSource) io.out(`  注意：原数据本身不平衡，未调整：${r}`);
      for (const r of b.unresolved) io.out(`  注意：未能平衡：${r}`);
    }
  }
  let previous: Disclosure | undefined;
  if (options.previous !== undefined) {
    const year = typeof data['year'] === 'number' ? data['year'] : loadDisclosure(bytes, { file }).year;
    previous = await readPreviousFor(year, options.previous);
    const applied = applyPreviousYear(data, previous);
    data = applied.data;
    for (const d of applied.differences)
      io.out(`上年数：${d.path} 数据中为 ${d.stated}，按 ${options.previous} 改为 ${d.previous}`);
  }
  const d = disclosureFromData(data, { file });
  return previous ? { d, previous } : { d };
}
