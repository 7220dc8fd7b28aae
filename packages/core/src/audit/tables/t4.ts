/** 表四 财政拨款收入支出决算总表: both sides, the three kinds of 财政拨款 as columns. */
import { T4_FUND_COLUMNS } from '../../model/tables.ts';
import type { LocatedTable } from '../table-locate.ts';
import {
  assignColumns,
  headerCells,
  labelKey,
  readLabelRows,
  splitHeader,
  type CellRead,
  type RowRead,
  type ValueColumn,
} from '../table-read.ts';
import { FUND_KIND_PREFIX, T4_STARTS } from './labels.ts';
import {
  type DataRow,
  type TableRead,
  type Context,
  amountText,
  isDataLine,
  sides,
  classCode,
  splitSides,
} from './read-common.ts';

/** The rows of 表四 as they are read, in the order first seen, each cell set once. */
class T4Rows {
  readonly byKey = new Map<string, DataRow>();
  readonly order: string[] = [];
  readonly evidence = new Map<string, { page: number; text: string }>();
  private readonly setByFigure = new Set<string>();
  constructor(
    readonly problems: string[],
    readonly notes: string[],
  ) {}

  row(key: string, base: DataRow, r: RowRead): DataRow {
    let row = this.byKey.get(key);
    if (!row) {
      row = { ...base };
      this.byKey.set(key, row);
      this.order.push(key);
      this.evidence.set(key, { page: r.page, text: r.label });
    }
    return row;
  }

  set(row: DataRow, col: string, r: RowRead, c: CellRead | undefined): void {
    if (c?.placeholder) {
      this.problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
      return;
    }
    const key = `${String(row['row'] ?? row['code'])}.${col}`;
    if (c === undefined) {
      if (row[col] === undefined) row[col] = '0';
      return;
    }
    if (this.setByFigure.has(key)) {
      this.problems.push(`第 ${r.page} 页「${r.label}」与上面的行重复`);
      return;
    }
    this.setByFigure.add(key);
    row[col] = amountText(c);
  }

  /** Fixed income rows, classes, fixed expenditure rows: the order the model expects. */
  rows(): DataRow[] {
    return this.order.map((k) => this.byKey.get(k)!);
  }
}

