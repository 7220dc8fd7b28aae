/**
 * The data-entry workbook (填报模板) and the export of a data file into it. One workbook holds the nine
 * tables (with 上年决算数, 年初预算数 and the reasons beside each figure), the facts the narrative needs
 * (单位概况, “三公” counts, 机关运行经费, 政府采购, 国有资产, 预算绩效 and the 绩效自评 tables) and
 * instructions. Codes of the year's classification come in drop-downs, amounts are checked (numbers,
 * not negative, at most the set decimals), totals are formulas in locked cells, and every sheet is
 * protected without a password so only input cells take typing. Hidden keys (template-layout.ts) let
 * `importWorkbook` read it back exactly: import(export(x)) = x.
 *
 * A total is written as a formula only where the formula gives the data's figure (or both are
 * unknown); where the data states a total whose parts are not all given (as a text-derived example
 * does), the figure is written as it is, unlocked, and marked.
 */
import type * as ExcelJS from 'exceljs';
import type { CatalogueSet } from '../classification/catalogue.ts';
import { ErrorCode, JuesuanError } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { T1_INCOME_ROWS, TABLE_SPECS, fixedRowLabel, type TableId } from '../model/tables.ts';
import { parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { applyPreviousYear } from '../years/previous-year.ts';
import { fenText } from './amounts.ts';
import { catalogueFor } from './catalogue-names.ts';
import { loadExcel } from './exceljs.ts';
import { evaluateFormula } from './formula.ts';
import { columnName, newSheet, setCell, type Sheet } from './grid.ts';
import { orderRows, type DataFile } from './import.ts';
import { disclosureToData } from '../model/save.ts';
import {
  CODE_ROWS_BEFORE,
  CODES_SHEET,
  EMPTY_STATEMENT_KEY,
  FIELD_SHEETS,
  INSTRUCTIONS_SHEET,
  KEY_ROW_MARK,
  LIST_SHEETS,
  MARKER_SHEET,
  NOTES_SHEET,
  PROJECTS_SHEET,
  TABLE_LAYOUT,
  TABLE_SHEETS,
  TEMPLATE_FORMAT,
  GOALS_SHEET,
  INDICATORS_SHEET,
  tableColumnKeys,
  type FieldDef,
  type FieldKind,
  type ListSheet,
} from './template-layout.ts';

type Obj = Record<string, unknown>;

export interface TemplateOptions {
  year: number;
  /** Region/year profile (xinjiang-2022, central, shanghai-2024 …). */
  profile?: string;
  /** Last year's data (a data file, or a model such as audit rebuilds from last year's publication): its
   * figures fill the 上年 columns, its code rows and unit profile are copied. */
  previous?: DataFile | Disclosure;
  amountUnit?: MoneyUnit;
  catalogues?: CatalogueSet;
  /** Empty code rows offered in each classified table (default 40). */
  spareRows?: number;
  /** How the filled workbook is imported, for the instructions (the CLI names its command). */
  importHow?: string;
}

export interface ExportOptions {
  catalogues?: CatalogueSet;
  /** Empty code rows after the data's own (default 15). */
  spareRows?: number;
  /** How the filled workbook is imported, for the instructions (the CLI names its command). */
  importHow?: string;
}

const FONT = '宋体';
const GREY = 'FFF2F2F2';
const HEADER_FILL = 'FFD9E1F2';
const FORMULA_FILL = 'FFDDEBF7';
const STATED_FILL = 'FFFFF2CC';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function getPath(o: Obj, path: string): unknown {
  let cur: unknown = o;
  for (const k of path.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

type CellKind = FieldKind | 'code' | 'label';

interface Placed {
  /** 1-based */
  r: number;
  c: number;
}

/** One worksheet being written, with a grid copy of its figures for evaluating the formulas. */
class SheetOut {
  readonly grid: Sheet;
  private candidates: { at: Placed; formula: string; fen: Fen | undefined }[] = [];
  private validations: { range: string; v: ExcelJS.DataValidation }[] = [];
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly unit: MoneyUnit,
    readonly decimals: number,
  ) {
    this.grid = newSheet(ws.name);
  }

  private style(cell: ExcelJS.Cell, kind: CellKind, locked: boolean): void {
    cell.font = { name: FONT, size: 10 };
    cell.border = BORDER;
    cell.alignment = {
      vertical: 'middle',
      wrapText: kind === 'longText' || kind === 'label' || kind === 'text',
    };
    if (kind === 'amount') {
      const d = this.decimals > 0 ? '.' + '0'.repeat(this.decimals) : '';
      cell.numFmt = `#,##0${d}`;
      cell.alignment = { vertical: 'middle', horizontal: 'right' };
    } else if (
      kind === 'code' ||
      kind === 'text' ||
      kind === 'decimal' ||
      kind === 'longText' ||
      kind === 'list' ||
      kind === 'enum'
    )
      cell.numFmt = '@';
    cell.protection = { locked };
    if (locked) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GREY } };
  }

  /** An input (or locked) cell with a value of the given kind. */
  put(r: number, c: number, kind: CellKind, value: unknown, locked = false): void {
    const cell = this.ws.getCell(r, c);
    this.style(cell, kind, locked);
    if (value === undefined || value === null || value === '') return;
    if (kind === 'amount') {
      const fen =
        typeof value === 'number' && Number.isInteger(value)
          ? value
          : parseAmount(String(value), this.unit).fen;
      const text = fenText(fen, this.unit, 0);
      cell.value = Number(text);
      setCell(this.grid, r - 1, c - 1, { text, num: Number(text) });
    } else if (kind === 'count' || kind === 'year') {
      cell.value = Number(value);
      setCell(this.grid, r - 1, c - 1, { text: String(value), num: Number(value) });
    } else {
      cell.value = String(value);
      setCell(this.grid, r - 1, c - 1, { text: String(value) });
    }
  }

  header(r: number, c: number, text: string, fill = HEADER_FILL): void {
    const cell = this.ws.getCell(r, c);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    cell.protection = { locked: true };
  }

  /** A total that is a formula where the data agrees with it (see the module comment). */
  formula(r: number, c: number, formula: string, fen: Fen | undefined): void {
    this.candidates.push({ at: { r, c }, formula, fen });
  }

  validate(range: string, v: ExcelJS.DataValidation): void {
    this.validations.push({ range, v });
  }

  finish(): void {
    const ctx = { sheet: this.grid, unit: this.unit, formulaCell: () => undefined };
    for (const cand of this.candidates) {
      const v = evaluateFormula(cand.formula, ctx);
      const agrees = cand.fen === undefined ? !v.known : v.known && v.fen === cand.fen;
      const cell = this.ws.getCell(cand.at.r, cand.at.c);
      if (agrees) {
        cell.value = v.known
          ? { formula: cand.formula, result: Number(fenText(v.fen, this.unit, 0)) }
          : { formula: cand.formula, result: 0 };
        cell.protection = { locked: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FORMULA_FILL } };
      } else {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATED_FILL } };
        cell.note = '此合计按数据填写（其组成部分未全部给出），未使用公式';
      }
    }
    // exceljs has `dataValidations` on worksheets but not in its type declarations.
    const dv = (
      this.ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations;
    for (const { range, v } of this.validations) dv.add(range, v);
  }
}

