/** 表七 财政拨款“三公”经费支出决算表: the items as columns or as rows, budget and final figures. */
import { overlap, type Token } from '../table-geometry.ts';
import type { LocatedTable } from '../table-locate.ts';
import {
  assignColumns,
  headerCells,
  isParentCell,
  labelKey,
  readLabelRows,
  splitHeader,
  type HeaderCell,
  type ValueColumn,
} from '../table-read.ts';
import { T7_ITEMS, t7Item } from './labels.ts';
import { type DataRow, type TableRead, type Context, amountText, isDataLine } from './read-common.ts';

type Which = 'budget' | 'final';
const which = (c: HeaderCell): Which | undefined =>
  /决算/.test(c.norm) ? 'final' : /预算/.test(c.norm) ? 'budget' : undefined;
const centre = (c: { x: number; x2: number }) => (c.x + c.x2) / 2;
const ROW_STARTS = ['合计', '因公出国', '公务用车', '其中', '公务接待', '小计'];

/**
 * 表七 in one of its three layouts: the items over pairs of 预算数 | 决算数, 预算数 | 决算数 over the items (both
 * with one row of figures), or the items as rows with 预算数 and 决算数 as columns.
 */
export function readT7(loc: LocatedTable, ctx: Context): TableRead {
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const leaves = cells.filter((c) => !isParentCell(c, cells));
  const whichLeaves = leaves.filter((c) => which(c) !== undefined).sort((a, b) => a.x - b.x);
  const itemLeaves = leaves.filter((c) => t7Item(c.norm) !== undefined).sort((a, b) => a.x - b.x);
  const problems: string[] = [];
  let columns: ValueColumn[];
  if (whichLeaves.length >= 4) columns = itemsOverPairs(cells, whichLeaves, problems);
  else if (itemLeaves.length >= 4) columns = pairsOverItems(cells, itemLeaves, problems);
  else return readItemRows(leaves, body, ctx);
  if (problems.length > 0) return { rows: [], evidence: new Map(), problems, notes: [] };
  return readFigureRow(columns, body, problems);
}

/** Items over pairs of 预算数 | 决算数: each pair of leaves under the item cell nearest its centre. */
function itemsOverPairs(cells: HeaderCell[], whichLeaves: HeaderCell[], problems: string[]): ValueColumn[] {
  const columns: ValueColumn[] = [];
  const itemCells = cells.filter((c) => t7Item(c.norm) !== undefined);
  const lowest = itemCells.filter(
    (c) => !itemCells.some((d) => d !== c && d.y > c.y2 + 2 && overlap(c, d) > 0),
  );
  for (let i = 0; i + 1 < whichLeaves.length; i += 2) {
    const a = whichLeaves[i]!;
    const b = whichLeaves[i + 1]!;
    const span = { x: a.x, x2: b.x2 };
    const item = [...lowest].sort(
      (p, q) => Math.abs(centre(p) - centre(span)) - Math.abs(centre(q) - centre(span)),
    )[0];
    const id = item ? t7Item(item.norm) : undefined;
    if (!id || which(a) === which(b)) {
      problems.push('表七表头的预算数、决算数无法与项目对应');
      break;
    }
    columns.push({ id: `${id}.${which(a)!}`, x: a.x, x2: a.x2, label: `${item!.text}${a.text}` });
    columns.push({ id: `${id}.${which(b)!}`, x: b.x, x2: b.x2, label: `${item!.text}${b.text}` });
  }
  return columns;
}

/** 预算数 | 决算数 over the items: each item leaf under the nearest 预算数 or 决算数 cell above it. */
function pairsOverItems(cells: HeaderCell[], itemLeaves: HeaderCell[], problems: string[]): ValueColumn[] {
  const columns: ValueColumn[] = [];
  const groups = cells.filter((c) => which(c) !== undefined);
  for (const leaf of itemLeaves) {
    const g = [...groups]
      .filter((c) => c.y2 < leaf.y)
      .sort((p, q) => Math.abs(centre(p) - centre(leaf)) - Math.abs(centre(q) - centre(leaf)))[0];
    if (!g) {
      problems.push('表七表头的项目无法与预算数、决算数对应');
      break;
    }
    columns.push({
      id: `${t7Item(leaf.norm)!}.${which(g)!}`,
      x: leaf.x,
      x2: leaf.x2,
      label: `${g.text}${leaf.text}`,
    });
  }
  return columns;
}

