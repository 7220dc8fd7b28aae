/**
 * `importWorkbook`: a spreadsheet (XLSX, CSV; .xls after conversion by the caller) → a data file (the
 * plain object `disclosureFromData` takes), the provenance of every figure (file, sheet, cell) keyed
 * by the figure's data-file path, and a report of what was read, skipped and not found. A workbook
 * made by `templateWorkbook`/`exportWorkbook` is read exactly by its hidden keys; any other workbook
 * by titles, headers and labels (read-table.ts). The result is validated like any data file, and a
 * problem the loader finds is reported at the cell it came from.
 */
import type { CatalogueSet } from '../classification/catalogue.ts';
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';
import { disclosureFromData } from '../model/load.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';
import type { MoneyUnit } from '../money/amount.ts';
import { balanceData, type BalanceAdjustment } from '../balance/balance.ts';
import { fenText } from './amounts.ts';
import { sniffSpreadsheet } from './container.ts';
import { readCsvGrid } from './grid-csv.ts';
import { readXlsxGrid } from './grid-xlsx.ts';
import type { Workbook } from './grid.ts';
import {
  readTables,
  type CellSource,
  type ReadContext,
  type ReadRow,
  type ReadTable,
  type SkippedItem,
} from './read-table.ts';
import { isTemplateWorkbook, readTemplateWorkbook } from './read-template.ts';

export type { CellSource } from './read-table.ts';

/** Plain data in the data-file form (what `disclosureFromData` accepts). */
export type DataFile = Record<string, unknown>;

export interface ImportOptions {
  /** 决算年度, when the workbook does not say it (a title "2022年度…" does). */
  year?: number;
  /** Unit profile fields the tables do not carry (name comes from "编制单位：" when printed). */
  unit?: {
    name?: string;
    kind?: '行政' | '参公' | '事业';
    code?: string;
    region?: string;
    level?: '部门' | '单位';
  };
  profile?: string;
  /** Unit of tables that print no "单位：" line (default 万元, as publications print). */
  defaultUnit?: MoneyUnit;
  /** Read hidden rows and columns too (default: they are skipped and listed in the report). */
  includeHidden?: boolean;
  catalogues?: CatalogueSet;
  /** 舍位平衡: convert to 万元 with two decimals and adjust the fewest cells by 0.01 (balance/). */
  balance?: boolean;
}

export interface ImportedTable {
  table: TableId;
  /** 表一 收入支出决算总表 */
  name: string;
  /** The title as printed. */
  title: string;
  file: string;
  sheet: string;
  cell: string;
  unit: MoneyUnit;
  rows: number;
  cells: number;
}

export interface ImportReport {
  files: string[];
  /** `template`: our data-entry workbook; `tables`: a workbook read by titles and headers. */
  layout: 'template' | 'tables';
  tables: ImportedTable[];
  notFound: TableId[];
  skipped: (SkippedItem & { file: string })[];
  warnings: string[];
  adjustments: BalanceAdjustment[];
}

export interface ImportResult {
  data: DataFile;
  /** Data-file path (e.g. `tables.t5.rows[3].total`) → the cell it was read from. */
  sources: Record<string, CellSource>;
  report: ImportReport;
}

export interface WorkbookInput {
  bytes: Uint8Array;
  fileName: string;
}

const UNIT_RANK: Record<MoneyUnit, number> = { 元: 0, 万元: 1, 亿元: 2 };

/** Reads the file into grids (XLSX, CSV); .xls must be converted first (the CLI uses LibreOffice). */
export async function readWorkbookGrid(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const kind = sniffSpreadsheet(bytes, fileName);
  if (kind === 'xls')
    throw new JuesuanError(
      ErrorCode.UnsupportedFormat,
      `${fileName}：旧版 Excel 97-2003 工作簿（.xls）需先转换`,
      [
        {
          file: fileName,
          message: '请在 Excel 或 WPS 中另存为 .xlsx 后导入',
          need: 'xlsx',
        },
      ],
    );
  if (kind === 'csv') return readCsvGrid(bytes, fileName);
  return readXlsxGrid(bytes, fileName);
}