function amountValidation(topLeft: string, decimals: number, negativeOk: boolean): ExcelJS.DataValidation {
  const cond = [
    `ISNUMBER(${topLeft})`,
    ...(negativeOk ? [] : [`${topLeft}>=0`]),
    `ROUND(${topLeft},${decimals})=${topLeft}`,
  ];
  return {
    type: 'custom',
    allowBlank: true,
    formulae: [`AND(${cond.join(',')})`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '金额不对',
    error: `请输入${negativeOk ? '' : '不小于 0 的'}数字，最多 ${decimals} 位小数；不知道的数留空，没有的数填 0。`,
  };
}

const COUNT_VALIDATION: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorTitle: '数量不对',
  error: '请输入不小于 0 的整数。',
};

function listValidation(options: readonly string[] | string, warn = false): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [typeof options === 'string' ? options : `"${options.join(',')}"`],
    showErrorMessage: true,
    errorStyle: warn ? 'warning' : 'stop',
    errorTitle: warn ? '科目编码不在本年度科目表中' : '取值不对',
    error: warn ? '此编码不在本年度内置科目表中，请核对（确属新科目可继续）。' : '请从下拉列表中选择。',
  };
}

function titleRow(ws: ExcelJS.Worksheet, text: string, width: number): void {
  ws.mergeCells(1, 1, 1, Math.max(2, width));
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { name: FONT, size: 14, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;
}

function introRow(ws: ExcelJS.Worksheet, r: number, text: string, width: number): void {
  ws.mergeCells(r, 1, r, Math.max(2, width));
  const c = ws.getCell(r, 1);
  c.value = text;
  c.font = { name: FONT, size: 10, color: { argb: 'FF404040' } };
  c.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(r).height = 30;
}

async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
  });
}

// ---- fact sheets

function fieldValue(data: Obj, f: FieldDef): unknown {
  const v = getPath(data, f.path);
  if (f.kind === 'list' && Array.isArray(v)) return v.join('、');
  return v;
}

function writeFieldSheet(
  wb: ExcelJS.Workbook,
  sheet: (typeof FIELD_SHEETS)[number],
  data: Obj,
  unit: MoneyUnit,
  decimals: number,
): SheetOut {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 3 }] });
  const out = new SheetOut(ws, unit, decimals);
  ws.columns = [{ width: 4 }, { width: 36 }, { width: 50 }, { width: 40 }];
  titleRow(ws, sheet.title, 4);
  introRow(
    ws,
    2,
    sheet.intro + (sheet.fields.some((f) => f.kind === 'amount') ? `金额单位：${unit}。` : ''),
    4,
  );
  out.put(3, 1, 'text', KEY_ROW_MARK, true);
  out.header(3, 2, '项目');
  out.header(3, 3, '填写内容');
  out.header(3, 4, '说明');
  const rowOf = new Map<string, number>();
  sheet.fields.forEach((f, i) => {
    const r = 4 + i;
    rowOf.set(f.path, r);
    out.put(r, 1, 'text', f.path, true);
    out.put(r, 2, 'label', `${f.required ? '* ' : ''}${f.label}`, true);
    out.put(r, 3, f.kind, fieldValue(data, f), f.kind === 'year');
    out.put(r, 4, 'label', f.note ?? '', true);
    const a = `C${r}`;
    if (f.kind === 'amount') out.validate(a, amountValidation(a, decimals, false));
    else if (f.kind === 'count') out.validate(a, COUNT_VALIDATION);
    else if (f.kind === 'enum' && f.options) out.validate(a, listValidation(f.options, f.path === 'profile'));
    if (f.kind === 'longText') ws.getRow(r).height = 45;
  });
  for (const [total, parts] of Object.entries(sheet.sums ?? {})) {
    const r = rowOf.get(total)!;
    const fen = amountOf(getPath(data, total), unit);
    out.formula(r, 3, parts.map((p) => `C${rowOf.get(p)!}`).join('+'), fen);
  }
  ws.getColumn(1).hidden = true;
  return out;
}

