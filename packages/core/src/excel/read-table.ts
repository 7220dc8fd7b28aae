/**
 * Reads the nine tables from workbooks laid out by people and by the final-accounts software: each
 * table is found by its title on any sheet (or by the sheet's name), its header rows are read through
 * merged cells into a path per column ("本年支出 › 基本支出"), columns are named by those paths and rows
 * by code or label — never by position or 行次. What cannot be placed is reported with its sheet and
 * cell; what contradicts itself (text in an amount cell, a code listed twice, a 项 under another 款)
 * is an error naming the cell. DOMAIN.md §4 lists the tables, vocabulary.ts the words.
 */
import { UNKNOWN_CELL_TEXT } from '../report/document.ts';
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { InputProblem } from '../errors.ts';
import type { Fen, MoneyUnit } from '../money/amount.ts';
import { TABLE_SPECS, type TableId } from '../model/tables.ts';
import { readCellAmount, type CellAmount } from './amounts.ts';
import { evaluateFormula, FormulaError } from './formula.ts';
import { codeByName, nameIndex, nameOfCode, type NameIndex } from './catalogue-names.ts';
import {
  address,
  cellAt,
  columnCount,
  columnName,
  ownCell,
  type GridCell,
  type Sheet,
  type Workbook,
} from './grid.ts';
import {
  BUDGET_WORDS,
  CODE_HEADERS,
  CODE_PART_HEADERS,
  COLUMN_LABELS,
  EMPTY_TABLE_TEXT,
  FIXED_ROW_LABELS,
  GRAND_TOTAL_LABEL,
  HEADER_WORDS,
  matchTableTitle,
  NAME_HEADERS,
  normLabel,
  NOTE_TEXT,
  NUMBERING_LABELS,
  PRIOR_WORDS,
  ROW_NUMBER_HEADERS,
  rowLabelCore,
  SIDE_WORDS,
  T4_KIND_LABELS,
  TABLE_TITLES,
  UNIT_LINE,
  UNIT_NAME_LINE,
  UNUSED_COLUMN_WORDS,
  YEAR_TEXT,
} from './vocabulary.ts';

/** Where a figure was read: file, sheet and cell (A1). */
export interface CellSource {
  file: string;
  sheet: string;
  cell: string;
  /** The cell's text as shown, for messages. */
  text?: string;
}

export interface ReadValue {
  fen: Fen;
  source: CellSource;
  /** The cell was blank (or "-"): 0 as publications print it, but nothing was written there. */
  blank?: boolean;
}

export interface ReadRow {
  key: string;
  code?: string;
  name?: string;
  fixed: boolean;
  /** By `column`, `prior.column` or `budget.column`. */
  values: Map<string, ReadValue>;
  source: CellSource;
}

export interface ReadTable {
  id: TableId;
  title: string;
  source: CellSource;
  unit: MoneyUnit;
  rows: ReadRow[];
  emptyStatement?: string;
  cells: number;
}

export interface SkippedItem {
  sheet: string;
  cell?: string;
  text?: string;
  reason: string;
}

export interface ReadContext {
  file: string;
  year?: number;
  catalogues?: CatalogueSet;
  /** Unit when a table has no "单位：" line. */
  defaultUnit: MoneyUnit;
  /** Read hidden rows and columns too (default: skip and report them). */
  includeHidden: boolean;
  problems: InputProblem[];
  skipped: SkippedItem[];
  warnings: string[];
  /** Names found in "编制单位：" lines and before titles. */
  unitNames: string[];
  years: number[];
}

const CODE_RE = /^\[?(\d{3}(?:\d{2}){0,2})\]?(?=$|[^\d])/;
const SPLIT_PART_RE = /^\d{2,7}$/;

interface Title {
  table: TableId;
  sheet: Sheet;
  row: number;
  col: number;
  text: string;
  strong: boolean;
  continuation: boolean;
  fromSheetName: boolean;
  prefix: string;
}

interface Block extends Title {
  includeHidden?: boolean;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function where(sheet: Sheet, r: number, c: number): string {
  return `工作表「${sheet.name}」${address(r, c)}`;
}

function problem(ctx: ReadContext, sheet: Sheet, r: number, c: number, message: string): void {
  ctx.problems.push({ file: ctx.file, message: `${where(sheet, r, c)}：${message}` });
}

function src(ctx: ReadContext, sheet: Sheet, r: number, c: number, cell?: GridCell): CellSource {
  const s: CellSource = { file: ctx.file, sheet: sheet.name, cell: address(r, c) };
  if (cell && cell.text !== '') s.text = cell.text;
  return s;
}

// ---- finding the tables

function titlesOf(sheet: Sheet): Title[] {
  const out: Title[] = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || cell.num !== undefined || ownCell(sheet, r, c) === undefined) return;
      const m = matchTableTitle(cell.text);
      if (!m) return;
      out.push({
        table: m.table,
        sheet,
        row: r,
        col: c,
        text: cell.text.trim(),
        strong: m.strong,
        continuation: /续/.test(cell.text),
        fromSheetName: false,
        prefix: m.prefix,
      });
    });
  });
  if (out.length === 0) {
    const m = matchTableTitle(sheet.name);
    if (m)
      out.push({
        table: m.table,
        sheet,
        row: -1,
        col: 0,
        text: sheet.name,
        strong: m.strong,
        continuation: false,
        fromSheetName: true,
        prefix: m.prefix,
      });
  }
  return out;
}

