/**
 * Rebuilding table rows from positioned text, without ruling lines: the header's cells (labels wrapped
 * over several lines joined), value columns found by where the header labels stand, numbers put into
 * columns by horizontal overlap, and rows found by their anchors — a classification code (merged
 * "2010450", split "201 04 50", or wrapped "20"/"1" in a narrow column), a figure, or a row label —
 * with wrapped labels joined to the row beside them (cells are centred vertically or set at the top).
 */
import { parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import {
  fold,
  groupLines,
  ORDINAL_RE,
  overlap,
  overlapClusters,
  type Token,
  type TokenLine,
} from './table-geometry.ts';

export interface HeaderCell {
  /** Folded text of the cell, fragments joined top to bottom. */
  norm: string;
  text: string;
  page: number;
  x: number;
  x2: number;
  y: number;
  y2: number;
}

/** A value column: an id of the table spec (or `ignore` for columns the model does not keep). */
export interface ValueColumn {
  id: string;
  x: number;
  x2: number;
  label: string;
}

/** One cell as read: a figure, a dash, or a placeholder. Blank cells are absent. */
export interface CellRead {
  fen?: Fen;
  dash?: boolean;
  placeholder?: boolean;
  text: string;
}

export interface RowRead {
  /** Classification code, for code rows. */
  code?: string;
  /** Fixed row id matched from the label. */
  fixed?: string;
  /** The label as printed (wrapped lines joined). */
  label: string;
  cells: Map<string, CellRead>;
  page: number;
  y: number;
}

export interface ReadOutcome {
  rows: RowRead[];
  /** Reasons the table cannot be trusted (empty = fine). */
  problems: string[];
  /** Things worth knowing that do not make the table unreadable. */
  notes: string[];
}

/** Where a row is, for messages: 第 3 页「2010450 事业运行」行. */
export function rowPlace(page: number, label: string): string {
  return `第 ${page} 页「${label.length > 24 ? label.slice(0, 24) + '…' : label}」行`;
}

export function parseCell(t: Token, unit: MoneyUnit): CellRead {
  if (t.kind === 'dash') return { dash: true, fen: 0, text: t.text };
  if (t.kind === 'placeholder') return { placeholder: true, text: t.text };
  return { fen: parseAmount(t.text, unit).fen, text: t.text };
}

/** Whether a line is a 栏次/行次 numbering line of the header ("栏次 1 2 3 …"). */
function isNumberingLine(l: TokenLine): boolean {
  const digits = l.tokens.filter((t) => t.kind === 'digits');
  const labels = l.tokens.filter((t) => t.kind !== 'digits');
  if (digits.length < 3 || !labels.every((t) => /^(?:栏次|行次|栏|次)$/.test(t.norm))) return false;
  return digits.every((t, i) => Number(t.norm) === i + 1 || Number(t.norm) === Number(digits[0]!.norm) + i);
}

/**
 * Splits the lines of a table into header tokens (above the first line that carries data, on each
 * page: a header repeated on the next page is dropped) and body tokens. A wrapped row label whose first
 * line stands just above the first data line stays in the body.
 */
export function splitHeader(
  lines: readonly TokenLine[],
  isData: (l: TokenLine) => boolean,
): { header: Token[]; body: Token[]; pageHeaders: Map<number, Token[]> } {
  const header: Token[] = [];
  const body: Token[] = [];
  const pageHeaders = new Map<number, Token[]>();
  const pages = [...new Set(lines.map((l) => l.page))];
  pages.forEach((page, pi) => {
    const pl = lines.filter((l) => l.page === page && !isNumberingLine(l));
    const first = pl.findIndex(isData);
    const dataY = first < 0 ? Infinity : pl[first]!.y;
    const h = first < 0 ? 0 : pl[first]!.h;
    const ph: Token[] = [];
    for (const l of pl) {
      if (l.y < dataY - 0.9 * h) ph.push(...l.tokens);
      else body.push(...l.tokens);
    }
    pageHeaders.set(page, ph);
    if (pi === 0) header.push(...ph);
  });
  return { header, body, pageHeaders };
}

/** Joins text tokens that touch on one line ("三、" + "国有资本经营预算财政拨款收入"). */
export function joinAdjacent(tokens: readonly Token[]): Token[] {
  const lines = groupLines(tokens);
  const out: Token[] = [];
  for (const l of lines) {
    let cur: Token | undefined;
    for (const t of l.tokens) {
      if (
        cur &&
        cur.kind === 'text' &&
        t.kind === 'text' &&
        t.x - cur.x2 <= 0.35 * Math.max(t.h, cur.h) &&
        t.x >= cur.x
      ) {
        cur = { ...cur, text: cur.text + t.text, norm: cur.norm + t.norm, x2: Math.max(cur.x2, t.x2) };
        continue;
      }
      if (cur) out.push(cur);
      cur = { ...t };
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Header cells: text tokens stacked in one cell (overlapping horizontally, on consecutive lines) joined. */
export function headerCells(tokens: readonly Token[]): HeaderCell[] {
  const toks = joinAdjacent(tokens.filter((t) => t.kind === 'text' || t.kind === 'placeholder')).sort(
    (a, b) => a.page - b.page || a.y - b.y || a.x - b.x,
  );
  const cells: (HeaderCell & { last: Token; parts: Token[] })[] = [];
  const centre = (t: Token) => (t.x + t.x2) / 2;
  for (const t of toks) {
    let best: (typeof cells)[number] | undefined;
    // 类/款/项 are cells of their own under 科目编码, never the wrapped end of a label.
    const line = toks.filter((o) => o !== t && o.page === t.page && Math.abs(o.y - t.y) < 0.4 * t.h);
    const subHead = /^(?:类|款|项)$/.test(t.norm) && line.some((o) => /^(?:类|款|项)$/.test(o.norm));
    const sameLine = subHead ? undefined : line;
    for (const c of cells) {
      if (!sameLine) break;
      // A label over several cells of the next line is their group label, not a wrapped label.
      if (sameLine.some((o) => centre(o) >= c.last.x - 2 && centre(o) <= c.last.x2 + 2)) continue;
      const dy = t.y - c.last.y;
      if (c.page !== t.page || dy <= 0.5 * t.h || dy > 1.65 * t.h) continue;
      if (overlap(c.last, t) <= 0) continue;
      // The wrapped part of a label is set within the span of its first line (centred or left-aligned).
      const centreInside = (t.x + t.x2) / 2 >= c.last.x - 2 && (t.x + t.x2) / 2 <= c.last.x2 + 2;
      if (!centreInside) continue;
      if (!best || Math.abs(overlap(c.last, t)) > Math.abs(overlap(best.last, t))) best = c;
    }
    if (best) {
      best.parts.push(t);
      best.last = t;
      best.norm += t.norm;
      best.text += t.text;
      best.x = Math.min(best.x, t.x);
      best.x2 = Math.max(best.x2, t.x2);
      best.y2 = t.y;
    } else {
      cells.push({
        norm: t.norm,
        text: t.text,
        page: t.page,
        x: t.x,
        x2: t.x2,
        y: t.y,
        y2: t.y,
        last: t,
        parts: [t],
      });
    }
  }
  return cells.map(({ norm, text, page, x, x2, y, y2 }) => ({ norm, text, page, x, x2, y, y2 }));
}

/** Whether a header cell has another cell below it in its span (it is a group label, not a column). */
export function isParentCell(cell: HeaderCell, cells: readonly HeaderCell[]): boolean {
  return cells.some(
    (c) => c !== cell && c.y > cell.y2 + 0.5 * (cell.y2 - cell.y + 8) && overlap(c, cell) > 0,
  );
}

/** Labels of the code and name columns in a header. */
export const LABEL_HEADER_RE = /科目|编码|分类|^(?:项目|项目名称|名称|类|款|项|行次|栏次|序号)$/;

/**
 * Puts value tokens into columns: tokens that overlap horizontally form one column of figures (numbers
 * stay inside their cell, whatever their alignment), which belongs to the header label it overlaps, or
 * else to the nearest one.
 */
export function assignColumns(
  tokens: readonly Token[],
  columns: readonly ValueColumn[],
): Map<Token, ValueColumn> {
  const out = new Map<Token, ValueColumn>();
  if (columns.length === 0) return out;
  const nearest = (span: { x: number; x2: number }): ValueColumn => {
    let best = columns[0]!;
    let bestScore = -Infinity;
    for (const c of columns) {
      const o = overlap(span, c);
      if (o > bestScore) {
        bestScore = o;
        best = c;
      }
    }
    return best;
  };
  for (const cluster of overlapClusters(tokens)) {
    const span = { x: Math.min(...cluster.map((t) => t.x)), x2: Math.max(...cluster.map((t) => t.x2)) };
    const hits = columns.filter((c) => overlap(span, c) > 0);
    if (hits.length === 1) {
      for (const t of cluster) out.set(t, hits[0]!);
    } else if (hits.length > 1) {
      for (const t of cluster) out.set(t, nearest(t));
    } else {
      const c = nearest(span);
      for (const t of cluster) out.set(t, c);
    }
  }
  return out;
}

export { readCodeRows, type CodeRowsInput } from './tables/code-rows.ts';

export interface LabelRowsInput {
  /** Text tokens of the label column (one side of the table). */
  labels: readonly Token[];
  /** Value tokens with their columns. */
  values: readonly Token[];
  columns: readonly ValueColumn[];
  /** Folded label starts that begin a new row (fixed labels); ordinals ("一、") always do. */
  rowStarts: readonly string[];
  unit: MoneyUnit;
}

/**
 * Rows of a table keyed by label (表一、表四, a vertical 表七): a row starts at an ordinal ("二、") or a
 * fixed label ("本年收入合计"); lines without one continue the row above; figures belong to the row
 * whose lines they stand beside.
 */
export function readLabelRows(input: LabelRowsInput): ReadOutcome {
  const problems: string[] = [];
  const notes: string[] = [];
  const lines = groupLines(joinAdjacent(input.labels));
  interface Block {
    page: number;
    top: number;
    bottom: number;
    h: number;
    lines: TokenLine[];
    values: Token[];
  }
  const blocks: Block[] = [];
  for (const l of lines) {
    const prev = blocks[blocks.length - 1];
    const starts =
      ORDINAL_RE.test(l.norm) ||
      input.rowStarts.some((s) => l.norm.startsWith(s) || (l.norm.length >= 4 && s.startsWith(l.norm)));
    if (!prev || prev.page !== l.page || starts || l.y - prev.bottom > 1.7 * l.h) {
      blocks.push({ page: l.page, top: l.y, bottom: l.y, h: l.h, lines: [l], values: [] });
    } else {
      prev.lines.push(l);
      prev.bottom = l.y;
    }
  }
  for (const v of input.values) {
    let best: Block | undefined;
    let bestD = Infinity;
    for (const b of blocks) {
      if (b.page !== v.page) continue;
      const tol = 0.6 * Math.max(b.h, v.h);
      if (v.y < b.top - tol || v.y > b.bottom + tol) continue;
      const d = Math.abs(v.y - (b.top + b.bottom) / 2);
      if (d < bestD) {
        bestD = d;
        best = b;
      }
    }
    if (!best) {
      problems.push(`第 ${v.page} 页的金额 ${v.text} 旁边没有项目名称，无法判断属于哪一行`);
      continue;
    }
    best.values.push(v);
  }
  const rows: RowRead[] = [];
  for (const b of blocks) {
    const label = b.lines.map((l) => l.tokens.map((t) => t.text).join('')).join('');
    const place = rowPlace(b.page, label);
    const cells = new Map<string, CellRead>();
    const byColumn = assignColumns(b.values, input.columns);
    for (const v of b.values) {
      const col = byColumn.get(v);
      if (!col || col.id === 'ignore') continue;
      if (cells.has(col.id)) {
        problems.push(`${place}的「${col.label}」列有两个数：${cells.get(col.id)!.text}、${v.text}`);
        continue;
      }
      try {
        cells.set(col.id, parseCell(v, input.unit));
      } catch {
        problems.push(`${place}的「${v.text}」不是金额`);
      }
    }
    rows.push({ label, cells, page: b.page, y: (b.top + b.bottom) / 2 });
  }
  return { rows, problems, notes };
}

/** Folded label without ordinal, "其中：" and a trailing "(类)". */
export function labelKey(label: string): string {
  return fold(label)
    .replace(ORDINAL_RE, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\((?:类|款|项)\)$/, '');
}