function amountOf(v: unknown, unit: MoneyUnit): Fen | undefined {
  if (v === undefined || v === null) return undefined;
  return parseAmount(String(v), unit).fen;
}

// ---- list sheets (绩效自评, 说明文字)

function listRows(sheet: ListSheet, data: Obj): Obj[] {
  const perf = isObj(data['performance']) ? data['performance'] : {};
  const projects = Array.isArray(perf['projects']) ? (perf['projects'] as Obj[]) : [];
  if (sheet === PROJECTS_SHEET) return projects.map((p, i) => ({ ...p, no: i + 1 }));
  if (sheet === GOALS_SHEET)
    return projects.flatMap((p, i) =>
      (Array.isArray(p['goals']) ? (p['goals'] as Obj[]) : []).map((g) => ({ ...g, project: i + 1 })),
    );
  if (sheet === INDICATORS_SHEET)
    return projects.flatMap((p, i) =>
      (Array.isArray(p['indicators']) ? (p['indicators'] as Obj[]) : []).map((g) => ({
        ...g,
        project: i + 1,
      })),
    );
  const notes = isObj(data['notes']) ? data['notes'] : {};
  return Object.entries(notes).map(([key, text]) => ({ key, text }));
}

function writeListSheet(
  wb: ExcelJS.Workbook,
  sheet: ListSheet,
  data: Obj,
  unit: MoneyUnit,
  decimals: number,
  spare: number,
): SheetOut {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 5, xSplit: 2 }] });
  const out = new SheetOut(ws, unit, decimals);
  const width = sheet.columns.length + 1;
  titleRow(ws, sheet.title, width);
  introRow(
    ws,
    2,
    sheet.intro + (sheet.columns.some((c) => c.kind === 'amount') ? `金额单位：${unit}。` : ''),
    width,
  );
  out.put(3, 1, 'text', KEY_ROW_MARK, true);
  ws.columns = [
    { width: 4 },
    ...sheet.columns.map((c) => ({ width: c.kind === 'longText' ? 50 : c.kind === 'amount' ? 13 : 16 })),
  ];
  sheet.columns.forEach((col, i) => {
    const c = i + 2;
    out.put(3, c, 'text', col.key, true);
    if (col.group) out.header(4, c, col.group);
    out.header(col.group ? 5 : 4, c, col.label);
    if (!col.group) ws.mergeCells(4, c, 5, c);
  });
  // Merge the fund groups' header cells.
  let i = 0;
  while (i < sheet.columns.length) {
    const g = sheet.columns[i]!.group;
    let j = i;
    while (j + 1 < sheet.columns.length && g !== undefined && sheet.columns[j + 1]!.group === g) j++;
    if (g !== undefined && j > i) ws.mergeCells(4, i + 2, 4, j + 2);
    i = j + 1;
  }
  ws.getRow(3).hidden = true;
  const rows = listRows(sheet, data);
  const n = rows.length + spare;
  for (let k = 0; k < n; k++) {
    const r = 6 + k;
    const item = rows[k];
    out.put(r, 1, 'text', '', true);
    sheet.columns.forEach((col, ci) => {
      const c = ci + 2;
      const v = item ? getPath(item, col.key) : undefined;
      out.put(r, c, col.kind, v);
      const a = `${columnName(c - 1)}${r}`;
      if (col.kind === 'amount') out.validate(a, amountValidation(a, decimals, false));
      else if (col.kind === 'count') out.validate(a, COUNT_VALIDATION);
    });
    if (sheet === PROJECTS_SHEET) {
      // 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column.
      for (const fc of ['initialBudget', 'annualBudget', 'executed']) {
        const col = (g: string) => sheet.columns.findIndex((x) => x.key === `funds.${g}.${fc}`) + 2;
        const partsKnown = ['fiscal', 'carryover', 'other'].some(
          (g) => item && getPath(item, `funds.${g}`) !== undefined,
        );
        const fen = item ? amountOf(getPath(item, `funds.total.${fc}`), unit) : undefined;
        if (!item || partsKnown)
          out.formula(
            r,
            col('total'),
            ['fiscal', 'carryover', 'other'].map((g) => `${columnName(col(g) - 1)}${r}`).join('+'),
            fen,
          );
      }
    }
  }
  ws.getColumn(1).hidden = true;
  return out;
}

