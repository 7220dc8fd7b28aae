/**
 * Classification catalogue: 支出功能分类 (类/款/项) and 部门预算支出经济分类 (类/款), one per year.
 * Source of truth: MoF《政府收支分类科目》of each year. Built-in data covers every 类 and 款 and the
 * 项 units commonly use (see data/classification/README.md); a user loads the full official list for
 * a year from CSV or XLSX with `juesuan catalogue import`.
 */
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';

export const ClassificationKind = { Function: 'function', Economic: 'economic' } as const;
export type ClassificationKind = (typeof ClassificationKind)[keyof typeof ClassificationKind];

export interface CatalogueEntry {
  code: string;
  name: string;
  level: '类' | '款' | '项';
  /** Parent code ('' for a 类). */
  parent: string;
  /** For economic 类: which part of 基本支出 it belongs to (DOMAIN.md §3). */
  group?: '人员经费' | '公用经费';
  /** First and last year this code is valid (inclusive); undefined = open. */
  validFrom?: number;
  validTo?: number;
  /** Where the entry came from. */
  source?: string;
}

export interface Catalogue {
  year: number;
  kind: ClassificationKind;
  entries: Map<string, CatalogueEntry>;
  /** True when the list is the complete official list (imported), false for the built-in subset. */
  complete: boolean;
  source: string;
}

export interface CatalogueSet {
  function?: Catalogue;
  economic?: Catalogue;
}

function levelOfCode(code: string): CatalogueEntry['level'] {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

function parentOf(code: string): string {
  return code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : '';
}

/** Splits one CSV line (RFC 4180 quotes). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const CODE_HEADERS = ['code', '编码', '科目编码', '科目代码', '代码'];
const NAME_HEADERS = ['name', '名称', '科目名称'];

export interface CatalogueRowsInput {
  /** Rows as cells, header row first. */
  rows: string[][];
  year: number;
  kind: ClassificationKind;
  file?: string;
  source?: string;
  complete?: boolean;
  /** Line (1-based) of the header row in the file, when rows above it were dropped; default 1. */
  headerLine?: number;
}

/** Where each column of a catalogue's rows is (−1: absent); `split` is the 类 | 款 | 项 layout. */
interface CatalogueColumns {
  code: number;
  name: number;
  split: number[];
  useSplit: boolean;
  group: number;
  from: number;
  to: number;
  level: number;
  parent: number;
  source: number;
}

function catalogueColumns(
  headerRow: string[],
  file: string | undefined,
  headerLine: number,
): CatalogueColumns {
  const header = headerRow.map((h) => h.normalize('NFKC').trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const code = find(CODE_HEADERS);
  const name = find(NAME_HEADERS);
  const split = ['类', '款', '项'].map((h) => header.indexOf(h));
  const useSplit = code < 0 && split[0]! >= 0;
  if ((code < 0 && !useSplit) || name < 0) {
    throw new JuesuanError(ErrorCode.BadCatalogue, `${file ?? '科目表'} 缺少表头`, [
      {
        file,
        line: headerLine,
        message: '第一行应为表头，含“科目编码”（或 code/编码，或 类/款/项 三列）和“科目名称”（或 name/名称）',
      },
    ]);
  }
  return {
    code,
    name,
    split,
    useSplit,
    group: find(['group', 'basic_expenditure_group', '经费类别']),
    from: find(['valid_from', '起始年度']),
    to: find(['valid_to', '终止年度']),
    level: find(['level', '级次', '层级']),
    parent: find(['parent', '上级编码', '上级科目']),
    source: find(['source', '来源']),
  };
}

/** Codes of the split layout: the 类 and 款 of the rows above, for rows that leave those columns blank. */
class SplitCodes {
  private lastClass = '';
  private lastSection = '';

  code(cells: string[], split: number[]): string {
    const part = (c: number) => (c >= 0 ? (cells[c] ?? '').normalize('NFKC').replace(/\s+/g, '') : '');
    const [cls, sec, item] = [part(split[0]!), part(split[1]!), part(split[2]!)];
    let code: string;
    if (item !== '') {
      const section = sec.length === 5 ? sec : sec !== '' ? (cls || this.lastClass) + sec : this.lastSection;
      // A 项 needs a full 款 in front of it; otherwise keep what was written so the error shows it.
      code = item.length === 7 ? item : section.length === 5 ? section + item : `${cls}${sec}${item}`;
    } else if (sec !== '') code = sec.length === 5 ? sec : (cls || this.lastClass) + sec;
    else code = cls;
    if (/^\d{3}$/.test(code)) [this.lastClass, this.lastSection] = [code, ''];
    else if (/^\d{5}$/.test(code)) [this.lastClass, this.lastSection] = [code.slice(0, 3), code];
    return code;
  }
}

/** What is wrong with a row's code and name before its entry is built (a malformed, 7-digit economic or repeated code, no name). */
function codeProblem(
  code: string,
  name: string,
  kind: ClassificationKind,
  firstLineOf: ReadonlyMap<string, number>,
): { path: string; message: string } | undefined {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code))
    return {
      path: 'code',
      message: code === '' ? '缺少科目编码' : `科目编码「${code}」应为 3、5 或 7 位数字`,
    };
  if (kind === 'economic' && code.length === 7)
    return { path: 'code', message: `经济分类只有类和款，「${code}」有 7 位` };
  if (name === '') return { path: 'name', message: `科目「${code}」缺少名称` };
  if (firstLineOf.has(code))
    return { path: 'code', message: `科目编码「${code}」重复（第 ${firstLineOf.get(code)} 行已有）` };
  return undefined;
}

