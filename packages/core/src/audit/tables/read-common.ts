/** Shared steps of reading a located table: cells of a row, value columns from the header, data rows in the data-file format, the two sides of 表一/表四. */
import { normaliseNumberText, type MoneyUnit } from '../../money/amount.ts';
import type { TableId } from '../../model/tables.ts';
import { ORDINAL_RE, overlap, type Token, type TokenLine } from '../table-geometry.ts';
import {
  isParentCell,
  LABEL_HEADER_RE,
  labelKey,
  type CellRead,
  type HeaderCell,
  type ReadOutcome,
  type RowRead,
  type ValueColumn,
} from '../table-read.ts';
import { COLUMN_LABELS, FUND_TABLE_LABELS, PART_COLUMNS, AMOUNT_HEADER_RE } from './labels.ts';

/** A row in the data-file format (model/schema.ts), amounts as text in the table's unit. */
export type DataRow = Record<string, unknown>;

export interface TableRead {
  rows: DataRow[];
  /** Row key → where it is printed. */
  evidence: Map<string, { page: number; text: string }>;
  problems: string[];
  notes: string[];
}

export interface Context {
  unit: MoneyUnit;
  year: number;
  classNames: Map<string, string>;
}

export function amountText(c: CellRead): string {
  if (c.dash) return '0';
  const n = normaliseNumberText(c.text);
  return n.replace(/,/g, '');
}

/**
 * Cells of one row in the data-file format. Blank cells of printed columns are 0 (tables leave zero
 * cells blank), except where a row prints its total but none of the columns that add up to it: those
 * are not printed at all (unknown), not zero.
 */
export function rowCells(
  table: TableId,
  r: RowRead,
  printed: ReadonlySet<string>,
  unknownRows: string[],
): { values: DataRow; budget?: DataRow; placeholder?: string } {
  const values: DataRow = {};
  const budget: DataRow = {};
  let placeholder: string | undefined;
  for (const [id, c] of r.cells) {
    if (c.placeholder) {
      placeholder = c.text;
      continue;
    }
    if (id.startsWith('budget.')) budget[id.slice(7)] = amountText(c);
    else values[id] = amountText(c);
  }
  const parts = PART_COLUMNS[table];
  const partsUnknown =
    parts !== undefined &&
    r.cells.get(parts.total)?.fen !== undefined &&
    r.cells.get(parts.total)!.fen !== 0 &&
    parts.parts.every((p) => !printed.has(p) || !r.cells.has(p));
  if (partsUnknown && parts.parts.some((p) => printed.has(p)))
    unknownRows.push(`第 ${r.page} 页「${r.label}」`);
  for (const id of printed) {
    if (id.startsWith('budget.')) {
      const k = id.slice(7);
      if (budget[k] === undefined) budget[k] = '0';
      continue;
    }
    if (values[id] !== undefined) continue;
    if (partsUnknown && parts!.parts.includes(id)) continue;
    values[id] = '0';
  }
  const out: { values: DataRow; budget?: DataRow; placeholder?: string } = { values };
  if (Object.keys(budget).length > 0) out.budget = budget;
  if (placeholder !== undefined) out.placeholder = placeholder;
  return out;
}

/** Value columns of a classified table from its header cells; duplicates resolved by their group label. */
export function codeTableColumns(
  table: TableId,
  cells: readonly HeaderCell[],
  problems: string[],
): { columns: ValueColumn[]; labelRight: number } {
  const labels = COLUMN_LABELS[table] ?? FUND_TABLE_LABELS;
  const labelCells = cells.filter((c) => LABEL_HEADER_RE.test(c.norm));
  const labelHeaderRight = Math.max(-Infinity, ...labelCells.map((c) => c.x2));
  const leaves = cells.filter(
    (c) => !LABEL_HEADER_RE.test(c.norm) && !isParentCell(c, cells) && (c.x + c.x2) / 2 > labelHeaderRight,
  );
  const groups = cells.filter((c) => isParentCell(c, cells) && /预算|决算/.test(c.norm));
  const columns: ValueColumn[] = [];
  for (const leaf of leaves) {
    let id: string | undefined;
    for (const [cid, ls] of Object.entries(labels)) if (ls.includes(leaf.norm)) id = id ?? cid;
    if (id === undefined) {
      columns.push({ id: 'ignore', x: leaf.x, x2: leaf.x2, label: leaf.text });
      continue;
    }
    // A 合计/基本支出/项目支出 under 年初预算数 is the budget's column.
    const above = groups
      .filter((g) => g.y2 < leaf.y)
      .sort(
        (a, b) =>
          Math.abs((a.x + a.x2) / 2 - (leaf.x + leaf.x2) / 2) -
          Math.abs((b.x + b.x2) / 2 - (leaf.x + leaf.x2) / 2),
      )[0];
    if (above && /预算/.test(above.norm) && !/决算/.test(above.norm) && !id.startsWith('budget.'))
      id = `budget.${id}`;
    columns.push({ id, x: leaf.x, x2: leaf.x2, label: leaf.text });
  }
  const seen = new Map<string, ValueColumn>();
  for (const c of columns) {
    if (c.id === 'ignore') continue;
    const prev = seen.get(c.id);
    if (prev) problems.push(`表头有两列都像「${prev.label}」，无法判断各列`);
    seen.set(c.id, c);
  }
  const valueLeft = Math.min(Infinity, ...columns.map((c) => c.x));
  const labelRight = Number.isFinite(valueLeft) ? valueLeft - 1 : labelHeaderRight;
  return { columns, labelRight };
}