// ---- table sheets

interface TableRowPlan {
  key?: string;
  row?: Obj;
  /** A spare code row. */
  spare?: boolean;
}

function tablePlan(id: TableId, rows: Obj[], spare: number): TableRowPlan[] {
  const spec = TABLE_SPECS[id];
  const withKey = rows.map((r) => ({
    key: String(r['row'] ?? r['code']),
    code: r['code'] as string | undefined,
    r,
  }));
  const ordered = orderRows(id, withKey);
  const fixed = new Map(ordered.filter((x) => x.code === undefined).map((x) => [x.key, x.r]));
  const codes = ordered.filter((x) => x.code !== undefined);
  const plan: TableRowPlan[] = [];
  const codeBlock = (): TableRowPlan[] => [
    ...codes.map((x) => ({ row: x.r })),
    ...(spec.codes ? Array.from({ length: spare }, () => ({ spare: true })) : []),
  ];
  const before = CODE_ROWS_BEFORE[id];
  if (before === undefined) {
    if (spec.fixedRows.some((f) => f.id === 'total')) plan.push({ key: 'total', row: fixed.get('total') });
    plan.push(...codeBlock());
    for (const f of spec.fixedRows) if (f.id !== 'total') plan.push({ key: f.id, row: fixed.get(f.id) });
  } else {
    for (const f of spec.fixedRows) {
      if (f.id === before) plan.push(...codeBlock());
      plan.push({ key: f.id, row: fixed.get(f.id) });
    }
  }
  return plan;
}

/** What a table's formulas are written with: cell references, the sum of class rows, and where they go. */
interface FormulaSheet {
  ref: (rowKey: string, col: string) => string | undefined;
  classSum: (col: string, patterns: string[]) => string;
  sumOf: (refs: (string | undefined)[]) => string;
  /** On every row: `total` = Σ `parts`. */
  rowTotal: (total: string, parts: string[]) => void;
  colFormula: (row: string, col: string, formula: string) => void;
}

/** The class rows (3-digit codes, with or without their names) that a column total adds up. */
const CLASS_ROWS = ['???', '??? *'];

function t1Formulas({ ref, classSum, sumOf, colFormula }: FormulaSheet): void {
  colFormula('incomeTotal', 'amount', sumOf(T1_INCOME_ROWS.map((k) => ref(k, 'amount'))));
  colFormula(
    'incomeGrandTotal',
    'amount',
    sumOf(['incomeTotal', 'useOfNonFiscalBalance', 'openingCarryover'].map((k) => ref(k, 'amount'))),
  );
  colFormula('expenditureTotal', 'amount', classSum('amount', CLASS_ROWS));
  colFormula(
    'expenditureGrandTotal',
    'amount',
    sumOf(['expenditureTotal', 'surplusDistribution', 'closingCarryover'].map((k) => ref(k, 'amount'))),
  );
}

/** T2, T3, T5: the total column of each row, and each column's total over the class rows. */
function columnsTotalFormulas(id: TableId, { classSum, rowTotal, colFormula }: FormulaSheet): void {
  const cols = TABLE_SPECS[id].columns.map((c) => c.id);
  rowTotal('total', cols.slice(1));
  for (const c of cols.slice(1)) colFormula('total', c, classSum(c, CLASS_ROWS));
}

function t4Formulas({ ref, classSum, sumOf, rowTotal, colFormula }: FormulaSheet): void {
  rowTotal('total', ['generalBudget', 'governmentFund', 'stateCapital']);
  for (const c of ['generalBudget', 'governmentFund', 'stateCapital']) {
    colFormula('incomeGrandTotal', c, sumOf([ref('incomeTotal', c), ref('openingCarryover', c)]));
    colFormula('expenditureTotal', c, classSum(c, CLASS_ROWS));
    colFormula('expenditureGrandTotal', c, sumOf([ref('expenditureTotal', c), ref('closingCarryover', c)]));
  }
}

function t6Formulas({ classSum, colFormula }: FormulaSheet): void {
  const personnel = ['301??', '301?? *', '303??', '303?? *'];
  colFormula('personnelTotal', 'amount', classSum('amount', personnel));
  colFormula(
    'publicTotal',
    'amount',
    `${classSum('amount', ['?????', '????? *'])}-${personnel.map((p) => classSum('amount', [p])).join('-')}`,
  );
}

function t7Formulas({ ref, sumOf, colFormula }: FormulaSheet): void {
  for (const c of ['budget', 'final']) {
    colFormula('total', c, sumOf([ref('abroad', c), ref('vehicle', c), ref('reception', c)]));
    colFormula('vehicle', c, sumOf([ref('vehiclePurchase', c), ref('vehicleOperation', c)]));
  }
}

/** T8, T9: 支出 = 基本 + 项目 on every row, and each column's total over the class rows. */
function carryoverFormulas({ classSum, rowTotal, colFormula }: FormulaSheet): void {
  rowTotal('expenditure', ['basic', 'project']);
  for (const c of ['opening', 'income', 'basic', 'project', 'closing'])
    colFormula('total', c, classSum(c, CLASS_ROWS));
}