/** Each title's block: down to the next title below it, across to the next title beside it. */
function blocksOf(sheet: Sheet, titles: Title[]): Block[] {
  const width = columnCount(sheet);
  const height = sheet.rows.length;
  const sorted = [...titles].sort((a, b) => a.row - b.row || a.col - b.col);
  const lefts = sorted.map((t) => {
    const m = sheet.mergeMaster.get(`${t.row}:${t.col}`);
    return m ? m.left : t.col;
  });
  // Titles on the same row (±1) stand side by side and split the columns between them.
  const sameBand = (i: number, j: number) => Math.abs(sorted[i]!.row - sorted[j]!.row) <= 1;
  const rights = sorted.map((_, i) => {
    const beside = sorted
      .map((_, j) => j)
      .filter((j) => j !== i && sameBand(i, j) && lefts[j]! > lefts[i]!)
      .map((j) => lefts[j]!);
    const hasBand = sorted.some((_, j) => j !== i && sameBand(i, j));
    return beside.length > 0 ? Math.min(...beside) : hasBand || width > 0 ? width : width;
  });
  return sorted.map((t, i) => {
    const left = sorted.some((_, j) => j !== i && sameBand(i, j)) ? lefts[i]! : 0;
    const below = sorted
      .map((_, j) => j)
      .filter((j) => sorted[j]!.row > t.row + 1 && lefts[j]! < rights[i]! && rights[j]! > left)
      .map((j) => sorted[j]!.row);
    return {
      ...t,
      top: t.row + 1,
      bottom: below.length > 0 ? Math.min(...below) : height,
      left,
      right: rights[i]!,
    };
  });
}

/** All table blocks of a workbook, one chosen per table (continuations kept), in table order. */
export function findTables(wb: Workbook, ctx: ReadContext): Block[] {
  const all: Block[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.hidden) {
      if (sheet.rows.some((r) => r && r.length > 0))
        ctx.skipped.push({ sheet: sheet.name, reason: '隐藏的工作表，未读取' });
      continue;
    }
    all.push(...blocksOf(sheet, titlesOf(sheet)));
  }
  const chosen: Block[] = [];
  for (const id of Object.keys(TABLE_TITLES) as TableId[]) {
    const cands = all.filter((b) => b.table === id);
    if (cands.length === 0) continue;
    const main = cands.filter((b) => !b.continuation);
    const strong = main.filter((b) => b.strong);
    const pool = strong.length > 0 ? strong : main.length > 0 ? main : cands;
    for (const b of main.filter((x) => !pool.includes(x)))
      ctx.skipped.push({
        sheet: b.sheet.name,
        cell: b.row >= 0 ? address(b.row, b.col) : undefined,
        text: b.text,
        reason: `标题不是九张公开报表中的《${TABLE_SPECS[id].name}》（另有更符合的表），未读取`,
      });
    if (pool.length > 1) {
      const places = pool.map((b) =>
        b.row >= 0 ? where(b.sheet, b.row, b.col) : `工作表「${b.sheet.name}」`,
      );
      ctx.problems.push({
        file: ctx.file,
        message: `找到 ${pool.length} 张《${TABLE_SPECS[id].name}》：${places.join('、')}；请删去多余的一张（或把续表标题写成“…（续）”）后再导入`,
      });
      continue;
    }
    const first = pool[0]!;
    chosen.push(first);
    for (const c of cands.filter((b) => b.continuation && b !== first && b.sheet === first.sheet))
      chosen.push(c);
    if (!first.strong)
      ctx.warnings.push(
        `${where(first.sheet, Math.max(first.row, 0), first.col)}「${first.text}」按《${TABLE_SPECS[id].name}》读取（标题前有其他文字，请核对）`,
      );
  }
  return chosen;
}

// ---- header

interface ColumnRole {
  c: number;
  kind: 'code' | 'codePart' | 'name' | 'rowNo' | 'value' | 'unused' | 'unknown';
  part?: 0 | 1 | 2;
  column?: string;
  which?: 'value' | 'prior' | 'budget';
  /** A header that names the row too (T7 printed as one line of figures). */
  row?: string;
  path: string[];
}

interface Side {
  hint?: 'income' | 'expenditure' | 'personnel' | 'public';
  codeCol?: number;
  partCols: (number | undefined)[];
  nameCol?: number;
  values: ColumnRole[];
}

interface Layout {
  unit: MoneyUnit;
  headerRows: number[];
  bodyTop: number;
  sides: Side[];
}

const HEADER_SET = new Set(HEADER_WORDS);

function fixedLabelMap(id: TableId): Map<string, string> {
  const m = new Map<string, string>();
  for (const [row, labels] of Object.entries(FIXED_ROW_LABELS[id] ?? {}))
    for (const l of labels) if (!m.has(rowLabelCore(l))) m.set(rowLabelCore(l), row);
  return m;
}

function columnLabelMap(id: TableId): Map<string, string> {
  const m = new Map<string, string>();
  for (const [col, labels] of Object.entries(COLUMN_LABELS[id]))
    for (const l of labels) if (!m.has(normLabel(l))) m.set(normLabel(l), col);
  return m;
}

function isNumberingRow(sheet: Sheet, r: number, left: number, right: number): boolean {
  let nums = 0;
  let labelled = false;
  const seq: number[] = [];
  for (let c = left; c < right; c++) {
    const cell = ownCell(sheet, r, c);
    if (!cell) continue;
    const t = normLabel(cell.text);
    if (NUMBERING_LABELS.has(t)) labelled = true;
    else if (cell.num !== undefined || /^\d+$/.test(t)) {
      nums++;
      seq.push(Number(t));
    } else if (t !== '' && !/^[a-z]$/.test(t) && t !== '—') return false;
  }
  if (labelled) return true;
  // "1 2 3 4 …" under the header with nothing else: column numbers.
  return nums >= 3 && seq.every((v, i) => v === seq[0]! + i) && seq[0]! <= 1;
}

function rowHasAmounts(sheet: Sheet, r: number, left: number, right: number): boolean {
  for (let c = left; c < right; c++) {
    const cell = ownCell(sheet, r, c);
    if (!cell) continue;
    if (cell.num !== undefined) return true;
    if (/^[-(（]?[\d,，]+\.\d+[)）]?$/.test(cell.text.trim())) return true;
  }
  return false;
}

function isNoteText(text: string): boolean {
  const t = text.trim();
  return NOTE_TEXT.test(t.normalize('NFKC')) || EMPTY_TABLE_TEXT.test(t) || t.length > 40;
}