export function isDataLine(l: TokenLine, labelStarts: readonly string[] = []): boolean {
  for (const t of l.tokens) {
    if (t.kind === 'amount' || t.kind === 'dash' || t.kind === 'placeholder' || t.kind === 'digits')
      return true;
  }
  if (labelStarts.length === 0) return false;
  const n = l.tokens[0]?.norm ?? '';
  return ORDINAL_RE.test(n) || labelStarts.some((s) => n.startsWith(s));
}

export function toDataRows(
  table: TableId,
  out: ReadOutcome,
  printed: ReadonlySet<string>,
  problems: string[],
  notes: string[],
): TableRead {
  problems.push(...out.problems);
  notes.push(...out.notes);
  const rows: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const unknownRows: string[] = [];
  for (const r of out.rows) {
    const { values, budget, placeholder } = rowCells(table, r, printed, unknownRows);
    if (placeholder !== undefined) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${placeholder}」`);
    const row: DataRow = r.code ? { code: r.code } : { row: r.fixed };
    if (r.label) row['name'] = r.label;
    Object.assign(row, values);
    if (budget) row['initialBudget'] = budget;
    rows.push(row);
    evidence.set(r.code ?? r.fixed ?? '', { page: r.page, text: `${r.code ?? ''} ${r.label}`.trim() });
  }
  if (unknownRows.length > 0) {
    const total = PART_COLUMNS[table]?.total === 'expenditure' ? '本年支出合计' : '合计';
    notes.push(
      `${unknownRows.length} 行只印了${total}、各明细列空白，明细按未列示（未知）读取：${unknownRows.slice(0, 3).join('、')}${unknownRows.length > 3 ? '等' : ''}`,
    );
  }
  return { rows, evidence, problems, notes };
}

/** The two sides of 表一/表四: where the expenditure side's labels begin. */
export function sides(
  cells: readonly HeaderCell[],
  rightColumnsRe: RegExp | undefined,
): { left?: HeaderCell; rightCols: HeaderCell[]; boundary: number } | undefined {
  const amounts = cells.filter((c) => AMOUNT_HEADER_RE.test(c.norm)).sort((a, b) => a.x - b.x);
  const left = amounts[0];
  if (!left) return undefined;
  const rightCols = rightColumnsRe
    ? cells.filter((c) => c.x > left.x2 && rightColumnsRe.test(c.norm) && !isParentCell(c, cells))
    : amounts.slice(1);
  return { left, rightCols, boundary: left.x2 + 1 };
}

export function matchLabel(
  label: string,
  table: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  const k = labelKey(label);
  for (const [id, ls] of Object.entries(table)) if (ls.includes(k)) return id;
  return undefined;
}

export function classCode(label: string, ctx: Context): string | undefined {
  return ctx.classNames.get(labelKey(label));
}

export function splitSides(
  body: readonly Token[],
  boundary: number,
  cells: readonly HeaderCell[],
): { leftLabels: Token[]; rightLabels: Token[]; values: Token[] } {
  const leftLabels: Token[] = [];
  const rightLabels: Token[] = [];
  const values: Token[] = [];
  // 行次 (row numbers) of older forms are neither labels nor figures.
  const rowNumbers = cells.filter((c) => /^(?:行次|栏次|序号)$/.test(c.norm));
  for (const t of body) {
    if (t.kind === 'digits' && rowNumbers.some((c) => overlap(c, t) > 0)) continue;
    if (t.kind === 'amount' || t.kind === 'dash' || t.kind === 'placeholder' || t.kind === 'digits')
      values.push(t);
    else if (t.x >= boundary) rightLabels.push(t);
    else leftLabels.push(t);
  }
  return { leftLabels, rightLabels, values };
}