/** Formulas of a table sheet: (row key or '*' for every row, column) → formula builder. */
function tableFormulas(
  id: TableId,
  ref: (rowKey: string, col: string) => string | undefined,
  classSum: (col: string, patterns: string[]) => string,
  rowKeys: string[],
): { row: string; col: string; formula: string }[] {
  const out: { row: string; col: string; formula: string }[] = [];
  const sumOf = (refs: (string | undefined)[]) => refs.filter((x): x is string => x !== undefined).join('+');
  const sheet: FormulaSheet = {
    ref,
    classSum,
    sumOf,
    rowTotal: (total, parts) => {
      for (const k of rowKeys) out.push({ row: k, col: total, formula: sumOf(parts.map((p) => ref(k, p))) });
    },
    colFormula: (row, col, formula) => out.push({ row, col, formula }),
  };
  switch (id) {
    case 't1':
      t1Formulas(sheet);
      break;
    case 't2':
    case 't3':
    case 't5':
      columnsTotalFormulas(id, sheet);
      break;
    case 't4':
      t4Formulas(sheet);
      break;
    case 't6':
      t6Formulas(sheet);
      break;
    case 't7':
      t7Formulas(sheet);
      break;
    case 't8':
    case 't9':
      carryoverFormulas(sheet);
      break;
  }
  return out.filter((f) => f.formula !== '');
}

function codeListRange(id: TableId, lists: { fn: number; cls: number; econ: number }): string | undefined {
  const codes = TABLE_SPECS[id].codes;
  if (!codes) return undefined;
  const [col, n] =
    codes === 'economic'
      ? ['C', lists.econ]
      : codes === 'function-class'
        ? ['B', lists.cls]
        : ['A', lists.fn];
  return n > 0 ? `'${CODES_SHEET}'!$${col}$2:$${col}$${n + 1}` : undefined;
}

function writeTableSheet(
  wb: ExcelJS.Workbook,
  id: TableId,
  name: string,
  data: Obj,
  unit: MoneyUnit,
  decimals: number,
  spare: number,
  lists: { fn: number; cls: number; econ: number },
): SheetOut {
  const keys = tableColumnKeys(id);
  const L = TABLE_LAYOUT;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: L.leafRow, xSplit: keys.indexOf('name') + 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const out = new SheetOut(ws, unit, decimals);
  const s: TableSheet = { ws, out, id, keys, col: (key: string) => keys.indexOf(key) + 1 };
  ws.columns = keys.map((k) => ({
    width: k === 'key' ? 4 : k === 'code' ? 12 : k === 'name' ? 34 : k.startsWith('r:') ? 36 : 14,
    outlineLevel: k.startsWith('p:') || k.startsWith('b:') ? 1 : 0,
  }));
  tableSheetHeader(s, data, unit);
  const tables = isObj(data['tables']) ? data['tables'] : {};
  const t = isObj(tables[id]) ? tables[id] : undefined;
  const rows = t && Array.isArray(t['rows']) ? (t['rows'] as Obj[]) : [];
  const plan = tablePlan(id, rows, spare);
  const body = tableSheetBody(s, plan, codeListRange(id, lists));
  const lastBody = L.firstBodyRow + plan.length - 1;
  amountValidations(s, body.rowOf.get('surplusDistribution'), lastBody, decimals);
  tableSheetFormulas(s, plan, body, unit);
  emptyStatementRow(s, lastBody, t);
  ws.getColumn(1).hidden = true;
  return out;
}

/** A table sheet being written: its worksheet, cells, table, column keys and the column of a key (1-based). */
interface TableSheet {
  ws: ExcelJS.Worksheet;
  out: SheetOut;
  id: TableId;
  keys: string[];
  col: (key: string) => number;
}

