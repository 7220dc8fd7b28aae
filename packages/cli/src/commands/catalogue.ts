import { readdirSync, existsSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import {
  builtinCatalogue,
  builtinYears,
  catalogueFromRows,
  citedDocuments,
  describeSource,
  provenanceCounts,
  ErrorCode,
  JuesuanError,
  type Catalogue,
  type ClassificationKind,
} from '@juesuan/core';
import { ensureDir, fsWrite, readInputFile } from '../io.ts';
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
  if (sub === 'list' || sub === undefined) return listCatalogues(rest, io);
  if (sub !== 'import') {
    throw new JuesuanError(
      ErrorCode.BadInput,
      '用法：juesuan catalogue import <文件.xlsx|.csv> --year <年度> --kind function|economic [--out 目录]；或 juesuan catalogue list [--year <年度>] [--rows]',
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

const KIND_NAME: Readonly<Record<ClassificationKind, string>> = {
  function: '支出功能分类',
  economic: '部门预算支出经济分类',
};

/**
 * `juesuan catalogue [list]`: the built-in lists with where their rows come from (provenance.ts),
 * and the official lists imported into --dir. `--rows` prints every row of --year with its source.
 */
function listCatalogues(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: 'string', default: 'catalogues' },
      year: { type: 'string' },
      kind: { type: 'string' },
      rows: { type: 'boolean', default: false },
    },
  });
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year))
    throw new JuesuanError(ErrorCode.BadInput, `--year 应为年度，如 2024，实际为「${values.year}」`);
  const kinds: ClassificationKind[] =
    values.kind === undefined ? ['function', 'economic'] : [values.kind as ClassificationKind];
  if (values.kind !== undefined && values.kind !== 'function' && values.kind !== 'economic')
    throw new JuesuanError(ErrorCode.BadInput, `--kind 应为 function 或 economic，实际为「${values.kind}」`);
  if (values.rows && year === undefined)
    throw new JuesuanError(
      ErrorCode.BadInput,
      '--rows 需要同时给出 --year，如 juesuan catalogue list --year 2024 --rows',
    );
  io.out('内置科目表：由项目整理，多数行未与财政部《政府收支分类科目》核对，可能不全（各行出处见下）。');
  io.out('  编码不在内置表中时只记警告；导入某年度的官方科目表后，表中没有的编码才报错。');
  const cited = new Map<string, number>();
  for (const kind of kinds) {
    const years = builtinYears(kind).filter((y) => year === undefined || y === year);
    if (years.length === 0) {
      io.out(`${KIND_NAME[kind]}：没有${year ?? ''} 年度的内置科目表`);
      continue;
    }
    io.out(`${KIND_NAME[kind]}（内置${kind === 'function' ? '，类、款和常用项' : ''}）：`);
    for (const y of years) {
      const c = builtinCatalogue(kind, y)!;
      const parts = provenanceCounts(c).map((p) => `${p.label} ${p.rows}`);
      io.out(`  ${y} 年度 ${c.entries.size} 行：${parts.join('；')}`);
      for (const d of citedDocuments(c)) cited.set(d.document, (cited.get(d.document) ?? 0) + d.rows);
      if (values.rows)
        for (const e of c.entries.values())
          io.out(`    ${e.code}\t${e.name}\t${e.level}\t${describeSource(e.source).text}`);
    }
  }
  if (cited.size > 0) {
    io.out('公开出处：');
    for (const doc of cited.keys()) io.out(`  ${doc}`);
  }
  const files = existsSync(values.dir)
    ? readdirSync(values.dir).filter((f) => /^(function|economic)-\d{4}\.csv$/.test(f))
    : [];
  io.out(
    files.length > 0
      ? `已导入的官方科目表（${values.dir}，校验时加 --catalogue ${values.dir}）：${files.sort().join('、')}`
      : `未导入官方科目表（${values.dir}）。导入：juesuan catalogue import <${year ?? 2024}年政府收支分类科目.xlsx> --year ${year ?? 2024} --kind function`,
  );
  return 0;
}
