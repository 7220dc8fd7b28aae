/**
 * Shared pieces of the printed tables: amount cells (exact 分 + printed text), merged header rows from
 * a column tree, code columns merged ("2010450") or split (类/款/项), titles and notes as a profile
 * sets them (DOMAIN.md §4; layouts of the 财预〔2016〕143号 部门决算 forms).
 */
import { glossaryName } from '../../glossary/glossary.ts';
import { formatAmount, type Fen } from '../../money/amount.ts';
import type { Disclosure, Row, Table } from '../../model/disclosure.ts';
import { TABLE_SPECS, type TableId } from '../../model/tables.ts';
import { hasAmounts } from '../../rules/empty-tables.ts';
import {
  UNKNOWN_CELL_NOTE,
  UNKNOWN_CELL_TEXT,
  type DocCell,
  type DocColumn,
  type DocRow,
  type DocTable,
} from '../document.ts';
import type { ReportProfile } from '../profile.ts';

/** Tables print 万元 with two decimals (DOMAIN.md §2), whatever unit the data file uses. */
export const TABLE_UNIT_LABEL = '单位：万元';

/** Width (characters) of the common column kinds. */
export const WIDTH = { name: 28, amount: 12, mergedCode: 9, splitCode: 5, label: 30 } as const;

/** A cell whose figure the data does not give: marked, without `fen`, never printed as 0 or blank. */
export function unknownCell(ref?: { row: string; column: string }): DocCell {
  return { text: UNKNOWN_CELL_TEXT, unknown: true, align: 'right', ...(ref ? { ref } : {}) };
}

/**
 * A printed amount: exact 分 and its text with thousands separators; zero blank when the profile says
 * so; unknown (undefined) prints as UNKNOWN_CELL_TEXT without `fen`, never as 0.
 */
export function amountCell(
  fen: Fen | undefined,
  profile: ReportProfile,
  ref?: { row: string; column: string },
  options: { blankZero?: boolean } = {},
): DocCell {
  if (fen === undefined) return unknownCell(ref);
  const blankZero = options.blankZero ?? profile.tables.blankZero;
  const text = formatAmount(fen, { unit: '万元', decimals: 2, thousands: true, blankZero });
  return { text, fen, align: 'right', ...(ref ? { ref } : {}) };
}

/** The amount of a model row's column as a cell (empty when the row or the value is unknown). */
export function rowAmountCell(
  row: Row | undefined,
  column: string,
  profile: ReportProfile,
  rowKey?: string,
): DocCell {
  return amountCell(row?.values[column], profile, { row: row?.key ?? rowKey ?? '', column });
}

export function textCell(text: string, extra: Partial<DocCell> = {}): DocCell {
  return { text, ...extra };
}

/** A cell left empty on purpose (the other side of a two-sided table has more rows). */
export const blankCell = (): DocCell => ({ text: '' });

/** A node of the column tree: a header label over its children (leaves are columns). */
export interface HeaderNode {
  text: string;
  children?: HeaderNode[];
}

function depthOf(n: HeaderNode): number {
  return n.children && n.children.length > 0 ? 1 + Math.max(...n.children.map(depthOf)) : 1;
}

function leavesOf(n: HeaderNode): number {
  return n.children && n.children.length > 0 ? n.children.reduce((s, c) => s + leavesOf(c), 0) : 1;
}

/**
 * Header rows from a column tree: a group spans its leaves; a leaf spans the rows down to the last
 * header row. Cells covered by a span from above are omitted (HTML convention).
 */
export function headerRows(nodes: readonly HeaderNode[]): DocCell[][] {
  const depth = Math.max(...nodes.map(depthOf));
  const rows: DocCell[][] = Array.from({ length: depth }, () => []);
  const place = (n: HeaderNode, level: number): void => {
    const hasChildren = n.children !== undefined && n.children.length > 0;
    const cell: DocCell = { text: n.text, align: 'center' };
    const colSpan = leavesOf(n);
    if (colSpan > 1) cell.colSpan = colSpan;
    if (!hasChildren && depth - level > 1) cell.rowSpan = depth - level;
    rows[level]!.push(cell);
    if (hasChildren) for (const c of n.children!) place(c, level + 1);
  };
  for (const n of nodes) place(n, 0);
  return rows;
}

export type CodeLayout = ReportProfile['tables']['codeLayout'];
export type CodeKind = 'function' | 'economic';

/** Number of code columns: 1 merged; 3 (类/款/项) or 2 (类/款, economic) split. */
export function codeColumnCount(layout: CodeLayout, kind: CodeKind): number {
  return layout === 'merged' ? 1 : kind === 'function' ? 3 : 2;
}

export function codeColumns(layout: CodeLayout, kind: CodeKind, prefix = ''): DocColumn[] {
  if (layout === 'merged') return [{ key: `${prefix}code`, kind: 'code', width: WIDTH.mergedCode }];
  const parts = kind === 'function' ? ['class', 'section', 'item'] : ['class', 'section'];
  return parts.map((p) => ({ key: `${prefix}code.${p}`, kind: 'code', width: WIDTH.splitCode }));
}

/** Header node of the code column(s): "功能分类科目编码" or, split, the same over 类/款/项. */
export function codeHeader(layout: CodeLayout, kind: CodeKind): HeaderNode {
  const text = glossaryName(kind === 'function' ? 'functionCode' : 'economicCode');
  if (layout === 'merged') return { text };
  const parts = kind === 'function' ? ['类', '款', '项'] : ['类', '款'];
  return { text, children: parts.map((p) => ({ text: p })) };
}