/** Title, 编制单位 and 金额单位, the hidden key row, and the two header rows. */
function tableSheetHeader(s: TableSheet, data: Obj, unit: MoneyUnit): void {
  const { ws, out, id, keys, col } = s;
  const spec = TABLE_SPECS[id];
  const L = TABLE_LAYOUT;
  titleRow(ws, `${spec.number} ${spec.name}`, keys.length);
  const unitName = isObj(data['unit']) ? String(data['unit']['name'] ?? '') : '';
  ws.mergeCells(L.unitRow, 2, L.unitRow, Math.max(2, keys.length - 2));
  ws.getCell(L.unitRow, 2).value = `编制单位：${unitName}`;
  ws.getCell(L.unitRow, 2).font = { name: FONT, size: 10 };
  ws.mergeCells(L.unitRow, keys.length - 1, L.unitRow, keys.length);
  const u = ws.getCell(L.unitRow, keys.length - 1);
  u.value = `金额单位：${unit}`;
  u.font = { name: FONT, size: 10 };
  u.alignment = { horizontal: 'right' };
  // Hidden key row, then the two header rows.
  keys.forEach((k, i) => out.put(L.keyRow, i + 1, 'text', i === 0 ? KEY_ROW_MARK : k, true));
  ws.getRow(L.keyRow).hidden = true;
  const groups: [string, string][] = [
    ['v:', id === 't7' ? '本年数' : '本年决算数'],
    ['p:', '上年决算数'],
    ['b:', '年初预算数'],
    ['r:', '主要原因'],
  ];
  out.header(L.groupRow, 1, '');
  out.header(L.leafRow, 1, '');
  if (spec.codes) {
    out.header(L.groupRow, col('code'), '科目编码');
    ws.mergeCells(L.groupRow, col('code'), L.leafRow, col('code'));
  }
  out.header(L.groupRow, col('name'), spec.codes ? '科目名称（项目）' : '项目');
  ws.mergeCells(L.groupRow, col('name'), L.leafRow, col('name'));
  for (const [prefix, label] of groups) {
    const cs = keys.map((k, i) => [k, i + 1] as const).filter(([k]) => k.startsWith(prefix));
    if (cs.length === 0) continue;
    out.header(L.groupRow, cs[0]![1], label, prefix === 'v:' ? HEADER_FILL : 'FFE2EFDA');
    if (cs.length > 1) ws.mergeCells(L.groupRow, cs[0]![1], L.groupRow, cs[cs.length - 1]![1]);
    for (const [k, c] of cs) {
      const leaf =
        prefix === 'r:'
          ? k === 'r:prior'
            ? '与上年相比变动的原因'
            : '与年初预算相比差异的原因'
          : spec.columns.find((x) => x.id === k.slice(2))!.label;
      out.header(L.leafRow, c, leaf, prefix === 'v:' ? HEADER_FILL : 'FFE2EFDA');
    }
  }
  ws.getRow(L.groupRow).height = 20;
  ws.getRow(L.leafRow).height = 32;
}

/** The body rows as planned: fixed rows with their labels, code rows with the code list; where each row is. */
function tableSheetBody(
  s: TableSheet,
  plan: ReturnType<typeof tablePlan>,
  listRange: string | undefined,
): { rowOf: Map<string, number>; codeFirst: number; codeLast: number } {
  const { ws, out, id, col } = s;
  const spec = TABLE_SPECS[id];
  const L = TABLE_LAYOUT;
  const cols = spec.columns.map((c) => c.id);
  const rowOf = new Map<string, number>();
  let codeFirst = -1;
  let codeLast = -1;
  plan.forEach((p, i) => {
    const r = L.firstBodyRow + i;
    const row = p.row;
    if (p.key !== undefined) rowOf.set(p.key, r);
    out.put(r, 1, 'text', p.key ?? '', true);
    const isCode = p.key === undefined;
    if (isCode) {
      if (codeFirst < 0) codeFirst = r;
      codeLast = r;
      if (row) rowOf.set(String(row['code']), r);
    }
    if (spec.codes) {
      out.put(r, col('code'), 'code', isCode ? row?.['code'] : '', !isCode);
      if (isCode && listRange)
        out.validate(`${columnName(col('code') - 1)}${r}`, listValidation(listRange, true));
    }
    const label = isCode ? row?.['name'] : (row?.['name'] ?? fixedRowLabel(id, p.key!));
    out.put(r, col('name'), isCode ? 'text' : 'label', label, false);
    if (!isCode) ws.getCell(r, col('name')).font = { name: FONT, size: 10, bold: true };
    for (const c of cols) {
      out.put(r, col(`v:${c}`), 'amount', row?.[c]);
      out.put(r, col(`p:${c}`), 'amount', isObj(row?.['prior']) ? row['prior'][c] : undefined);
      out.put(
        r,
        col(`b:${c}`),
        'amount',
        isObj(row?.['initialBudget']) ? row['initialBudget'][c] : undefined,
      );
    }
    const reasons = isObj(row?.['reasons']) ? row['reasons'] : {};
    out.put(r, col('r:prior'), 'longText', reasons['prior']);
    out.put(r, col('r:budget'), 'longText', reasons['budget']);
  });
  return { rowOf, codeFirst, codeLast };
}

/** Validations per amount column, split around the row that may be negative (结余分配). */
function amountValidations(
  s: TableSheet,
  negRow: number | undefined,
  lastBody: number,
  decimals: number,
): void {
  const { out, id, keys, col } = s;
  const L = TABLE_LAYOUT;
  for (const k of keys.filter((x) => /^[vpb]:/.test(x))) {
    const letter = columnName(col(k) - 1);
    const runs: [number, number, boolean][] =
      id === 't1' && negRow !== undefined
        ? [
            [L.firstBodyRow, negRow - 1, false],
            [negRow, negRow, true],
            [negRow + 1, lastBody, false],
          ]
        : [[L.firstBodyRow, lastBody, false]];
    for (const [a, b, neg] of runs)
      if (b >= a)
        out.validate(
          a === b ? `${letter}${a}` : `${letter}${a}:${letter}${b}`,
          amountValidation(`${letter}${a}`, decimals, neg),
        );
  }
}