function pathOf(sheet: Sheet, headerRows: number[], c: number, left: number): string[] {
  const path: string[] = [];
  headerRows.forEach((h, i) => {
    let t = cellAt(sheet, h, c)?.text.trim() ?? '';
    // A group label written once over unmerged cells (CSV, hand-made sheets) covers the cells to its right
    // that have headers below them.
    if (
      t === '' &&
      !sheet.mergeMaster.has(`${h}:${c}`) &&
      headerRows.slice(i + 1).some((lower) => textAtCell(sheet, lower, c) !== '')
    )
      for (let cc = c - 1; cc >= left; cc--) {
        const x = cellAt(sheet, h, cc)?.text.trim() ?? '';
        if (x !== '') {
          if (headerRows.slice(i + 1).some((lower) => textAtCell(sheet, lower, cc) !== '')) t = x;
          break;
        }
      }
    if (t !== '' && path[path.length - 1] !== t) path.push(t);
  });
  return path;
}

function textAtCell(sheet: Sheet, r: number, c: number): string {
  return cellAt(sheet, r, c)?.text.trim() ?? '';
}

function roleOf(id: TableId, c: number, path: string[], cols: Map<string, string>): ColumnRole {
  const norm = path.map(normLabel);
  const leaf = norm[norm.length - 1] ?? '';
  const role: ColumnRole = { c, kind: 'unknown', path };
  if (norm.length === 0) return role;
  if (leaf in CODE_PART_HEADERS && norm.some((p) => CODE_HEADERS.has(p) || p === '项目')) {
    return { ...role, kind: 'codePart', part: CODE_PART_HEADERS[leaf]! };
  }
  if (leaf in CODE_PART_HEADERS && norm.length === 1)
    return { ...role, kind: 'codePart', part: CODE_PART_HEADERS[leaf]! };
  if (CODE_HEADERS.has(leaf)) return { ...role, kind: 'code' };
  if (ROW_NUMBER_HEADERS.has(leaf)) return { ...role, kind: 'rowNo' };
  if (NAME_HEADERS.has(leaf)) return { ...role, kind: 'name' };
  if (
    norm.some((p) => UNUSED_COLUMN_WORDS.includes(p)) &&
    !(id === 't7' && norm.includes(normLabel('全年预算数')))
  )
    return { ...role, kind: 'unused' };
  let which: ColumnRole['which'] = 'value';
  if (norm.some((p) => PRIOR_WORDS.some((w) => p.startsWith(w)))) which = 'prior';
  else if (id !== 't7' && norm.some((p) => BUDGET_WORDS.includes(p))) which = 'budget';
  if (id === 't7') return t7Role(role, norm, which);
  let column: string | undefined;
  for (let i = norm.length - 1; i >= 0 && column === undefined; i--) column = cols.get(norm[i]!);
  if (column === undefined && which !== 'value') column = TABLE_SPECS[id].columns[0]!.id;
  if (column === undefined) {
    // A side header alone ("收入", "支出") over no further words is not a column of figures.
    return role;
  }
  return { ...role, kind: 'value', column, which };
}

/** T7: a group (预算数 / 决算数) and an item (合计, 因公出国（境）费 …) make a cell. */
function t7Role(role: ColumnRole, norm: string[], which: ColumnRole['which']): ColumnRole {
  const cols = columnLabelMap('t7');
  const rows = fixedLabelMap('t7');
  let column: string | undefined;
  let row: string | undefined;
  for (const p of norm) column ??= cols.get(p);
  for (let i = norm.length - 1; i >= 0 && row === undefined; i--) row = rows.get(rowLabelCore(norm[i]!));
  if (column === undefined && which === 'prior') column = 'final';
  if (column === undefined) return role;
  const out: ColumnRole = { ...role, kind: 'value', column, which };
  if (row !== undefined) out.row = row;
  return out;
}

function sidesOf(roles: ColumnRole[]): Side[] {
  const sides: Side[] = [];
  let cur: Side | undefined;
  const fresh = (): Side => {
    const s: Side = { partCols: [], values: [] };
    sides.push(s);
    return s;
  };
  for (const r of roles) {
    const key = r.kind === 'code' || r.kind === 'codePart' || r.kind === 'name';
    if (key && (!cur || cur.values.length > 0 || (r.kind === 'name' && cur.nameCol !== undefined)))
      cur = fresh();
    if (!cur && r.kind === 'value') cur = fresh();
    if (!cur) continue;
    if (cur.values.length === 0 && cur.hint === undefined) {
      const top = normLabel(r.path[0] ?? '');
      if (top in SIDE_WORDS) cur.hint = SIDE_WORDS[top];
    }
    if (r.kind === 'code') cur.codeCol ??= r.c;
    else if (r.kind === 'codePart') cur.partCols[r.part!] ??= r.c;
    else if (r.kind === 'name') cur.nameCol ??= r.c;
    else if (r.kind === 'value') cur.values.push(r);
  }
  return sides;
}

/** The layout of a table block: its unit, header rows, first body row and columns; undefined (reported) if none. */
function analyse(block: Block, ctx: ReadContext): Layout | undefined {
  const { sheet, left } = block;
  const id = block.table;
  const found = findHeader(block, ctx);
  let unit = found.unit;
  const { headerTop } = found;
  const titleAt = block.row >= 0 ? where(sheet, block.row, block.col) : `工作表「${sheet.name}」`;
  if (headerTop < 0) {
    ctx.problems.push({
      file: ctx.file,
      message: `${titleAt}《${TABLE_SPECS[id].name}》下方找不到表头：应有“项目”或“科目编码”“科目名称”及金额列（如“决算数”“合计”）；此表的格式无法识别`,
    });
    return undefined;
  }
  const isBody = bodyRowTest(block, ctx);
  const headerRows: number[] = [];
  let bodyTop = block.bottom;
  for (let r = headerTop; r < block.bottom; r++) {
    if (r > headerTop && isBody(r)) {
      bodyTop = r;
      break;
    }
    if (!isNumberingRow(sheet, r, left, block.right)) headerRows.push(r);
  }
  if (headerRows.length > 8) {
    ctx.problems.push({
      file: ctx.file,
      message: `${titleAt}《${TABLE_SPECS[id].name}》的表头从 ${address(headerTop, left)} 起超过 8 行仍未见数据行（应以“合计”行或科目编码开始），此表的格式无法识别`,
    });
    return undefined;
  }
  const roles = columnRoles(block, headerRows, headerTop, bodyTop, ctx);
  const sides = sidesOf(roles);
  if (!usableSides(block, roles, sides, headerTop, ctx)) return undefined;
  if (unit === undefined) {
    ctx.warnings.push(`${titleAt}《${TABLE_SPECS[id].name}》未写“单位：”，按${ctx.defaultUnit}读取`);
    unit = ctx.defaultUnit;
  }
  return { unit, headerRows, bodyTop, sides };
}

