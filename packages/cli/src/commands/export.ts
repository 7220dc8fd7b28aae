import { parseArgs } from 'node:util';
import { ErrorCode, exportWorkbook, JuesuanError } from '@juesuan/core';
import { writeFileAtomic } from '../excel-files.ts';
import { inputName } from '../io.ts';
import type { Io } from '../main.ts';
import { IMPORT_HOW, readDataFile } from './template.ts';

const USAGE = '用法：juesuan export <数据.yaml> --out <填报.xlsx>';

/** `juesuan export`: a data file written into the data-entry workbook (import gives the same data back). */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.out) throw new JuesuanError(ErrorCode.BadInput, USAGE);
  const data = readDataFile(file);
  const bytes = await exportWorkbook(data, { importHow: IMPORT_HOW });
  writeFileAtomic(values.out, bytes);
  io.out(
    `已把 ${inputName(file)} 写入填报工作簿 ${values.out}（${Math.round(bytes.length / 1024)} KB）。修改后运行：juesuan import ${values.out} --out ${file === '-' ? '数据.yaml' : file}`,
  );
  return 0;
}