/** The formulas of the table's sums, each with its cached result from the data. */
function tableSheetFormulas(
  s: TableSheet,
  plan: ReturnType<typeof tablePlan>,
  body: { rowOf: Map<string, number>; codeFirst: number; codeLast: number },
  unit: MoneyUnit,
): void {
  const { out, id, col } = s;
  const spec = TABLE_SPECS[id];
  const L = TABLE_LAYOUT;
  const { rowOf, codeFirst, codeLast } = body;
  const ref = (rowKey: string, c: string) => {
    const r = rowOf.get(rowKey);
    return r === undefined ? undefined : `${columnName(col(`v:${c}`) - 1)}${r}`;
  };
  const classSum = (c: string, patterns: string[]) => {
    if (codeFirst < 0 || !spec.codes) return '';
    const codeCol = columnName(col('code') - 1);
    const vc = columnName(col(`v:${c}`) - 1);
    return patterns
      .map(
        (p) =>
          `SUMIF($${codeCol}$${codeFirst}:$${codeCol}$${codeLast},"${p}",${vc}$${codeFirst}:${vc}$${codeLast})`,
      )
      .join('+');
  };
  const rowKeysAll = plan.map((p, i) => (p.key !== undefined ? p.key : `#${L.firstBodyRow + i}`));
  for (let i = 0; i < plan.length; i++)
    if (plan[i]!.key === undefined) rowOf.set(rowKeysAll[i]!, L.firstBodyRow + i);
  const rowData = new Map<number, Obj | undefined>(plan.map((p, i) => [L.firstBodyRow + i, p.row]));
  for (const f of tableFormulas(id, ref, classSum, rowKeysAll)) {
    const r = rowOf.get(f.row);
    if (r === undefined || f.formula === '') continue;
    out.formula(r, col(`v:${f.col}`), f.formula, amountOf(rowData.get(r)?.[f.col], unit));
  }
}

/** The 空表说明 row under the body, and the note on code rows for classified tables. */
function emptyStatementRow(s: TableSheet, lastBody: number, t: Obj | undefined): void {
  const { ws, out, id, keys, col } = s;
  const spec = TABLE_SPECS[id];
  const er = lastBody + 2;
  out.put(er, 1, 'text', EMPTY_STATEMENT_KEY, true);
  out.put(er, col('name'), 'label', '空表说明（本表没有数据时填写，如“本单位无…，故本表为空表”）', true);
  ws.mergeCells(er, col('name') + 1, er, keys.length);
  out.put(er, col('name') + 1, 'longText', t?.['emptyStatement']);
  ws.getRow(er).height = 30;
  if (spec.codes) {
    const nr = er + 1;
    ws.mergeCells(nr, 2, nr, keys.length);
    const note = ws.getCell(nr, 2);
    note.value =
      '说明：科目行的编码可从下拉列表选择（列表为本年度科目表），名称可留空由程序按科目表补全；类、款、项按编码前缀归属，款应列在其类之下、项列在其款之下。蓝色格为公式，黄色格为按数据填写的合计。';
    note.font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
    note.alignment = { wrapText: true };
    ws.getRow(nr).height = 30;
  }
}

// ---- instructions, code lists, marker

function writeInstructions(wb: ExcelJS.Workbook, data: Obj, importHow = '导入本文件'): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 110 }];
  const year = String(data['year']);
  const lines = [
    `${year} 年度部门决算公开数据填报模板`,
    '',
    `一、用途：填好后${importHow}，得到可校验、可生成公开文件的数据文件。`,
    '二、各页：“单位概况”“表一”至“表九”（九张公开报表）、“三公经费情况”“机关运行经费”“政府采购”“国有资产”“预算绩效”，以及“绩效项目”“绩效目标”“绩效指标”三页项目支出绩效自评表和“说明文字”。',
    `三、金额：单位见各表“金额单位”（当前为${String(data['amountUnit'] ?? '万元')}），填数字，不写千分位以外的符号；没有的数填 0，不知道的数留空（留空表示未知，不等于 0）。`,
    '四、科目行：编码从下拉列表选择或直接输入（7 位项、5 位款、3 位类），名称可留空；款列在所属类之下，项列在所属款之下。不用填行次。',
    '五、每个数右侧依次是“上年决算数”“年初预算数”和两列“主要原因”（与上年相比、与年初预算相比），公开说明需要时填写；可用左上角的分组按钮折叠这些列。',
    '六、蓝色格为公式（合计自动计算，已锁定）；黄色格为按数据填写的合计；灰色格为标签或说明，不可修改。工作表已保护但没有密码，需要时可在“审阅—撤销工作表保护”中取消。',
    '七、表没有数据时，在表下“空表说明”一行写明原因（如“本单位无政府性基金预算财政拨款收入、支出及结转和结余，故本表为空表”）。',
    '八、请勿改动隐藏的第一列、第三行和工作表名称：程序据此读取各数。',
  ];
  lines.forEach((l, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = l;
    c.font = { name: FONT, size: i === 0 ? 16 : 11, bold: i === 0 };
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i > 1) ws.getRow(i + 1).height = 34;
  });
}