/** The texts of a row's own cells in the block that are not numbers. */
function lineTexts(block: Block, r: number): string[] {
  const parts: string[] = [];
  for (let c = block.left; c < block.right; c++) {
    const cell = ownCell(block.sheet, r, c);
    if (cell && cell.num === undefined && cell.text.trim() !== '') parts.push(cell.text.trim());
  }
  return parts;
}

/**
 * The first header row (-1 when none in the 12 rows under the title), and the amount unit that the lines
 * above it state; the unit's name and the year found there go to the context.
 */
function findHeader(block: Block, ctx: ReadContext): { unit: MoneyUnit | undefined; headerTop: number } {
  const { sheet } = block;
  let unit: MoneyUnit | undefined;
  const scanLine = (texts: string[]) => {
    for (const t of texts) {
      const u = UNIT_LINE.exec(t.normalize('NFKC'));
      if (u && unit === undefined) unit = u[1] as MoneyUnit;
      const n = UNIT_NAME_LINE.exec(t.normalize('NFKC'));
      if (n && n[1] && n[1].trim() !== '') ctx.unitNames.push(n[1].trim());
      const y = YEAR_TEXT.exec(t.normalize('NFKC'));
      if (y) ctx.years.push(Number(y[1]));
    }
  };
  scanLine([block.text]);
  if (block.prefix.length >= 2 && !block.fromSheetName)
    ctx.unitNames.push(block.prefix.replace(YEAR_TEXT, ''));
  if (block.row >= 0) scanLine(lineTexts(block, block.row).filter((t) => t !== block.text));
  for (let r = block.top; r < block.bottom && r < block.top + 12; r++) {
    if (!block.includeHidden && sheet.hiddenRows.has(r)) continue;
    const texts = lineTexts(block, r);
    if (
      texts.some(
        (t) => HEADER_SET.has(normLabel(t)) || /^(?:项目|科目|收入|支出|预算数|决算数)/.test(normLabel(t)),
      )
    )
      return { unit, headerTop: r };
    scanLine(texts);
  }
  return { unit, headerTop: -1 };
}

/** Whether a row is a body row: it has amounts, a code, a note, or a label the table knows. */
function bodyRowTest(block: Block, ctx: ReadContext): (r: number) => boolean {
  const { sheet, left, right } = block;
  const id = block.table;
  const fixed = fixedLabelMap(id);
  const idx = classIndex(id, ctx);
  return (r: number): boolean => {
    if (isNumberingRow(sheet, r, left, right)) return false;
    if (rowHasAmounts(sheet, r, left, right)) return true;
    for (let c = left; c < right; c++) {
      const cell = ownCell(sheet, r, c);
      if (!cell || cell.text.trim() === '') continue;
      const t = cell.text.trim();
      if (isNoteText(t)) return true;
      if (c - left <= 2 && CODE_RE.test(t.normalize('NFKC'))) return true;
      if (id !== 't7' && c - left <= 1) {
        const core = rowLabelCore(t);
        if (fixed.has(core) || core === GRAND_TOTAL_LABEL || (idx && idx.classes.has(core))) return true;
        if (
          id === 't4' &&
          Object.values(T4_KIND_LABELS).some((ls) => ls.some((l) => rowLabelCore(l) === core))
        )
          return true;
      }
    }
    return false;
  };
}

/** The role of each visible column by its header path; hidden and unknown columns with content are reported. */
function columnRoles(
  block: Block,
  headerRows: number[],
  headerTop: number,
  bodyTop: number,
  ctx: ReadContext,
): ColumnRole[] {
  const { sheet, left, right } = block;
  const id = block.table;
  const cols = columnLabelMap(id);
  const roles: ColumnRole[] = [];
  for (let c = left; c < right; c++) {
    const path = pathOf(sheet, headerRows, c, left);
    if (!block.includeHidden && sheet.hiddenCols.has(c)) {
      if (path.length > 0 || columnHasContent(sheet, c, bodyTop, block.bottom))
        ctx.skipped.push({
          sheet: sheet.name,
          cell: `${columnName(c)}列`,
          text: path.join('›') || undefined,
          reason: '隐藏列，未读取（如需读取请在 Excel 中取消隐藏）',
        });
      continue;
    }
    const role = roleOf(id, c, path, cols);
    roles.push(role);
    if (
      (role.kind === 'unknown' || role.kind === 'unused') &&
      columnHasAmounts(sheet, c, bodyTop, block.bottom)
    )
      ctx.skipped.push({
        sheet: sheet.name,
        cell: address(headerRows[headerRows.length - 1] ?? headerTop, c),
        text: path.join('›') || '（无表头）',
        reason:
          role.kind === 'unused'
            ? '数据格式中没有此列（如全年预算数、增减率），未读取'
            : `表头「${path.join('›') || '（空）'}」不是《${TABLE_SPECS[id].name}》的列，未读取`,
      });
  }
  return roles;
}

/**
 * Whether the columns can be read: some amount column, and (but in 表七) a column saying what each row is.
 * Reports why not; warns of the table's columns the header lacks.
 */