/** Imports one workbook. */
export async function importWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importWorkbooks([{ bytes, fileName }], options);
}

/** Imports several files that together hold the tables (one table per CSV, or a workbook per table). */
export async function importWorkbooks(
  inputs: WorkbookInput[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (inputs.length === 0) throw new JuesuanError(ErrorCode.BadInput, '没有给出要导入的文件');
  const books: Workbook[] = [];
  for (const i of inputs) books.push(await readWorkbookGrid(i.bytes, i.fileName));
  const files = inputs.map((i) => i.fileName);
  const templates = books.filter(isTemplateWorkbook);
  let result: ImportResult;
  if (templates.length > 0) {
    if (books.length > 1)
      throw new JuesuanError(ErrorCode.BadInput, '填报模板须单独导入', [
        { file: templates[0]!.file, message: '填报模板已含全部报表和事项，不能与其他文件一起导入' },
      ]);
    const t = readTemplateWorkbook(templates[0]!, options);
    result = { data: t.data, sources: t.sources, report: { ...t.report, files, adjustments: [] } };
  } else result = importTables(books, options, files);
  if (options.balance) {
    const b = balanceData(result.data);
    result.data = b.data;
    result.report.adjustments = b.adjustments;
  }
  validateImported(result, files);
  return result;
}

/** What reading the workbooks' tables found: the tables by id, and what the lines around them said. */
interface TablesRead {
  tables: Map<TableId, ReadTable>;
  skipped: (SkippedItem & { file: string })[];
  warnings: string[];
  unitNames: string[];
  years: number[];
}

/** The nine tables read from workbooks that are not the data-entry template. */
function importTables(books: Workbook[], options: ImportOptions, files: string[]): ImportResult {
  const { tables, skipped, warnings, unitNames, years } = readAllTables(books, options, files);
  const year = options.year ?? mostCommon(years);
  const name = options.unit?.name ?? mostCommon(unitNames.filter((n) => n.length >= 2));
  requireUnitFacts(files, year, name, options);
  const unit: MoneyUnit = [...tables.values()]
    .map((t) => t.unit)
    .sort((a, b) => UNIT_RANK[a] - UNIT_RANK[b])[0]!;
  const { tablesOut, sources } = tablesData(tables, unit);
  const unitOut: Record<string, unknown> = { name, kind: options.unit!.kind };
  for (const k of ['code', 'region', 'level'] as const)
    if (options.unit?.[k] !== undefined) unitOut[k] = options.unit[k];
  const data: DataFile = { format: FORMAT_ID, year, amountUnit: unit, decimals: 2 };
  if (options.profile !== undefined) data['profile'] = options.profile;
  data['unit'] = unitOut;
  data['tables'] = tablesOut;
  const report: ImportReport = {
    files,
    layout: 'tables',
    tables: [...tables.values()]
      .sort((a, b) => TABLE_IDS.indexOf(a.id) - TABLE_IDS.indexOf(b.id))
      .map((t) => ({
        table: t.id,
        name: `${TABLE_SPECS[t.id].number} ${TABLE_SPECS[t.id].name}`,
        title: t.title,
        file: t.source.file,
        sheet: t.source.sheet,
        cell: t.source.cell,
        unit: t.unit,
        rows: t.rows.length,
        cells: t.cells,
      })),
    notFound: TABLE_IDS.filter((id) => !tables.has(id)),
    skipped,
    warnings,
    adjustments: [],
  };
  return { data, sources, report };
}

/** Reads every table of the workbooks; throws when some cannot be read, a table is given twice, or none is found. */
function readAllTables(books: Workbook[], options: ImportOptions, files: string[]): TablesRead {
  const problems: InputProblem[] = [];
  const skipped: (SkippedItem & { file: string })[] = [];
  const warnings: string[] = [];
  const unitNames: string[] = [];
  const years: number[] = [];
  const tables = new Map<TableId, ReadTable>();
  for (const wb of books) {
    const ctx: ReadContext = {
      file: wb.file,
      catalogues: options.catalogues,
      defaultUnit: options.defaultUnit ?? '万元',
      includeHidden: options.includeHidden ?? false,
      problems,
      skipped: [],
      warnings,
      unitNames,
      years,
    };
    if (options.year !== undefined) ctx.year = options.year;
    for (const t of readTables(wb, ctx)) {
      const prev = tables.get(t.id);
      if (prev) {
        problems.push({
          file: wb.file,
          message: `《${TABLE_SPECS[t.id].name}》在两处出现：${prev.source.file} 工作表「${prev.source.sheet}」${prev.source.cell} 和 工作表「${t.source.sheet}」${t.source.cell}；请只保留一张`,
        });
        continue;
      }
      tables.set(t.id, t);
    }
    skipped.push(...ctx.skipped.map((s) => ({ ...s, file: wb.file })));
  }
  if (problems.length > 0)
    throw new JuesuanError(
      ErrorCode.BadInput,
      importFailedTitle(files, problems.length),
      problems.slice(0, 50),
    );
  if (tables.size === 0) {
    throw new JuesuanError(ErrorCode.NotFound, `${files.join('、')}：没有找到九张公开报表中的任何一张`, [
      {
        file: files[0],
        message: `已查看工作表：${books.flatMap((b) => b.sheets.map((s) => `「${s.name}」`)).join('、')}；每张表应有标题，如“收入支出决算总表”“Z01 收入支出决算总表(财决01表)”“表五 一般公共预算财政拨款支出决算表”，或以表名作工作表名`,
      },
    ]);
  }
  return { tables, skipped, warnings, unitNames, years };
}

/** The year, the unit's name and its kind must be known (from the tables or the options). Throws otherwise. */
function requireUnitFacts(
  files: string[],
  year: number | undefined,
  name: string | undefined,
  options: ImportOptions,
): asserts year is number {
  const missing: InputProblem[] = [];
  if (year === undefined)
    missing.push({
      file: files[0],
      message: '表中没有写明决算年度（如标题“2022年度…”），须另行指明',
      need: 'year',
    });
  if (name === undefined)
    missing.push({
      file: files[0],
      message: '表中没有“编制单位：”一行，须另行指明单位名称',
      need: 'unit-name',
    });
  if (options.unit?.kind === undefined)
    missing.push({
      file: files[0],
      message: '报表不载明单位性质，须另行指明（行政、参公或事业）',
      need: 'unit-kind',
    });
  if (missing.length > 0)
    throw new JuesuanError(ErrorCode.BadInput, `${files.join('、')}：还缺少报表以外的信息`, missing);
}

/** The tables in data-file form, with the cell each figure came from by its data-file path. */
function tablesData(
  tables: Map<TableId, ReadTable>,
  unit: MoneyUnit,
): { tablesOut: Record<string, unknown>; sources: Record<string, CellSource> } {
  const sources: Record<string, CellSource> = {};
  const tablesOut: Record<string, unknown> = {};
  for (const id of TABLE_IDS) {
    const t = tables.get(id);
    if (!t) continue;
    // A table printed with no figure at all (blank cells under its header) is an empty table.
    const blank = t.rows.every((r) => [...r.values.values()].every((v) => v.blank));
    const rows = blank
      ? []
      : orderRows(id, t.rows).map((r, i) => rowData(id, r, unit, `tables.${id}.rows[${i}]`, sources));
    const out: Record<string, unknown> = {};
    if (t.emptyStatement !== undefined) out['emptyStatement'] = t.emptyStatement;
    out['rows'] = rows;
    tablesOut[id] = out;
  }
  return { tablesOut, sources };
}

function importFailedTitle(files: string[], n: number): string {
  return `${files.join('、')} 有 ${n} 处无法读取`;
}

function mostCommon<T>(xs: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

/** The data-file order of rows: the form's order of fixed rows, code rows where the form lists them. */
const CODE_POSITION: Partial<Record<TableId, string>> = {
  t1: 'expenditureTotal',
  t4: 'expenditureTotal',
  t6: 'personnelTotal',
};

export function orderRows<R extends { key: string; code?: string }>(id: TableId, rows: R[]): R[] {
  const spec = TABLE_SPECS[id];
  const fixed = spec.fixedRows.map((f) => f.id);
  const codeRows = rows.filter((r) => r.code !== undefined);
  const byKey = new Map(rows.filter((r) => r.code === undefined).map((r) => [r.key, r]));
  const out: R[] = [];
  const before = CODE_POSITION[id];
  let placed = false;
  if (before === undefined) {
    if (byKey.has('total')) out.push(byKey.get('total')!);
    out.push(...codeRows);
    placed = true;
    for (const f of fixed) if (f !== 'total' && byKey.has(f)) out.push(byKey.get(f)!);
  } else {
    for (const f of fixed) {
      if (f === before) {
        out.push(...codeRows);
        placed = true;
      }
      if (byKey.has(f)) out.push(byKey.get(f)!);
    }
  }
  if (!placed) out.push(...codeRows);
  return out;
}

function rowData(
  id: TableId,
  r: ReadRow,
  unit: MoneyUnit,
  path: string,
  sources: Record<string, CellSource>,
): Record<string, unknown> {
  const o: Record<string, unknown> = r.code !== undefined ? { code: r.code } : { row: r.key };
  if (r.code !== undefined && r.name !== undefined) o['name'] = r.name;
  const cols = TABLE_SPECS[id].columns.map((c) => c.id);
  for (const c of cols) {
    const v = r.values.get(c);
    if (!v) continue;
    o[c] = fenText(v.fen, unit);
    sources[`${path}.${c}`] = v.source;
  }
  for (const [which, fileKey] of [
    ['prior', 'prior'],
    ['budget', 'initialBudget'],
  ] as const) {
    const sub: Record<string, unknown> = {};
    for (const c of cols) {
      const v = r.values.get(`${which}.${c}`);
      if (!v) continue;
      sub[c] = fenText(v.fen, unit);
      sources[`${path}.${fileKey}.${c}`] = v.source;
    }
    if (Object.keys(sub).length > 0) o[fileKey] = sub;
  }
  sources[path] = r.source;
  return o;
}

/** Where a data-file path's figure came from: the path itself or its nearest ancestor with a source. */
export function sourceOfPath(sources: Record<string, CellSource>, path: string): CellSource | undefined {
  let p = path;
  for (;;) {
    const s = sources[p];
    if (s) return s;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

/** Data-file path of a finding's location (table cell or field) in an imported data file. */
export function pathOfLocation(
  data: DataFile,
  loc: {
    table?: TableId;
    row?: string;
    column?: string;
    which?: 'value' | 'prior' | 'budget';
    field?: string;
  },
): string | undefined {
  if (loc.field !== undefined) return loc.field;
  if (!loc.table || !loc.row) return undefined;
  const rows = ((data['tables'] as Record<string, { rows?: Record<string, unknown>[] }> | undefined)?.[
    loc.table
  ]?.rows ?? []) as Record<string, unknown>[];
  const i = rows.findIndex((r) => r['row'] === loc.row || r['code'] === loc.row);
  if (i < 0) return undefined;
  const base = `tables.${loc.table}.rows[${i}]`;
  if (!loc.column) return base;
  const which = loc.which ?? 'value';
  return which === 'value'
    ? `${base}.${loc.column}`
    : `${base}.${which === 'prior' ? 'prior' : 'initialBudget'}.${loc.column}`;
}

/** A cell reference for people: "填报.xlsx 工作表「表五」C12". */
export function formatCellSource(s: CellSource): string {
  return `${s.file} 工作表「${s.sheet}」${s.cell}`;
}

function validateImported(result: ImportResult, files: string[]): void {
  try {
    disclosureFromData(result.data, { file: files.join('、') });
  } catch (e) {
    if (!(e instanceof JuesuanError)) throw e;
    const problems = e.problems.map((p) => {
      const s = p.path ? sourceOfPath(result.sources, p.path) : undefined;
      if (!s) return p;
      const out: InputProblem = { file: s.file, message: `工作表「${s.sheet}」${s.cell}：${p.message}` };
      if (p.path) out.path = p.path;
      return out;
    });
    throw new JuesuanError(e.code, `导入的数据有 ${problems.length} 处错误`, problems);
  }
}
