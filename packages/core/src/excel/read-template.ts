/**
 * Reads the data-entry workbook (template.ts) back into a data file, by the hidden keys of its rows
 * and columns: every figure, text and count lands where the workbook's key says, formulas are
 * computed here (formula.ts) rather than trusted from a cache, and a blank cell is unknown, not 0.
 */
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_SPECS, fixedRowLabel, type TableId } from '../model/tables.ts';
import type { Fen, MoneyUnit } from '../money/amount.ts';
import { fenText, readCellAmount } from './amounts.ts';
import { nameIndex, nameOfCode } from './catalogue-names.ts';
import { evaluateFormula, FormulaError, type FormulaValue } from './formula.ts';
import { numberText } from './grid-xlsx.ts';
import { address, ownCell, type GridCell, type Sheet, type Workbook } from './grid.ts';
import type { ImportOptions, ImportReport, ImportedTable } from './import.ts';
import type { CellSource } from './read-table.ts';
import { splitCodeText } from './read-table.ts';
import {
  EMPTY_STATEMENT_KEY,
  FIELD_SHEETS,
  GOALS_SHEET,
  INDICATORS_SHEET,
  KEY_ROW_MARK,
  MARKER_SHEET,
  NOTES_SHEET,
  PROJECTS_SHEET,
  TABLE_SHEETS,
  TEMPLATE_FORMAT,
  type FieldKind,
  type ListSheet,
} from './template-layout.ts';

type Obj = Record<string, unknown>;

export function isTemplateWorkbook(wb: Workbook): boolean {
  const m = wb.sheets.find((s) => s.name === MARKER_SHEET);
  return m?.rows[0]?.[0]?.text === TEMPLATE_FORMAT;
}

function setPath(o: Obj, path: string, v: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === undefined || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Obj;
  }
  cur[keys[keys.length - 1]!] = v;
}

class Reader {
  readonly problems: InputProblem[] = [];
  readonly sources: Record<string, CellSource> = {};
  unit: MoneyUnit = '万元';
  private memo = new Map<string, FormulaValue>();
  private active = new Set<string>();
  constructor(readonly wb: Workbook) {}

  sheet(name: string): Sheet | undefined {
    const s = this.wb.sheets.find((x) => x.name === name);
    if (!s)
      this.problems.push({
        file: this.wb.file,
        message: `填报模板缺少工作表「${name}」（工作表被删除或改名）；请重新生成模板后填写`,
        need: 'template',
      });
    return s;
  }

  problem(sheet: Sheet, r: number, c: number, message: string): void {
    this.problems.push({
      file: this.wb.file,
      message: `工作表「${sheet.name}」${address(r, c)}：${message}`,
    });
  }

  src(sheet: Sheet, r: number, c: number): CellSource {
    const cell = ownCell(sheet, r, c);
    const s: CellSource = { file: this.wb.file, sheet: sheet.name, cell: address(r, c) };
    if (cell?.text) s.text = cell.text;
    return s;
  }

