import { parseArgs } from 'node:util';
import {
  ErrorCode,
  JuesuanError,
  MAX_DATA_FILE_BYTES,
  parseDataFile,
  templateWorkbook,
  type TemplateOptions,
} from '@juesuan/core';
import { readPreviousYear, writeFileAtomic } from '../excel-files.ts';
import { readInputFile } from '../io.ts';
import type { Io } from '../main.ts';

const USAGE =
  '用法：juesuan template --year <年度> [--profile 口径] [--previous 上年数据.yaml|上年公开.pdf] [--amount-unit 万元|元] --out <填报模板.xlsx>';

/** The instructions' 用途 line: how the filled workbook comes back. */
export const IMPORT_HOW = '运行 juesuan import 本文件 --out 数据.yaml';

/** `juesuan template`: the data-entry workbook for a year. */
export async function templateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      profile: { type: 'string' },
      previous: { type: 'string' },
      'amount-unit': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 0 || !values.out || values.year === undefined)
    throw new JuesuanError(ErrorCode.BadInput, USAGE);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new JuesuanError(ErrorCode.BadInput, `--year 应为年度，如 2024，实际为「${values.year}」`);
  const options: TemplateOptions = { year, importHow: IMPORT_HOW };
  if (values.profile !== undefined) options.profile = values.profile;
  const au = values['amount-unit'];
  if (au !== undefined) {
    if (au !== '元' && au !== '万元')
      throw new JuesuanError(ErrorCode.BadInput, `--amount-unit 应为 元 或 万元，实际为「${au}」`);
    options.amountUnit = au;
  }
  if (values.previous) options.previous = await readPreviousYear(values.previous);
  const bytes = await templateWorkbook(options);
  writeFileAtomic(values.out, bytes);
  io.out(
    `已生成 ${year} 年度填报模板 ${values.out}（${Math.round(bytes.length / 1024)} KB）${values.previous ? `，已按 ${values.previous} 预填上年数` : ''}。填好后运行：juesuan import ${values.out} --out 数据.yaml`,
  );
  return 0;
}

/** A data file as plain data (checked by loading it). */
export function readDataFile(file: string): Record<string, unknown> {
  return parseDataFile(readInputFile(file, MAX_DATA_FILE_BYTES), file);
}