/** Items as rows, 预算数 and 决算数 as columns. */
function readItemRows(leaves: HeaderCell[], body: Token[], ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const cols = leaves.filter((c) => which(c) !== undefined);
  const valueCols: ValueColumn[] = cols.map((c) => ({ id: which(c)!, x: c.x, x2: c.x2, label: c.text }));
  if (valueCols.length === 0) {
    problems.push('表七表头中找不到预算数、决算数');
    return { rows: [], evidence, problems, notes };
  }
  const labelRight = Math.min(...valueCols.map((c) => c.x)) - 1;
  const out = readLabelRows({
    labels: body.filter((t) => t.kind === 'text' && (t.x + t.x2) / 2 < labelRight),
    values: body.filter((t) => t.kind !== 'text'),
    columns: valueCols,
    rowStarts: ROW_STARTS,
    unit: ctx.unit,
  });
  problems.push(...out.problems);
  const rows: DataRow[] = [];
  for (const r of out.rows) {
    const id = t7Item(labelKey(r.label));
    if (!id) {
      if (r.cells.size > 0) problems.push(`第 ${r.page} 页「${r.label}」不是表七的项目`);
      continue;
    }
    const row: DataRow = { row: id };
    for (const c of valueCols) {
      const cell = r.cells.get(c.id);
      if (cell?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${cell.text}」`);
      else row[c.id] = cell ? amountText(cell) : '0';
    }
    rows.push(row);
    evidence.set(id, { page: r.page, text: r.label });
  }
  return { rows, evidence, problems, notes };
}

/** The one row of figures under item × 预算数/决算数 columns: one data row per item, in the order of 表七. */
function readFigureRow(columns: ValueColumn[], body: Token[], problems: string[]): TableRead {
  const notes: string[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.id)) problems.push(`表七表头有两列都是「${c.label}」`);
    seen.add(c.id);
  }
  const values = body.filter((t) => t.kind !== 'text');
  const texts = body.filter((t) => t.kind === 'text');
  if (texts.length > 0)
    notes.push(
      `表七数字行中的文字未读取：${texts
        .map((t) => t.text)
        .slice(0, 5)
        .join('、')}`,
    );
  const ys = [...new Set(values.map((v) => `${v.page}:${Math.round(v.y / 3)}`))];
  const first = values[0];
  if (first && values.some((v) => v.page !== first.page || Math.abs(v.y - first.y) > 0.6 * v.h)) {
    problems.push(`表七有 ${ys.length} 行数字，应只有一行`);
    return { rows: [], evidence, problems, notes };
  }
  const colOf = assignColumns(values, columns);
  const byItem = new Map<string, DataRow>();
  for (const c of columns) {
    const [item] = c.id.split('.');
    if (!byItem.has(item!)) byItem.set(item!, { row: item });
  }
  for (const v of values) {
    const c = colOf.get(v);
    if (!c) continue;
    const [item, w] = c.id.split('.') as [string, string];
    const row = byItem.get(item)!;
    if (row[w] !== undefined) {
      problems.push(`表七「${c.label}」有两个数`);
      continue;
    }
    if (v.kind === 'placeholder') {
      problems.push(`表七「${c.label}」是占位符「${v.text}」`);
      continue;
    }
    row[w] = amountText({ text: v.text, dash: v.kind === 'dash' });
  }
  const rows: DataRow[] = [];
  for (const item of T7_ITEMS) {
    const row = byItem.get(item);
    if (!row) continue;
    for (const c of columns) {
      const [it, w] = c.id.split('.') as [string, string];
      if (it === item && row[w] === undefined) row[w] = '0';
    }
    rows.push(row);
    if (first)
      evidence.set(item, {
        page: first.page,
        text: columns.find((c) => c.id.startsWith(item))?.label ?? item,
      });
  }
  return { rows, evidence, problems, notes };
}