function usableSides(
  block: Block,
  roles: ColumnRole[],
  sides: Side[],
  headerTop: number,
  ctx: ReadContext,
): boolean {
  const { sheet, left } = block;
  const id = block.table;
  const valueCols = sides.flatMap((s) => s.values);
  if (valueCols.length === 0) {
    const found = roles
      .filter((r) => r.path.length > 0)
      .map((r) => `${columnName(r.c)}「${r.path.join('›')}」`);
    ctx.problems.push({
      file: ctx.file,
      message: `${where(sheet, headerTop, left)}：《${TABLE_SPECS[id].name}》的表头中没有可识别的金额列（找到：${found.join('、') || '无'}）；应有 ${TABLE_SPECS[id].columns.map((c) => `“${c.label}”`).join('、')} 等列`,
    });
    return false;
  }
  const needKey = id !== 't7';
  if (
    needKey &&
    sides.every(
      (s) => s.nameCol === undefined && s.codeCol === undefined && s.partCols.every((p) => p === undefined),
    )
  ) {
    ctx.problems.push({
      file: ctx.file,
      message: `${where(sheet, headerTop, left)}：《${TABLE_SPECS[id].name}》缺少“项目”（或“科目编码”“科目名称”）列，无法确定各行是什么`,
    });
    return false;
  }
  const seen = new Set(valueCols.filter((v) => v.which === 'value').map((v) => v.column));
  const missing = TABLE_SPECS[id].columns.filter(
    (c) => !seen.has(c.id) && !(id === 't4' && seen.has('amount')),
  );
  if (missing.length > 0 && id !== 't7')
    ctx.warnings.push(
      `${where(sheet, headerTop, left)}《${TABLE_SPECS[id].name}》没有 ${missing.map((m) => `“${m.label}”`).join('、')} 列，这些数未知`,
    );
  return true;
}

function columnHasContent(sheet: Sheet, c: number, top: number, bottom: number): boolean {
  for (let r = top; r < bottom; r++) if (ownCell(sheet, r, c)?.text.trim()) return true;
  return false;
}
function columnHasAmounts(sheet: Sheet, c: number, top: number, bottom: number): boolean {
  for (let r = top; r < bottom; r++) {
    const cell = ownCell(sheet, r, c);
    if (cell && (cell.num !== undefined || /\d\.\d/.test(cell.text))) return true;
  }
  return false;
}

function classIndex(id: TableId, ctx: ReadContext): NameIndex | undefined {
  const codes = TABLE_SPECS[id].codes;
  if (!codes) return undefined;
  const year = ctx.year ?? ctx.years[0] ?? 2022;
  return nameIndex(codes === 'economic' ? 'economic' : 'function', year, ctx.catalogues);
}

// ---- body

interface TableState {
  id: TableId;
  rows: Map<string, ReadRow>;
  order: ReadRow[];
  cells: number;
  emptyStatement?: string;
}

function stripOrdinal(text: string): string {
  return text
    .trim()
    .replace(
      /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d+[、.．](?!\d)|其中[:：]?)\s*/u,
      '',
    )
    .trim();
}

/** "2010450 事业运行", "[2010450]事业运行", "201 04 50 事业运行", "201" → code and the rest. */
export function splitCodeText(text: string): { code?: string; rest: string } {
  const t = text.normalize('NFKC').trim();
  const spaced = /^\[?(\d{3})[\s.]+(\d{2})(?:[\s.]+(\d{2}))?\]?(?:\s+|$)(.*)$/s.exec(t);
  const orig = text.trim();
  // NFKC maps full-width characters one to one: the rest is cut from the original text, keeping （室）.
  const restOf = (r: string) => (orig.length === t.length ? orig.slice(t.length - r.length) : r).trim();
  if (spaced) return { code: spaced[1]! + spaced[2]! + (spaced[3] ?? ''), rest: restOf(spaced[4]!) };
  const m = /^\[?(\d{3}(?:\d{2}){0,2})\]?(?!\d)\s*(.*)$/s.exec(t);
  if (m) return { code: m[1]!, rest: restOf(m[2]!) };
  return { rest: orig };
}

function codeAllowed(id: TableId, code: string): string | undefined {
  const spec = TABLE_SPECS[id];
  if (!spec.codes) return `${spec.number}没有科目行`;
  if (spec.codes === 'function-class' && code.length !== 3)
    return `${spec.number}只列功能分类的类（3 位编码）`;
  if (spec.codes === 'economic' && code.length === 7) return '经济分类只有类（3 位）和款（5 位）';
  return undefined;
}

/** Where the reading of one side of a table is: the list's phase, the last 类 and 款, the code rows above. */
interface SideState {
  phase: 'income' | 'opening' | 'expenditure' | 'closing';
  lastClass: string | undefined;
  lastSection: string | undefined;
  stack: { code: string; where: string; name: string }[];
}

/** What readSide knows of the side it reads, for the steps of each row. */
interface SideRead {
  block: Block;
  side: Side;
  fixed: ReturnType<typeof fixedLabelMap>;
  hint: Side['hint'];
  twoSided: boolean;
  /** Columns that name a row (code, code parts, name), left to right. */
  keyCols: number[];
  st: SideState;
  state: TableState;
  ctx: ReadContext;
  idx: NameIndex | undefined;
}

/** Which row of the model a printed row is: its key, with its code for code rows. */
interface RowPlace {
  key: string;
  code: string | undefined;
  isFixed: boolean;
  columnOverride: string | undefined;
}

/** One side of a table block (a two-sided table has two), row by row into `state`. */
function readSide(
  block: Block,
  layout: Layout,
  side: Side,
  sideIndex: number,
  state: TableState,
  ctx: ReadContext,
  idx: NameIndex | undefined,
): void {
  const { sheet, table: id } = block;
  const hint =
    side.hint ?? (id === 't1' || id === 't4' ? (sideIndex === 0 ? 'income' : 'expenditure') : undefined);
  const st: SideState = {
    phase: hint === 'expenditure' ? 'expenditure' : 'income',
    lastClass: undefined,
    lastSection: undefined,
    stack: [],
  };
  const sr: SideRead = {
    block,
    side,
    fixed: fixedLabelMap(id),
    hint,
    twoSided: layout.sides.filter((s) => s.values.length > 0).length > 1,
    keyCols: [side.codeCol, ...side.partCols, side.nameCol].filter((c): c is number => c !== undefined),
    st,
    state,
    ctx,
    idx,
  };
  for (let r = layout.bodyTop; r < block.bottom; r++) {
    if (isNumberingRow(sheet, r, block.left, block.right)) continue;
    const named = codeAndLabel(sheet, r, side, st);
    const { label, labelCol } = named;
    const values = side.values;
    const amountsHere = values.some((v) => {
      const cell = ownCell(sheet, r, v.c);
      return cell !== undefined && cell.text.trim() !== '' && !/^[-—－/]+$/.test(cell.text.trim());
    });
    const firstKey = sr.keyCols[0] ?? values[0]?.c ?? block.left;
    if (notATableRow(block, r, named.code, label, amountsHere, state, ctx, sideIndex)) continue;
    const place = placeOfRow(sr, r, named.code, label, labelCol, amountsHere, firstKey);
    if (place === undefined) continue;
    advancePhase(st, id, place);
    if (!rowOfPlace(sr, r, place, label, labelCol, firstKey)) continue;
    const { key, code, columnOverride } = place;
    readRowValues(block, layout, values, r, key, label, code, columnOverride, amountsHere, state, ctx);
  }
}