  /** The key row: row index and column index → key. */
  keys(sheet: Sheet): { row: number; byCol: Map<number, string> } | undefined {
    for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
      if (ownCell(sheet, r, 0)?.text === KEY_ROW_MARK) {
        const byCol = new Map<number, string>();
        (sheet.rows[r] ?? []).forEach((cell, c) => {
          if (c > 0 && cell?.text) byCol.set(c, cell.text);
        });
        return { row: r, byCol };
      }
    }
    this.problems.push({
      file: this.wb.file,
      message: `工作表「${sheet.name}」的隐藏键行（第 3 行）被改动，无法读取`,
    });
    return undefined;
  }

  /** A cell's amount: a formula computed here, else the number; undefined when blank. */
  amount(sheet: Sheet, r: number, c: number): Fen | undefined {
    const v = this.cellValue(sheet, r, c);
    return v?.known ? v.fen : undefined;
  }

  private cellValue(sheet: Sheet, r: number, c: number): FormulaValue | undefined {
    const cell = ownCell(sheet, r, c);
    if (cell?.formula) return this.formulaValue(sheet, r, c, cell);
    const a = readCellAmount(cell, this.unit);
    if (a.kind === 'amount') return { fen: a.fen, known: true };
    if (a.kind === 'text') {
      this.problem(
        sheet,
        r,
        c,
        `「${a.text.slice(0, 30)}」不是金额：请填数字（单位${this.unit}），没有的数填 0，不知道的留空`,
      );
      return undefined;
    }
    return { fen: 0, known: false };
  }

  private formulaValue(sheet: Sheet, r: number, c: number, cell: GridCell): FormulaValue | undefined {
    const key = `${sheet.name}!${r}:${c}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    if (this.active.has(key)) {
      this.problem(sheet, r, c, '公式循环引用');
      return undefined;
    }
    this.active.add(key);
    try {
      const v = evaluateFormula(cell.formula!, {
        sheet,
        unit: this.unit,
        formulaCell: (rr, cc) => {
          const x = ownCell(sheet, rr, cc);
          return x?.formula ? (this.formulaValue(sheet, rr, cc, x) ?? { fen: 0, known: false }) : undefined;
        },
      });
      this.memo.set(key, v);
      return v;
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      // A formula a person wrote: its cached result, when there is one.
      if (cell.hasResult && cell.num !== undefined) {
        const a = readCellAmount({ text: numberText(cell.num) }, this.unit);
        if (a.kind === 'amount') return { fen: a.fen, known: true };
      }
      this.problem(
        sheet,
        r,
        c,
        `公式「=${cell.formula}」无法计算（${e.message}），请改为数字或在 Excel 中重新计算后保存`,
      );
      return undefined;
    } finally {
      this.active.delete(key);
    }
  }

  text(sheet: Sheet, r: number, c: number): string | undefined {
    const cell = ownCell(sheet, r, c);
    if (!cell) return undefined;
    const t = cell.num !== undefined && cell.formula === undefined ? numberText(cell.num) : cell.text;
    return t === '' ? undefined : t;
  }

  /** A field of the given kind; undefined when blank. */
  field(sheet: Sheet, r: number, c: number, kind: FieldKind): unknown {
    if (kind === 'amount') {
      const fen = this.amount(sheet, r, c);
      return fen === undefined ? undefined : fenText(fen, this.unit);
    }
    const t = this.text(sheet, r, c);
    if (t === undefined || t.trim() === '') return undefined;
    if (kind === 'count' || kind === 'year') {
      const n = Number(t.trim());
      if (!Number.isInteger(n) || n < 0) {
        this.problem(sheet, r, c, `「${t}」不是非负整数`);
        return undefined;
      }
      return n;
    }
    if (kind === 'list')
      return t
        .split(/[、\n]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    return t;
  }
}

function readFieldSheets(rd: Reader, data: Obj): void {
  for (const fs of FIELD_SHEETS) {
    const sheet = rd.sheet(fs.name);
    if (!sheet) continue;
    const k = rd.keys(sheet);
    if (!k) continue;
    const byPath = new Map(fs.fields.map((f) => [f.path, f]));
    for (let r = k.row + 1; r < sheet.rows.length; r++) {
      const path = ownCell(sheet, r, 0)?.text;
      if (!path) continue;
      const f = byPath.get(path);
      if (!f) continue;
      // The cell of every field, filled or not: a missing required field is reported at its cell.
      rd.sources[f.path] = rd.src(sheet, r, 2);
      if (f.path === 'amountUnit') continue;
      const v = rd.field(sheet, r, 2, f.kind);
      if (v === undefined) continue;
      setPath(data, f.path, v);
    }
  }
}

/** The columns of a table sheet by key (`name`, `code`, `v:total`, `p:total`, `r:prior` …). */
type ColumnsByKey = Map<string, number>;

function readTableSheet(
  rd: Reader,
  id: TableId,
  name: string,
  idx: ReturnType<typeof nameIndex> | undefined,
): { table?: Obj; rows: number; cells: number } {
  const sheet = rd.sheet(name);
  if (!sheet) return { rows: 0, cells: 0 };
  const k = rd.keys(sheet);
  if (!k) return { rows: 0, cells: 0 };
  const colOf: ColumnsByKey = new Map([...k.byCol].map(([c, key]) => [key, c]));
  const rows: Obj[] = [];
  let emptyStatement: string | undefined;
  let cells = 0;
  for (let r = k.row + 3; r < sheet.rows.length; r++) {
    const rk = ownCell(sheet, r, 0)?.text ?? '';
    if (rk === EMPTY_STATEMENT_KEY) {
      const t = rd.text(sheet, r, (colOf.get('name') ?? 1) + 1);
      if (t !== undefined && t.trim() !== '') emptyStatement = t;
      break;
    }
    const o = rowIdentity(rd, id, sheet, r, rk, colOf, idx);
    if (!o) continue;
    const path = `tables.${id}.rows[${rows.length}]`;
    const n = rowFigures(rd, id, sheet, r, o, path, colOf);
    if (o['row'] !== undefined && n === 0 && o['reasons'] === undefined && o['name'] === undefined) continue;
    const nameCol = colOf.get('name');
    rd.sources[path] = rd.src(sheet, r, o['code'] !== undefined ? (colOf.get('code') ?? 1) : (nameCol ?? 1));
    cells += n;
    rows.push(o);
  }
  if (rows.length === 0 && emptyStatement === undefined) return { rows: 0, cells: 0 };
  const table: Obj = {};
  if (emptyStatement !== undefined) table['emptyStatement'] = emptyStatement;
  table['rows'] = rows;
  return { table, rows: rows.length, cells };
}

/**
 * Which row a template row is: a fixed row by the hidden key in column A, or a code row by its code (its name
 * as written, or the catalogue's). Undefined, after reporting a problem when something was filled in, if neither.
 */
function rowIdentity(
  rd: Reader,
  id: TableId,
  sheet: Sheet,
  r: number,
  rk: string,
  colOf: ColumnsByKey,
  idx: ReturnType<typeof nameIndex> | undefined,
): Obj | undefined {
  const spec = TABLE_SPECS[id];
  const o: Obj = {};
  const nameCol = colOf.get('name');
  const nameText = nameCol !== undefined ? rd.text(sheet, r, nameCol) : undefined;
  if (rk !== '') {
    if (!spec.fixedRows.some((f) => f.id === rk)) {
      rd.problem(sheet, r, 0, `隐藏列中的行标识「${rk}」不是${spec.number}的行（模板被改动）`);
      return undefined;
    }
    o['row'] = rk;
    if (nameText !== undefined && nameText.trim() !== '' && nameText !== fixedRowLabel(id, rk))
      o['name'] = nameText;
    return o;
  }
  const codeCol = colOf.get('code');
  const codeText = codeCol !== undefined ? rd.text(sheet, r, codeCol) : undefined;
  const split = codeText ? splitCodeText(codeText) : { rest: '' };
  const anyValue = [...colOf].some(([key, c]) => /^[vpbr]:/.test(key) && ownCell(sheet, r, c)?.text);
  if (split.code === undefined) {
    if (codeText || anyValue || nameText)
      rd.problem(
        sheet,
        r,
        codeCol ?? 1,
        codeText
          ? `「${codeText}」不是科目编码（应为 3、5 或 7 位数字）`
          : '这一行填了名称或金额，但没有科目编码',
      );
    return undefined;
  }
  o['code'] = split.code;
  const nm = nameText?.trim() || split.rest || (idx ? nameOfCode(idx, split.code) : undefined);
  if (nm) o['name'] = nameText ?? nm;
  return o;
}

/** A row's figures (本年, 上年, 预算) and reasons into `o`, with their cells; how many figures it has. */
function rowFigures(
  rd: Reader,
  id: TableId,
  sheet: Sheet,
  r: number,
  o: Obj,
  path: string,
  colOf: ColumnsByKey,
): number {
  const cols = TABLE_SPECS[id].columns.map((c) => c.id);
  let n = 0;
  for (const c of cols) {
    const vc = colOf.get(`v:${c}`);
    const v = vc !== undefined ? rd.amount(sheet, r, vc) : undefined;
    if (v !== undefined) {
      o[c] = fenText(v, rd.unit);
      rd.sources[`${path}.${c}`] = rd.src(sheet, r, vc!);
      n++;
    }
  }
  for (const [prefix, fileKey] of [
    ['p:', 'prior'],
    ['b:', 'initialBudget'],
  ] as const) {
    const sub: Obj = {};
    for (const c of cols) {
      const cc = colOf.get(`${prefix}${c}`);
      const v = cc !== undefined ? rd.amount(sheet, r, cc) : undefined;
      if (v !== undefined) {
        sub[c] = fenText(v, rd.unit);
        rd.sources[`${path}.${fileKey}.${c}`] = rd.src(sheet, r, cc!);
        n++;
      }
    }
    if (Object.keys(sub).length > 0) o[fileKey] = sub;
  }
  const reasons: Obj = {};
  for (const [key, field] of [
    ['r:prior', 'prior'],
    ['r:budget', 'budget'],
  ] as const) {
    const c = colOf.get(key);
    const t = c !== undefined ? rd.text(sheet, r, c) : undefined;
    if (t !== undefined && t.trim() !== '') reasons[field] = t;
  }
  if (Object.keys(reasons).length > 0) o['reasons'] = reasons;
  return n;
}

function listItems(
  rd: Reader,
  ls: ListSheet,
): { item: Obj; sheet: Sheet; r: number; cols: Map<string, number> }[] {
  const sheet = rd.sheet(ls.name);
  if (!sheet) return [];
  const k = rd.keys(sheet);
  if (!k) return [];
  const cols = new Map([...k.byCol].map(([c, key]) => [key, c]));
  const out: { item: Obj; sheet: Sheet; r: number; cols: Map<string, number> }[] = [];
  for (let r = k.row + 3; r < sheet.rows.length; r++) {
    const item: Obj = {};
    let any = false;
    for (const col of ls.columns) {
      const c = cols.get(col.key);
      if (c === undefined) continue;
      const v = rd.field(sheet, r, c, col.kind);
      if (v === undefined) continue;
      any = true;
      setPath(item, col.key, v);
    }
    if (any) out.push({ item, sheet, r, cols });
  }
  return out;
}

function readPerformance(rd: Reader, data: Obj): void {
  const projects = listItems(rd, PROJECTS_SHEET);
  const byNo = new Map<number, Obj>();
  const list: Obj[] = [];
  for (const { item, sheet, r, cols } of projects) {
    const no = item['no'];
    delete item['no'];
    if (typeof item['name'] !== 'string') {
      rd.problem(sheet, r, cols.get('name') ?? 1, '绩效项目缺少项目名称');
      continue;
    }
    const funds = (item['funds'] as Obj | undefined) ?? {};
    funds['total'] ??= {};
    item['funds'] = funds;
    const path = `performance.projects[${list.length}]`;
    rd.sources[path] = rd.src(sheet, r, cols.get('name') ?? 1);
    for (const col of PROJECTS_SHEET.columns)
      if (col.kind === 'amount' && cols.get(col.key) !== undefined)
        rd.sources[`${path}.${col.key}`] = rd.src(sheet, r, cols.get(col.key)!);
    // Key order of the data format: name, department, implementer, funds, scores, goals, indicators.
    const ordered: Obj = { name: item['name'] };
    for (const k of ['department', 'implementer', 'funds', 'executionWeight', 'executionScore'])
      if (item[k] !== undefined) ordered[k] = item[k];
    ordered['indicators'] = [];
    for (const k of ['totalScore', 'grade']) if (item[k] !== undefined) ordered[k] = item[k];
    if (typeof no === 'number') {
      if (byNo.has(no)) rd.problem(sheet, r, cols.get('no') ?? 1, `项目序号 ${no} 重复`);
      byNo.set(no, ordered);
    }
    list.push(ordered);
  }
  const attach = (ls: ListSheet, field: 'goals' | 'indicators', required: readonly string[]) => {
    for (const { item, sheet, r, cols } of listItems(rd, ls)) {
      const no = item['project'];
      delete item['project'];
      const p = typeof no === 'number' ? byNo.get(no) : undefined;
      if (!p) {
        rd.problem(sheet, r, cols.get('project') ?? 1, `项目序号「${String(no ?? '')}」在“绩效项目”页中没有`);
        continue;
      }
      for (const k of required) if (item[k] === undefined) item[k] = '';
      const arr = (p[field] as Obj[] | undefined) ?? [];
      arr.push(item);
      p[field] = arr;
    }
  };
  attach(GOALS_SHEET, 'goals', ['expected', 'actual']);
  attach(INDICATORS_SHEET, 'indicators', ['level1', 'level2', 'name', 'target', 'actual', 'weight']);
  // goals go before indicators in the data format.
  for (const p of list) {
    if (p['goals'] !== undefined) {
      const ind = p['indicators'];
      const tail: Obj = {};
      for (const k of ['totalScore', 'grade'])
        if (p[k] !== undefined) {
          tail[k] = p[k];
          delete p[k];
        }
      delete p['indicators'];
      const goals = p['goals'];
      delete p['goals'];
      Object.assign(p, { goals, indicators: ind }, tail);
    }
  }
  if (list.length > 0) {
    const perf = (data['performance'] as Obj | undefined) ?? {};
    perf['projects'] = list;
    data['performance'] = perf;
  }
  const notes = listItems(rd, NOTES_SHEET);
  if (notes.length > 0) {
    const o: Obj = {};
    for (const { item } of notes) if (typeof item['key'] === 'string') o[item['key']] = item['text'] ?? '';
    data['notes'] = o;
  }
}

/** Reads a data-entry workbook into a data file. */
export function readTemplateWorkbook(
  wb: Workbook,
  options: ImportOptions = {},
): { data: Obj; sources: Record<string, CellSource>; report: Omit<ImportReport, 'files' | 'adjustments'> } {
  const rd = new Reader(wb);
  // The unit first: every amount is read in it.
  const profileSheet = wb.sheets.find((s) => s.name === FIELD_SHEETS[0]!.name);
  if (profileSheet) {
    for (let r = 0; r < profileSheet.rows.length; r++)
      if (ownCell(profileSheet, r, 0)?.text === 'amountUnit') {
        const u = rd.text(profileSheet, r, 2);
        if (u === '元' || u === '万元' || u === '亿元') rd.unit = u;
        else if (u !== undefined) rd.problem(profileSheet, r, 2, `金额单位应为“万元”或“元”，实际为「${u}」`);
      }
  }
  const fields: Obj = {};
  readFieldSheets(rd, fields);
  const data: Obj = {
    format: FORMAT_ID,
    year: fields['year'] ?? options.year,
    amountUnit: rd.unit,
    decimals: fields['decimals'] ?? 2,
  };
  if (fields['profile'] !== undefined || options.profile !== undefined)
    data['profile'] = fields['profile'] ?? options.profile;
  const unit = (fields['unit'] as Obj | undefined) ?? {};
  for (const [k, v] of Object.entries(options.unit ?? {}))
    if (unit[k] === undefined && v !== undefined) unit[k] = v;
  data['unit'] = unit;
  const year = typeof data['year'] === 'number' ? data['year'] : 2022;
  const tables: Obj = {};
  const read: ImportedTable[] = [];
  for (const { id, name } of TABLE_SHEETS) {
    const codes = TABLE_SPECS[id].codes;
    const idx = codes
      ? nameIndex(codes === 'economic' ? 'economic' : 'function', year, options.catalogues)
      : undefined;
    const t = readTableSheet(rd, id, name, idx);
    if (!t.table) continue;
    tables[id] = t.table;
    read.push({
      table: id,
      name: `${TABLE_SPECS[id].number} ${TABLE_SPECS[id].name}`,
      title: name,
      file: wb.file,
      sheet: name,
      cell: 'A1',
      unit: rd.unit,
      rows: t.rows,
      cells: t.cells,
    });
  }
  data['tables'] = tables;
  for (const k of ['threePublic', 'adminCost', 'procurement', 'assets', 'performance'])
    if (fields[k] !== undefined) data[k] = fields[k];
  readPerformance(rd, data);
  if (rd.problems.length > 0)
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${wb.file} 有 ${rd.problems.length} 处无法读取`,
      rd.problems.slice(0, 50),
    );
  return {
    data,
    sources: rd.sources,
    report: {
      layout: 'template',
      tables: read,
      notFound: TABLE_SHEETS.map((s) => s.id).filter((id) => tables[id] === undefined),
      skipped: [],
      warnings: [],
    },
  };
}
