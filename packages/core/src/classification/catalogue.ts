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
  const header = (rows[0] ?? []).map((h) => h.normalize('NFKC').trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const codeCol = find(CODE_HEADERS);
  const nameCol = find(NAME_HEADERS);
  const splitCols = ['类', '款', '项'].map((h) => header.indexOf(h));
  const useSplit = codeCol < 0 && splitCols[0]! >= 0;
  if ((codeCol < 0 && !useSplit) || nameCol < 0) {
    throw new JuesuanError(ErrorCode.BadCatalogue, `${file ?? '科目表'} 缺少表头`, [
      {
        file,
        line: headerLine,
        message: '第一行应为表头，含“科目编码”（或 code/编码，或 类/款/项 三列）和“科目名称”（或 name/名称）',
      },
    ]);
  }
  const groupCol = find(['group', 'basic_expenditure_group', '经费类别']);
  const fromCol = find(['valid_from', '起始年度']);
  const toCol = find(['valid_to', '终止年度']);
  const levelCol = find(['level', '级次', '层级']);
  const parentCol = find(['parent', '上级编码', '上级科目']);
  const sourceCol = find(['source', '来源']);
  const entries = new Map<string, CatalogueEntry>();
  const firstLineOf = new Map<string, number>();
  // Split layout: the 类 and 款 of the rows above, for rows that leave those columns blank.
  let lastClass = '';
  let lastSection = '';
  rows.slice(1).forEach((cells, i) => {
    const line = headerLine + i + 1;
    if (cells.every((c) => c.trim() === '')) return;
    let code: string;
    if (useSplit) {
      const part = (c: number) => (c >= 0 ? (cells[c] ?? '').normalize('NFKC').replace(/\s+/g, '') : '');
      const [cls, sec, item] = [part(splitCols[0]!), part(splitCols[1]!), part(splitCols[2]!)];
      if (item !== '') {
        const section = sec.length === 5 ? sec : sec !== '' ? (cls || lastClass) + sec : lastSection;
        // A 项 needs a full 款 in front of it; otherwise keep what was written so the error shows it.
        code = item.length === 7 ? item : section.length === 5 ? section + item : `${cls}${sec}${item}`;
      } else if (sec !== '') code = sec.length === 5 ? sec : (cls || lastClass) + sec;
      else code = cls;
      if (/^\d{3}$/.test(code)) [lastClass, lastSection] = [code, ''];
      else if (/^\d{5}$/.test(code)) [lastClass, lastSection] = [code.slice(0, 3), code];
    } else code = (cells[codeCol] ?? '').normalize('NFKC').replace(/\s+/g, '');
    // Names keep their official form (full-width brackets); comparisons go through sameClassName.
    const name = (cells[nameCol] ?? '').trim();
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) {
      problems.push({
        file,
        line,
        path: 'code',
        message: code === '' ? '缺少科目编码' : `科目编码「${code}」应为 3、5 或 7 位数字`,
      });
      return;
    }
    if (kind === 'economic' && code.length === 7) {
      problems.push({ file, line, path: 'code', message: `经济分类只有类和款，「${code}」有 7 位` });
      return;
    }
    if (name === '') {
      problems.push({ file, line, path: 'name', message: `科目「${code}」缺少名称` });
      return;
    }
    if (entries.has(code)) {
      problems.push({
        file,
        line,
        path: 'code',
        message: `科目编码「${code}」重复（第 ${firstLineOf.get(code)} 行已有）`,
      });
      return;
    }
    const entry: CatalogueEntry = { code, name, level: levelOfCode(code), parent: parentOf(code) };
    const lv = levelCol >= 0 ? (cells[levelCol] ?? '').trim() : '';
    if (lv !== '' && lv !== entry.level) {
      problems.push({
        file,
        line,
        path: 'level',
        message: `科目「${code}」是${entry.level}级编码，级次列却写「${lv}」`,
      });
      return;
    }
    const pa = parentCol >= 0 ? (cells[parentCol] ?? '').replace(/\s+/g, '') : '';
    if (pa !== '' && pa !== entry.parent) {
      problems.push({
        file,
        line,
        path: 'parent',
        message: `科目「${code}」的上级应为「${entry.parent || '（无）'}」，上级列却写「${pa}」`,
      });
      return;
    }
    const g = groupCol >= 0 ? cells[groupCol]?.trim() : undefined;
    if (g === '人员经费' || g === '公用经费') entry.group = g;
    const vf = fromCol >= 0 ? Number(cells[fromCol]) : NaN;
    const vt = toCol >= 0 ? Number(cells[toCol]) : NaN;
    if (Number.isInteger(vf) && vf > 0) entry.validFrom = vf;
    if (Number.isInteger(vt) && vt > 0) entry.validTo = vt;
    const src = sourceCol >= 0 ? (cells[sourceCol] ?? '').trim() : '';
    if (src !== '') entry.source = src;
    else if (input.source) entry.source = input.source;
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