/** The code of a row as printed: "2010450" merged, or "201" "04" "50" split. */
export function codeCells(code: string, layout: CodeLayout, kind: CodeKind): DocCell[] {
  if (layout === 'merged') return [{ text: code, align: 'left' }];
  const parts =
    kind === 'function'
      ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)]
      : [code.slice(0, 3), code.slice(3, 5)];
  return parts.map((p) => ({ text: p, align: 'center' }));
}

/** Indent of a classified row's name: 类 0, 款 1, 项 2. */
export function indentOf(row: Row): number {
  return row.level === '款' ? 1 : row.level === '项' ? 2 : 0;
}

/** Chinese ordinal for printed lists: 1 → 一, 12 → 十二, 21 → 二十一. */
export function chineseOrdinal(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return '十' + (n % 10 === 0 ? '' : digits[n % 10]!);
  if (n < 100) return digits[Math.floor(n / 10)]! + '十' + (n % 10 === 0 ? '' : digits[n % 10]!);
  return String(n);
}

/** Title as the profile prints it (`tables.names`), else the MoF name. */
export function tableTitle(profile: ReportProfile, id: TableId, fallback?: string): string {
  return profile.tables.names[id] ?? fallback ?? TABLE_SPECS[id].name;
}

/**
 * A header label a region may reword: `templates["table.<id>.<key>"]` in the profile, else the
 * default (e.g. `table.t7.vehicle: 公务用车购置及运行维护费` for Shanghai).
 */
export function label(profile: ReportProfile, id: string, key: string, fallback: string): string {
  return profile.templates[`table.${id}.${key}`] ?? fallback;
}

function fillSlots(text: string, d: Disclosure): string {
  return text.replace(/\{unit\}/g, d.unit.name).replace(/\{year\}/g, String(d.year));
}

/**
 * Notes under a table: the profile's note for this table (`templates["table.<id>.note"]`, e.g.
 * "注：本表反映部门本年度各项支出情况。"), then, when the table is empty, the data's own statement or
 * the profile's `emptyTableNote` (DOMAIN.md §4: an empty table is still published with a statement).
 */
export function tableNotes(
  d: Disclosure,
  profile: ReportProfile,
  id: string,
  empty: boolean,
  statement?: string,
): string[] | undefined {
  const notes: string[] = [];
  const note = profile.templates[`table.${id}.note`];
  if (note !== undefined) notes.push(fillSlots(note, d));
  const table = (d.tables as Partial<Record<string, Table>>)[id];
  // A table the data does not list at all is not known to be empty: it says so instead of 本表为空表.
  if (table !== undefined && isUnlistedTable(table)) notes.push(UNLISTED_NOTE);
  else if (empty) notes.push(fillSlots(statement ?? profile.tables.emptyTableNote, d));
  return notes.length > 0 ? notes : undefined;
}

/** Printed under a table the data does not give (its cells print 未提供). */
export const UNLISTED_NOTE = '注：数据中未提供本表，表中数字标为“未提供”。';

/** Whether the data file does not list the table at all (the loader indexes every table it lists, even an empty one). */
export function isUnlistedTable(table: Table): boolean {
  return table.index === undefined && table.rows.length === 0 && table.emptyStatement === undefined;
}

/**
 * Whether the model table has no non-zero amount (no rows, or every cell 0 or unknown). A table the data
 * does not list is not empty but missing.
 */
export function isEmptyTable(table: Table): boolean {
  return !hasAmounts(table) && !isUnlistedTable(table);
}

/** Common frame of the nine tables: number, title, 编制单位 line, unit label. */
export function frame(
  d: Disclosure,
  profile: ReportProfile,
  id: TableId,
  parts: {
    title?: string;
    columns: DocColumn[];
    header: DocCell[][];
    rows: DocRow[];
    notes?: string[];
    landscape?: boolean;
  },
): DocTable {
  const t: DocTable = {
    id,
    number: TABLE_SPECS[id].number,
    title: parts.title ?? tableTitle(profile, id),
    unitLine: `编制单位：${d.unit.name}`,
    unitLabel: TABLE_UNIT_LABEL,
    columns: parts.columns,
    header: parts.header,
    rows: declaredEmpty(d, id) ? parts.rows.map((r) => zeroUnknownCells(r, profile)) : parts.rows,
  };
  const notes = [...(parts.notes ?? [])];
  if (t.rows.some((r) => r.cells.some((c) => c.unknown === true))) notes.push(UNKNOWN_CELL_NOTE);
  if (notes.length > 0) t.notes = notes;
  if (parts.landscape) t.landscape = true;
  return t;
}

/**
 * Whether the data declares the table empty: it states that the unit has no such income or expenditure, or
 * lists the table with no rows. Its cells are then 0, not unknown (DOMAIN.md §4: an empty table is still
 * published, and its 合计 row adds up to nothing).
 */
export function declaredEmpty(d: Disclosure, id: TableId): boolean {
  const table = d.tables[id];
  if (!isEmptyTable(table)) return false;
  const statement = table.emptyStatement ?? (id === 't7' ? d.threePublic.emptyStatement : undefined);
  return statement !== undefined || (table.source !== undefined && table.rows.length === 0);
}

function zeroUnknownCells(row: DocRow, profile: ReportProfile): DocRow {
  if (!row.cells.some((c) => c.unknown === true)) return row;
  return {
    ...row,
    cells: row.cells.map((c) => {
      if (c.unknown !== true) return c;
      const zero = amountCell(0, profile, c.ref);
      return { ...zero, ...(c.colSpan !== undefined ? { colSpan: c.colSpan } : {}) };
    }),
  };
}