/**
 * Which row of the model a printed row is (a fixed row by its label, a code row by its code or, without one,
 * by its name in the catalogue); undefined, with the row reported as skipped, when it is none.
 */
function placeOfRow(
  sr: SideRead,
  r: number,
  printedCode: string | undefined,
  label: string,
  labelCol: number | undefined,
  amountsHere: boolean,
  firstKey: number,
): RowPlace | undefined {
  const { block, side, st, ctx, idx } = sr;
  const { sheet, table: id } = block;
  const core = rowLabelCore(label);
  let code = printedCode;
  let key: string | undefined;
  let columnOverride: string | undefined;
  let isFixed = false;
  if (code === undefined && core !== '') {
    ({ key, columnOverride } = fixedRowKey(id, core, sr.fixed, sr.hint, sr.twoSided, st.phase));
    if (key !== undefined) isFixed = true;
    else if (idx)
      code = codeByName(
        idx,
        label,
        { lastClass: st.lastClass, lastSection: st.lastSection },
        TABLE_SPECS[id].codes === 'function-class',
      );
  }
  if (key === undefined && code !== undefined) {
    const bad = codeAllowed(id, code);
    if (bad) {
      ctx.skipped.push({
        sheet: sheet.name,
        cell: address(r, side.codeCol ?? labelCol ?? firstKey),
        text: `${code} ${label}`.trim(),
        reason: `${bad}，此行未读取`,
      });
      return undefined;
    }
    key = code;
  }
  // T7 printed as one line of figures: the header names each cell's row.
  const values = side.values;
  if (key === undefined && values.length > 0 && values.every((v) => v.row !== undefined))
    key = values[0]!.row!;
  if (key === undefined) {
    if (amountsHere || label !== '')
      ctx.skipped.push({
        sheet: sheet.name,
        cell: address(r, labelCol ?? firstKey),
        text: label,
        reason: amountsHere
          ? `不是《${TABLE_SPECS[id].name}》的行（也不在科目表中），此行的金额未读取`
          : `不是《${TABLE_SPECS[id].name}》的行，未读取`,
      });
    return undefined;
  }
  return { key, code, isFixed, columnOverride };
}

/** Phases of the two-column lists: income rows, then carry-overs, then expenditure. */
function advancePhase(st: SideState, id: TableId, { key, isFixed }: RowPlace): void {
  if (isFixed) {
    if (key === 'openingCarryover') st.phase = 'opening';
    else if (key === 'closingCarryover') st.phase = 'closing';
    else if (key.startsWith('expenditure') || key === 'surplusDistribution') st.phase = 'expenditure';
  } else if (id === 't1' || id === 't4') st.phase = 'expenditure';
}

/**
 * The model's row for the printed one, made on first sight (a row may be printed on both sides); false when a
 * code row is out of place in the 类/款/项 order (reported) and is not read.
 */
function rowOfPlace(
  sr: SideRead,
  r: number,
  { key, code, isFixed }: RowPlace,
  label: string,
  labelCol: number | undefined,
  firstKey: number,
): boolean {
  const { block, side, st, state, ctx, idx } = sr;
  const { sheet } = block;
  let row = state.rows.get(key);
  if (code !== undefined) {
    const keyWhere = address(r, side.codeCol ?? side.partCols.find((c) => c !== undefined) ?? firstKey);
    const keyCol = side.codeCol ?? labelCol ?? firstKey;
    const report = (message: string) => problem(ctx, sheet, r, keyCol, message);
    if (!codeInPlace(code, label, row, st, state, keyWhere, sheet.name, report)) return false;
  }
  if (!row) {
    const name =
      code !== undefined ? stripOrdinal(label) || (idx ? nameOfCode(idx, code) : undefined) : undefined;
    row = {
      key,
      fixed: isFixed,
      values: new Map(),
      source: src(ctx, sheet, r, sr.keyCols[0] ?? firstKey),
    };
    if (code !== undefined) row.code = code;
    if (name) row.name = name;
    else if (isFixed && stripOrdinal(label) !== '') row.name = stripOrdinal(label);
    state.rows.set(key, row);
    state.order.push(row);
  }
  return true;
}

/**
 * Rows that are not rows of the table: a note (taken as the table's note or 空表说明), a blank row, a hidden row
 * (reported), a numbering row (栏次). True when the row is done with.
 */
function notATableRow(
  block: Block,
  r: number,
  code: string | undefined,
  label: string,
  amountsHere: boolean,
  state: TableState,
  ctx: ReadContext,
  sideIndex: number,
): boolean {
  const { sheet } = block;
  const note = code === undefined ? rowNote(sheet, r, block) : undefined;
  if (note !== undefined && (label === '' || label === note)) {
    handleNote(note, state, sheet, r, ctx, sideIndex);
    return true;
  }
  if (code === undefined && label === '' && !amountsHere) return true;
  if (sheet.hiddenRows.has(r) && !block.includeHidden) {
    ctx.skipped.push({
      sheet: sheet.name,
      cell: `第 ${r + 1} 行`,
      text: label || code,
      reason: amountsHere ? '隐藏行（含金额），未读取；如需读取请在 Excel 中取消隐藏' : '隐藏行，未读取',
    });
    return true;
  }
  if (code === undefined && isNoteText(label)) {
    handleNote(label, state, sheet, r, ctx, sideIndex);
    return true;
  }
  return code === undefined && NUMBERING_LABELS.has(rowLabelCore(label));
}