function writeCodeLists(wb: ExcelJS.Workbook, year: number, catalogues?: CatalogueSet): void {
  const ws = wb.addWorksheet(CODES_SHEET, { state: 'hidden' });
  const fn = [...(catalogueFor('function', year, catalogues)?.entries.values() ?? [])];
  const econ = [...(catalogueFor('economic', year, catalogues)?.entries.values() ?? [])];
  ws.getCell(1, 1).value = `${year} 年支出功能分类（编码 名称）`;
  ws.getCell(1, 2).value = '功能分类的类';
  ws.getCell(1, 3).value = `${year} 年部门预算支出经济分类`;
  fn.forEach((e, i) => (ws.getCell(i + 2, 1).value = `${e.code} ${e.name}`));
  const classes = fn.filter((e) => e.level === '类');
  classes.forEach((e, i) => (ws.getCell(i + 2, 2).value = `${e.code} ${e.name}`));
  econ.forEach((e, i) => (ws.getCell(i + 2, 3).value = `${e.code} ${e.name}`));
  ws.columns = [{ width: 40 }, { width: 30 }, { width: 40 }];
}

// ---- the workbook

async function writeWorkbook(
  data: Obj,
  opts: { catalogues?: CatalogueSet; spareRows: number; importHow?: string },
): Promise<Uint8Array> {
  const year = Number(data['year']);
  if (!Number.isInteger(year)) throw new JuesuanError(ErrorCode.BadInput, '数据缺少决算年度（year）');
  const unit = (data['amountUnit'] as MoneyUnit | undefined) ?? '万元';
  const decimals = typeof data['decimals'] === 'number' ? data['decimals'] : 2;
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = 'Juesuan';
  wb.title = `${year} 年度部门决算公开数据填报`;
  wb.calcProperties = { fullCalcOnLoad: true };
  writeInstructions(wb, data, opts.importHow);
  const sheets: SheetOut[] = [];
  const [first, ...facts] = FIELD_SHEETS;
  sheets.push(writeFieldSheet(wb, first!, data, unit, decimals));
  const tableOuts: [TableId, string][] = TABLE_SHEETS.map((s) => [s.id, s.name]);
  // The code lists are written after the data sheets, but their sizes are needed for the drop-downs.
  const fnEntries = [...(catalogueFor('function', year, opts.catalogues)?.entries.values() ?? [])];
  const lists = {
    fn: fnEntries.length,
    cls: fnEntries.filter((e) => e.level === '类').length,
    econ: catalogueFor('economic', year, opts.catalogues)?.entries.size ?? 0,
  };
  for (const [id, name] of tableOuts)
    sheets.push(writeTableSheet(wb, id, name, data, unit, decimals, opts.spareRows, lists));
  for (const f of facts) sheets.push(writeFieldSheet(wb, f, data, unit, decimals));
  for (const l of LIST_SHEETS)
    sheets.push(
      writeListSheet(wb, l, data, unit, decimals, l === NOTES_SHEET ? 5 : l === PROJECTS_SHEET ? 3 : 10),
    );
  writeCodeLists(wb, year, opts.catalogues);
  const marker = wb.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  marker.getCell(1, 1).value = TEMPLATE_FORMAT;
  marker.getCell(2, 1).value = FORMAT_ID;
  for (const s of sheets) {
    s.finish();
    await protect(s.ws);
  }
  // Fast deflate: the workbook is small, and the level barely changes its size.
  const buf = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as unknown as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}

function isModel(x: unknown): x is Disclosure {
  return (
    isObj(x) &&
    isObj(x['tables']) &&
    isObj((x['tables'] as Obj)['t1']) &&
    (x['tables'] as Obj)['t1'] !== undefined &&
    'byKey' in ((x['tables'] as Obj)['t1'] as Obj)
  );
}

/** The data file (or model) written into the data-entry workbook. */
export async function exportWorkbook(
  input: DataFile | Disclosure,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const data = isModel(input) ? disclosureToData(input) : (input as DataFile);
  return writeWorkbook(data, {
    catalogues: options.catalogues,
    spareRows: options.spareRows ?? 15,
    ...(options.importHow !== undefined ? { importHow: options.importHow } : {}),
  });
}

/** An empty data-entry workbook for a year, pre-filled from last year's data when given. */
export async function templateWorkbook(options: TemplateOptions): Promise<Uint8Array> {
  const skeleton: Obj = {
    format: FORMAT_ID,
    year: options.year,
    amountUnit: options.amountUnit ?? (options.previous?.amountUnit as MoneyUnit | undefined) ?? '万元',
    decimals: 2,
  };
  const profile = options.profile ?? (options.previous?.profile as string | undefined);
  if (profile !== undefined) skeleton['profile'] = profile;
  let data: Obj = skeleton;
  if (options.previous) {
    const previous = isModel(options.previous) ? disclosureToData(options.previous) : options.previous;
    const prevUnit = isObj(previous['unit']) ? previous['unit'] : {};
    const unit: Obj = {};
    for (const k of [
      'name',
      'code',
      'region',
      'kind',
      'level',
      'supervisor',
      'functions',
      'organisation',
      'internalDivisions',
      'consolidatedUnits',
    ])
      if (prevUnit[k] !== undefined) unit[k] = structuredClone(prevUnit[k]);
    skeleton['unit'] = unit;
    skeleton['tables'] = {};
    data = applyPreviousYear(skeleton, previous, { addRows: true, carryOpening: true }).data;
  }
  return writeWorkbook(data, {
    catalogues: options.catalogues,
    spareRows: options.spareRows ?? 40,
    ...(options.importHow !== undefined ? { importHow: options.importHow } : {}),
  });
}