/** The entry of a row whose code is sound; a problem when its level or parent column disagrees with the code. */
function entryOfRow(
  cells: string[],
  code: string,
  name: string,
  cols: CatalogueColumns,
  defaultSource: string | undefined,
): CatalogueEntry | { path: string; message: string } {
  const entry: CatalogueEntry = { code, name, level: levelOfCode(code), parent: parentOf(code) };
  const lv = cols.level >= 0 ? (cells[cols.level] ?? '').trim() : '';
  if (lv !== '' && lv !== entry.level)
    return { path: 'level', message: `科目「${code}」是${entry.level}级编码，级次列却写「${lv}」` };
  const pa = cols.parent >= 0 ? (cells[cols.parent] ?? '').replace(/\s+/g, '') : '';
  if (pa !== '' && pa !== entry.parent)
    return {
      path: 'parent',
      message: `科目「${code}」的上级应为「${entry.parent || '（无）'}」，上级列却写「${pa}」`,
    };
  const g = cols.group >= 0 ? cells[cols.group]?.trim() : undefined;
  if (g === '人员经费' || g === '公用经费') entry.group = g;
  const vf = cols.from >= 0 ? Number(cells[cols.from]) : NaN;
  const vt = cols.to >= 0 ? Number(cells[cols.to]) : NaN;
  if (Number.isInteger(vf) && vf > 0) entry.validFrom = vf;
  if (Number.isInteger(vt) && vt > 0) entry.validTo = vt;
  const src = cols.source >= 0 ? (cells[cols.source] ?? '').trim() : '';
  if (src !== '') entry.source = src;
  else if (defaultSource) entry.source = defaultSource;
  return entry;
}

/**
 * Builds a catalogue from tabular rows: a header row with a code column (code/编码/科目编码) and a name
 * column (name/名称/科目名称); optional level, parent, group, valid_from, valid_to. Codes may be written
 * "2010450" or "201 04 50"; a code's parent is taken from its prefix. Also accepts the official
 * three-column layout 类 | 款 | 项 | 科目名称: each column holds its own two or three digits (a row
 * that leaves the higher columns blank belongs to the 类/款 above it) or the full code.
 * Optional `level` and `parent` columns must agree with the code; an optional `source` column is kept.
 */
export function catalogueFromRows(input: CatalogueRowsInput): Catalogue {
  const { rows, year, kind, file } = input;
  const problems: InputProblem[] = [];
  const headerLine = input.headerLine ?? 1;
  const cols = catalogueColumns(rows[0] ?? [], file, headerLine);
  const entries = new Map<string, CatalogueEntry>();
  const firstLineOf = new Map<string, number>();
  const splitCodes = new SplitCodes();
  rows.slice(1).forEach((cells, i) => {
    const line = headerLine + i + 1;
    if (cells.every((c) => c.trim() === '')) return;
    const code = cols.useSplit
      ? splitCodes.code(cells, cols.split)
      : (cells[cols.code] ?? '').normalize('NFKC').replace(/\s+/g, '');
    // Names keep their official form (full-width brackets); comparisons go through sameClassName.
    const name = (cells[cols.name] ?? '').trim();
    const problem = codeProblem(code, name, kind, firstLineOf);
    if (problem) {
      problems.push({ file, line, ...problem });
      return;
    }
    const entry = entryOfRow(cells, code, name, cols, input.source);
    if ('message' in entry) {
      problems.push({ file, line, ...entry });
      return;
    }
    entries.set(code, entry);
    firstLineOf.set(code, line);
  });
  if (problems.length > 0) {
    throw new JuesuanError(
      ErrorCode.BadCatalogue,
      `${file ?? '科目表'} 有 ${problems.length} 处错误`,
      problems.slice(0, 50),
    );
  }
  if (entries.size === 0) {
    throw new JuesuanError(ErrorCode.BadCatalogue, `${file ?? '科目表'} 没有任何科目`, [
      { file, message: '表中没有科目行' },
    ]);
  }
  return {
    year,
    kind,
    entries,
    complete: input.complete ?? true,
    source: input.source ?? file ?? 'imported',
  };
}

/** Parses catalogue CSV text (UTF-8, header row first). */
export function catalogueFromCsv(text: string, opts: Omit<CatalogueRowsInput, 'rows'>): Catalogue {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = clean.split(/\r?\n/).map(splitCsvLine);
  return catalogueFromRows({ ...opts, rows });
}

/** The name a catalogue gives a code, or undefined when the code is not listed. */
export function catalogueName(c: Catalogue | undefined, code: string): string | undefined {
  return c?.entries.get(code)?.name;
}

/** Names compare after NFKC and without spaces and brackets' width differences. */
export function sameClassName(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return norm(a) === norm(b);
}
