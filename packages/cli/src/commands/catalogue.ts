import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import {
  builtinYears,
  catalogueFromRows,
  ErrorCode,
  JuesuanError,
  type Catalogue,
  type ClassificationKind,
} from '@juesuan/core';
import { ensureDir, fsDo, fsWrite, readInputFile } from '../io.ts';
import type { Io } from '../main.ts';

const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;

/** Cell text of an exceljs cell value (rich text, formulas, numbers). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return v.result === undefined ? '' : String(v.result);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

const HEADER_WORDS = ['code', '编码', '科目编码', '科目代码', '代码', '类'];

async function rowsFromXlsx(
  bytes: Uint8Array,
  file: string,
): Promise<{ rows: string[][]; headerLine: number }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new JuesuanError(ErrorCode.BadCatalogue, `${file} 不是有效的 XLSX 文件`, [
      { file, message: '无法打开：文件损坏或不是 Excel 2007+ 格式（.xls 请先另存为 .xlsx 或 .csv）' },
    ]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new JuesuanError(ErrorCode.BadCatalogue, `${file} 没有工作表`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    // Keep rows[i] on sheet line i + 1 so that messages name the real line.
    while (rows.length < row.number - 1) rows.push([]);
    rows.push(cells);
  });
  // Official lists often start with a title row; the header is the first row naming a code column.
  const h = rows.findIndex((r) =>
    r.some((c) => HEADER_WORDS.includes(c.normalize('NFKC').trim().toLowerCase())),
  );
  return h > 0 ? { rows: rows.slice(h), headerLine: h + 1 } : { rows, headerLine: 1 };
}

function toCsv(c: Catalogue): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['code,name,level,parent,group'];
  for (const e of c.entries.values())
    lines.push([e.code, e.name, e.level, e.parent, e.group ?? ''].map(q).join(','));
  return lines.join('\n') + '\n';
}

export async function catalogueCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { dir: { type: 'string', default: 'catalogues' } } });
    io.out(`内置支出功能分类：${builtinYears('function').join('、')} 年度（常用科目）`);
    io.out(`内置经济分类：${builtinYears('economic').join('、')} 年度`);
    if (existsSync(values.dir)) {
      const files = fsDo(values.dir, () => readdirSync(values.dir)).filter((f) =>
        /^(function|economic)-\d{4}\.csv$/.test(f),
      );
      io.out(`已导入（${values.dir}）：${files.length > 0 ? files.join('、') : '无'}`);
    }
    return 0;
  }
  if (sub !== 'import') {
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan catalogue import <文件.xlsx|.csv> --year <年度> --kind function|economic [--out 目录]；或 juesuan catalogue list',
    );
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      kind: { type: 'string', default: 'function' },
      out: { type: 'string', default: 'catalogues' },
    },
  });
  const file = positionals[0];
  if (!file) throw new JuesuanError(ErrorCode.BadInput, '请给出科目表文件（XLSX 或 CSV）');
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new JuesuanError(ErrorCode.BadInput, `--year 应为年度，如 2024，实际为「${values.year ?? ''}」`);
  const kind = values.kind as ClassificationKind;
  if (kind !== 'function' && kind !== 'economic')
    throw new JuesuanError(ErrorCode.BadInput, `--kind 应为 function 或 economic，实际为「${values.kind}」`);
  const bytes = readInputFile(file, MAX_CATALOGUE_BYTES);
  const ext =
    file === '-'
      ? String.fromCharCode(...bytes.subarray(0, 2)) === 'PK'
        ? '.xlsx'
        : '.csv'
      : extname(file).toLowerCase();
  let sheet: { rows: string[][]; headerLine: number };
  if (ext === '.xlsx') sheet = await rowsFromXlsx(bytes, file);
  else if (ext === '.csv' || ext === '.txt') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new JuesuanError(ErrorCode.BadCatalogue, `${file} 不是 UTF-8 编码`, [
        { file, message: '请另存为“CSV UTF-8”后再导入' },
      ]);
    }
    const { catalogueFromCsv } = await import('@juesuan/core');
    const c = catalogueFromCsv(text, { year, kind, file, source: file });
    return save(c, values.out, io);
  } else throw new JuesuanError(ErrorCode.BadCatalogue, `不支持的文件类型「${ext}」：请用 .xlsx 或 .csv`);
  return save(catalogueFromRows({ ...sheet, year, kind, file, source: file }), values.out, io);
}

function save(c: Catalogue, dir: string, io: Io): number {
  ensureDir(dir);
  const out = join(dir, `${c.kind}-${c.year}.csv`);
  fsWrite(out, () => writeFileSync(out, toCsv(c)));
  const counts = { 类: 0, 款: 0, 项: 0 };
  for (const e of c.entries.values()) counts[e.level]++;
  io.out(
    `已导入 ${c.year} 年度${c.kind === 'function' ? '支出功能分类' : '部门预算支出经济分类'}：类 ${counts.类} 个、款 ${counts.款} 个、项 ${counts.项} 个 → ${out}`,
  );
  io.out(`校验时使用：juesuan validate <数据文件> --catalogue ${dir}`);
  return 0;
}