/**
 * The code and label of a row: one merged code column, or 类/款/项 columns (a blank higher part continues the
 * row above), or a code written at the start of the label.
 */
function codeAndLabel(
  sheet: Sheet,
  r: number,
  side: Side,
  st: SideState,
): { code: string | undefined; label: string; labelCol: number | undefined } {
  const own = (c: number | undefined) => (c === undefined ? '' : (ownCell(sheet, r, c)?.text.trim() ?? ''));
  let code: string | undefined;
  let label = own(side.nameCol);
  let labelCol = side.nameCol;
  const codeText = own(side.codeCol);
  if (codeText !== '') {
    const split = splitCodeText(codeText);
    if (split.code !== undefined) {
      code = split.code;
      if (label === '') label = split.rest;
    } else if (label === '') {
      label = codeText;
      labelCol = side.codeCol;
    }
  }
  if (code === undefined && side.partCols.some((c) => c !== undefined)) {
    const parts = side.partCols.map((c) => own(c).normalize('NFKC').replace(/\s+/g, ''));
    const [a, b, c] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
    const { lastClass, lastSection } = st;
    if ([a, b, c].some((p) => p !== '' && !SPLIT_PART_RE.test(p))) {
      const text = [a, b, c].find((p) => p !== '' && !SPLIT_PART_RE.test(p))!;
      if (label === '') {
        label = text;
        labelCol = side.partCols.find((col) => col !== undefined && own(col) !== '');
      }
    } else if (c !== '') {
      const section = b.length === 5 ? b : b !== '' ? (a || lastClass || '') + b : (lastSection ?? '');
      code = c.length === 7 ? c : section.length === 5 ? section + c : `${a}${b}${c}`;
    } else if (b !== '') code = b.length === 5 ? b : (a || lastClass || '') + b;
    else if (a !== '') code = a;
  }
  if (code === undefined && label !== '') {
    const split = splitCodeText(label);
    if (split.code !== undefined) [code, label] = [split.code, split.rest];
  }
  return { code, label, labelCol };
}

/**
 * The fixed row a label names, by the table and, in 表一、表四, the list's phase (总计 of income or of
 * expenditure; a kind of 财政拨款 under 本年收入, 年初 or 年末), with the column it goes to when the label names it.
 */
function fixedRowKey(
  id: TableId,
  core: string,
  fixed: Map<string, string>,
  hint: Side['hint'],
  twoSided: boolean,
  phase: SideState['phase'],
): { key: string | undefined; columnOverride: string | undefined } {
  let key: string | undefined;
  let columnOverride: string | undefined;
  if (core === GRAND_TOTAL_LABEL) {
    key =
      id === 't1' || id === 't4'
        ? hint === 'income' || (!twoSided && phase !== 'expenditure' && phase !== 'closing')
          ? 'incomeGrandTotal'
          : 'expenditureGrandTotal'
        : fixed.get(core);
    if (id === 't6' || id === 't7') key = id === 't7' ? 'total' : undefined;
  } else if (id === 't4' && kindOf(core) !== undefined && hint !== 'expenditure') {
    key = phase === 'opening' ? 'openingCarryover' : 'incomeTotal';
    columnOverride = kindOf(core);
  } else if (id === 't4' && kindOf(core) !== undefined && phase === 'closing') {
    key = 'closingCarryover';
    columnOverride = kindOf(core);
  } else key = fixed.get(core);
  return { key, columnOverride };
}

/**
 * A code row listed once and under its own 类/款 when that one is listed (编码前缀决定上级科目); records it as
 * the last 类/款. False (after reporting the problem) when it is not.
 */
function codeInPlace(
  code: string,
  label: string,
  row: ReadRow | undefined,
  st: SideState,
  state: TableState,
  keyWhere: string,
  sheetName: string,
  report: (message: string) => void,
): boolean {
  if (row) {
    report(
      `科目编码「${code}」重复：${row.source.sheet === sheetName ? '' : `工作表「${row.source.sheet}」`}${row.source.cell} 已有此科目，每个科目只能列一次`,
    );
    return false;
  }
  const { stack } = st;
  const rank = code.length;
  while (stack.length > 0 && stack[stack.length - 1]!.code.length >= rank) stack.pop();
  const above = stack[stack.length - 1];
  if (above && !code.startsWith(above.code)) {
    const parent = code.length === 7 ? code.slice(0, 5) : code.slice(0, 3);
    const ownParent = state.rows.get(parent) ?? state.rows.get(code.slice(0, 3));
    if (ownParent) {
      report(
        `${code.length === 7 ? '项' : '款'}「${code} ${label}」列在「${above.code} ${above.name}」（${above.where}）之下，应在「${ownParent.code}」（${ownParent.source.cell}）之下：编码前缀决定上级科目`,
      );
      return false;
    }
  }
  stack.push({ code, where: keyWhere, name: label });
  if (code.length === 3) [st.lastClass, st.lastSection] = [code, undefined];
  else if (code.length === 5) [st.lastClass, st.lastSection] = [code.slice(0, 3), code];
  return true;
}