export function readT4(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l, T4_STARTS));
  const cells = headerCells(header);
  const s = sides(cells, /^(?:合计|小计|一般公共预算|政府性基金|国有资本经营)/);
  if (!s?.left) {
    problems.push('表头中找不到收入方的「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const rightCols = expenditureColumns(s.rightCols, problems);
  if (rightCols.length === 0) {
    problems.push('表头中找不到支出方的合计和三类财政拨款列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const leftCol: ValueColumn = { id: 'left', x: s.left.x, x2: s.left.x2, label: '收入决算数' };
  const { leftLabels, rightLabels, values } = splitSides(body, s.boundary, cells);
  const colOf = assignColumns(values, [leftCol, ...rightCols]);
  const leftOut = readLabelRows({
    labels: leftLabels,
    values: values.filter((v) => colOf.get(v) === leftCol),
    columns: [{ ...leftCol, id: 'amount' }],
    rowStarts: T4_STARTS,
    unit: ctx.unit,
  });
  const rightOut = readLabelRows({
    labels: rightLabels,
    values: values.filter((v) => colOf.get(v) !== leftCol),
    columns: rightCols,
    rowStarts: T4_STARTS,
    unit: ctx.unit,
  });
  problems.push(...leftOut.problems, ...rightOut.problems);
  const out = new T4Rows(problems, notes);
  readIncomeSide(leftOut.rows, out);
  readExpenditureSide(rightOut.rows, new Set(rightCols.map((c) => c.id)), out, ctx);
  return { rows: out.rows(), evidence: out.evidence, problems, notes };
}

/** The expenditure side's 合计 and three kinds of 财政拨款 columns (a column named twice is a problem). */
function expenditureColumns(
  cols: readonly { norm: string; text: string; x: number; x2: number }[],
  problems: string[],
): ValueColumn[] {
  const rightCols: ValueColumn[] = [];
  for (const c of cols) {
    const id = /^(?:合计|小计)/.test(c.norm)
      ? 'total'
      : FUND_KIND_PREFIX.find(([, p]) => c.norm.startsWith(p))?.[0];
    if (!id) continue;
    if (rightCols.some((x) => x.id === id)) {
      problems.push(`支出方表头有两列都像「${c.text}」`);
      continue;
    }
    rightCols.push({ id, x: c.x, x2: c.x2, label: c.text });
  }
  return rightCols;
}

/** Income side: the three kinds (of 本年收入, then of 年初结转和结余), 本年收入合计, 年初…, 总计. */
function readIncomeSide(rows: readonly RowRead[], out: T4Rows): void {
  let afterOpening = false;
  for (const r of rows) {
    const k = labelKey(r.label);
    const c = r.cells.get('amount');
    const kind = FUND_KIND_PREFIX.find(([, p]) => k.startsWith(p))?.[0];
    if (kind) {
      const key = afterOpening ? 'openingCarryover' : 'incomeTotal';
      out.set(out.row(key, { row: key }, r), kind, r, c);
    } else if (/^本年收入合计$|^收入合计$/.test(k)) {
      out.set(out.row('incomeTotal', { row: 'incomeTotal' }, r), 'total', r, c);
    } else if (/^年初/.test(k)) {
      afterOpening = true;
      out.set(out.row('openingCarryover', { row: 'openingCarryover' }, r), 'total', r, c);
    } else if (/^(?:收入)?总计$/.test(k)) {
      out.set(out.row('incomeGrandTotal', { row: 'incomeGrandTotal' }, r), 'total', r, c);
    } else if (r.cells.size > 0) out.problems.push(`第 ${r.page} 页收入方「${r.label}」不是表四的收入项目`);
    else out.notes.push(`第 ${r.page} 页收入方「${r.label}」未读取`);
  }
}

/** Expenditure side: function 类, 本年支出合计, 年末…, 总计 with the four columns. */
function readExpenditureSide(
  rows: readonly RowRead[],
  printed: ReadonlySet<string>,
  out: T4Rows,
  ctx: Context,
): void {
  let afterClosing = false;
  const fourColumns = (key: string, base: DataRow, r: RowRead) => {
    const row = out.row(key, base, r);
    for (const col of printed) out.set(row, col, r, r.cells.get(col));
    applyPartsUnknown(row, r, printed, out.notes);
  };
  for (const r of rows) {
    const k = labelKey(r.label);
    const kind = FUND_KIND_PREFIX.find(([, p]) => k.startsWith(p))?.[0];
    if (afterClosing && kind) {
      // 年末结转和结余 by kind on rows of their own: the figure is in the kind's column or in 合计.
      const c = r.cells.get(kind) ?? r.cells.get('total');
      if (c) out.set(out.row('closingCarryover', { row: 'closingCarryover' }, r), kind, r, c);
    } else if (/^本年支出合计$|^支出合计$/.test(k))
      fourColumns('expenditureTotal', { row: 'expenditureTotal' }, r);
    else if (/^年末/.test(k)) {
      afterClosing = true;
      fourColumns('closingCarryover', { row: 'closingCarryover' }, r);
    } else if (/^(?:支出)?总计$/.test(k))
      fourColumns('expenditureGrandTotal', { row: 'expenditureGrandTotal' }, r);
    else {
      const code = classCode(r.label, ctx);
      if (code) fourColumns(code, { code, name: k }, r);
      else if (r.cells.size > 0)
        out.problems.push(`第 ${r.page} 页支出方「${r.label}」找不到对应的支出功能分类类级科目`);
      else out.notes.push(`第 ${r.page} 页支出方「${r.label}」未读取`);
    }
  }
}

/** 表四 rows printing 合计 but none of the three kinds: the kinds are not printed (unknown). */
export function applyPartsUnknown(
  row: DataRow,
  r: RowRead,
  printed: ReadonlySet<string>,
  notes: string[],
): void {
  const total = r.cells.get('total');
  if (!total?.fen) return;
  if (T4_FUND_COLUMNS.some((k) => r.cells.has(k)) || !T4_FUND_COLUMNS.some((k) => printed.has(k))) return;
  for (const k of T4_FUND_COLUMNS) delete row[k];
  notes.push(`第 ${r.page} 页「${r.label}」行只有合计，三类财政拨款列空白，按未列示（未知）读取`);
}