/** The figures of one printed row into their rows and columns (a header may name a cell's row, as in 表七). */
function readRowValues(
  block: Block,
  layout: Layout,
  values: Side['values'],
  r: number,
  key: string,
  label: string,
  code: string | undefined,
  columnOverride: string | undefined,
  amountsHere: boolean,
  state: TableState,
  ctx: ReadContext,
): void {
  const { sheet, table: id } = block;
  for (const v of values) {
    const cell = ownCell(sheet, r, v.c);
    const targetRow = v.row !== undefined ? v.row : key;
    let column = v.column!;
    if (column === 'amount' && id === 't4') column = columnOverride ?? 'total';
    else if (columnOverride !== undefined) {
      if (v.column !== 'total' && v.column !== 'amount') continue;
      column = columnOverride;
    }
    const slot = v.which === 'value' ? column : `${v.which}.${column}`;
    const a =
      cell?.formula !== undefined && !cell.hasResult
        ? formulaAmount(sheet, r, v.c, layout.unit, ctx)
        : readCellAmount(cell, layout.unit);
    if (a === undefined) continue;
    // Our own publications print an unknown figure as 未提供: it stays unknown, never a zero.
    if (a.kind === 'text' && a.text.trim() === UNKNOWN_CELL_TEXT) continue;
    if (a.kind === 'text') {
      problem(
        ctx,
        sheet,
        r,
        v.c,
        `「${a.text.slice(0, 30)}」不是金额（${TABLE_SPECS[id].number}「${label || code}」行「${v.path.join('›')}」列）；金额应为数字，零可留空或写“-”`,
      );
      continue;
    }
    const fen = a.kind === 'amount' ? a.fen : 0;
    if (a.kind === 'blank' && !cell && v.row !== undefined && !amountsHere) continue;
    let target = state.rows.get(targetRow);
    if (!target) {
      target = { key: targetRow, fixed: true, values: new Map(), source: src(ctx, sheet, r, v.c) };
      state.rows.set(targetRow, target);
      state.order.push(target);
    }
    const prev = target.values.get(slot);
    // A blank cell is 0 only until the figure is printed elsewhere (T4's carry-over kinds as rows).
    if (prev && a.kind === 'blank') continue;
    if (prev && !prev.blank) {
      if (prev.fen === fen && prev.source.cell === address(r, v.c)) continue;
      problem(
        ctx,
        sheet,
        r,
        v.c,
        `${TABLE_SPECS[id].number}「${label || targetRow}」的「${v.path.join('›')}」重复：${prev.source.sheet === sheet.name ? '' : `工作表「${prev.source.sheet}」`}${prev.source.cell} 已读到此数`,
      );
      continue;
    }
    const rv: ReadValue = { fen, source: src(ctx, sheet, r, v.c, cell) };
    if (a.kind === 'blank') rv.blank = true;
    target.values.set(slot, rv);
    if (!prev) state.cells++;
  }
}

/**
 * A formula cell saved without its result (written by a program, never opened in Excel): computed
 * here when it is a plain sum, else reported at its cell.
 */
function formulaAmount(
  sheet: Sheet,
  r: number,
  c: number,
  unit: MoneyUnit,
  ctx: ReadContext,
  depth = 0,
): CellAmount | undefined {
  const cell = ownCell(sheet, r, c)!;
  try {
    const v = evaluateFormula(cell.formula!, {
      sheet,
      unit,
      formulaCell: (rr, cc) => {
        const x = ownCell(sheet, rr, cc);
        if (!x?.formula || x.hasResult) return undefined;
        if (depth > 20) throw new FormulaError('公式嵌套过深');
        const inner = formulaAmount(sheet, rr, cc, unit, ctx, depth + 1);
        return inner?.kind === 'amount' ? { fen: inner.fen, known: true } : { fen: 0, known: false };
      },
    });
    return v.known ? { kind: 'amount', fen: v.fen } : { kind: 'blank' };
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    if (depth === 0)
      problem(
        ctx,
        sheet,
        r,
        c,
        `公式「=${cell.formula}」没有计算结果，且无法在此计算（${e.message}）；请在 Excel 中打开、重新计算并保存后再导入`,
      );
    return undefined;
  }
}

function kindOf(core: string): string | undefined {
  for (const [k, ls] of Object.entries(T4_KIND_LABELS))
    if (ls.some((l) => rowLabelCore(l) === core)) return k;
  return undefined;
}

/** A note printed under the table: 注：/说明： or an empty-table statement, or a long text merged across. */
function rowNote(sheet: Sheet, r: number, block: Block): string | undefined {
  for (let c = block.left; c < block.right; c++) {
    const cell = ownCell(sheet, r, c);
    const t = cell?.text.trim();
    if (!t) continue;
    if (cell!.num !== undefined) return undefined;
    const m = sheet.mergeMaster.get(`${r}:${c}`);
    const wide = m !== undefined && m.right - m.left >= 2 && t.length > 20;
    if (wide || NOTE_TEXT.test(t.normalize('NFKC')) || EMPTY_TABLE_TEXT.test(t)) return t;
    return undefined;
  }
  return undefined;
}

function handleNote(
  text: string,
  state: TableState,
  sheet: Sheet,
  r: number,
  ctx: ReadContext,
  sideIndex: number,
): void {
  if (sideIndex > 0) return;
  if (EMPTY_TABLE_TEXT.test(text)) {
    state.emptyStatement ??= text.replace(/^(?:注|说明|备注)\d*[:：]\s*/, '').trim();
    return;
  }
  ctx.skipped.push({
    sheet: sheet.name,
    cell: address(r, 0),
    text: text.slice(0, 40),
    reason: '表下的说明文字',
  });
}

/** Reads every table found in a workbook. */
export function readTables(wb: Workbook, ctx: ReadContext): ReadTable[] {
  const blocks = findTables(wb, ctx);
  const states = new Map<TableId, { state: TableState; first: Block; unit: MoneyUnit }>();
  for (const block of blocks) {
    const b = { ...block, includeHidden: ctx.includeHidden };
    const layout = analyse(b, ctx);
    if (!layout) continue;
    let entry = states.get(block.table);
    if (!entry) {
      entry = {
        state: { id: block.table, rows: new Map(), order: [], cells: 0 },
        first: block,
        unit: layout.unit,
      };
      states.set(block.table, entry);
    } else if (entry.unit !== layout.unit) {
      ctx.problems.push({
        file: ctx.file,
        message: `${where(block.sheet, Math.max(block.row, 0), block.col)}：续表的金额单位（${layout.unit}）与前表（${entry.unit}）不同`,
      });
      continue;
    }
    const idx = classIndex(block.table, ctx);
    layout.sides.forEach((side, i) => readSide(b, layout, side, i, entry.state, ctx, idx));
  }
  const out: ReadTable[] = [];
  for (const [id, { state, first, unit }] of states) {
    const t: ReadTable = {
      id,
      title: first.text,
      source: {
        file: ctx.file,
        sheet: first.sheet.name,
        cell: first.row >= 0 ? address(first.row, first.col) : 'A1',
      },
      unit,
      rows: state.order,
      cells: state.cells,
    };
    if (state.emptyStatement !== undefined) t.emptyStatement = state.emptyStatement;
    out.push(t);
  }
  return out;
}
