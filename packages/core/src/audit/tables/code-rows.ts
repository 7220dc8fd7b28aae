/**
 * Rows of a table keyed by classification code (表二、三、五、六、八、九), rebuilt from positioned text in
 * steps: the body's tokens sorted into codes, names and figures; the code sub-columns (类/款/项 printed apart,
 * or one column); code fragments wrapped in a narrow column joined; anchors (codes, figures, fixed row labels)
 * on one baseline made into one row; names attached to their row; and each row's code and cells read.
 */
import type { MoneyUnit } from '../../money/amount.ts';
import { median, overlapClusters, type Token } from '../table-geometry.ts';
import {
  assignColumns,
  joinAdjacent,
  parseCell,
  rowPlace,
  type CellRead,
  type HeaderCell,
  type ReadOutcome,
  type RowRead,
  type ValueColumn,
} from '../table-read.ts';

const FUNCTION_CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const ECONOMIC_CODE_RE = /^\d{3}(?:\d{2})?$/;

export interface CodeRowsInput {
  body: readonly Token[];
  header: readonly HeaderCell[];
  columns: readonly ValueColumn[];
  /** Tokens left of this x are codes and names; right of it, figures. */
  labelRight: number;
  codeKind: 'function' | 'economic';
  /** Fixed rows by label: row id → accepted labels (folded). */
  fixed: Readonly<Record<string, readonly string[]>>;
  unit: MoneyUnit;
}

/** One printed row being assembled: its baseline, code fragments per sub-column, figures and label parts. */
interface Slot {
  page: number;
  y: number;
  h: number;
  codes: Token[][];
  values: Token[];
  fixed?: string;
  exactLabel: Token[];
  floatLabel: Token[];
}

/** Code fragments of one sub-column that belong together; the row sits at their middle. */
interface CodeGroup {
  sub: number;
  toks: Token[];
  y: number;
  page: number;
}

/** What makes a row: a code, a figure or a fixed row label. */
interface Anchor {
  page: number;
  y: number;
  h: number;
  code?: CodeGroup;
  value?: Token;
  fixed?: { id: string; tok: Token };
}

interface Found {
  problems: string[];
  notes: string[];
}

function matchFixed(norm: string, fixed: Readonly<Record<string, readonly string[]>>): string | undefined {
  const n = norm.replace(/^其中[:：]?/, '');
  for (const [id, labels] of Object.entries(fixed)) if (labels.includes(n)) return id;
  return undefined;
}

/** The body's tokens by role: figures right of the label column, codes and names left of it. */
function sortTokens(input: CodeRowsInput, found: Found): { values: Token[]; codes: Token[]; names: Token[] } {
  const values: Token[] = [];
  const codes: Token[] = [];
  const names: Token[] = [];
  const stray: Token[] = [];
  for (const t of input.body) {
    const cx = (t.x + t.x2) / 2;
    if (t.kind === 'amount' || t.kind === 'dash' || (t.kind === 'placeholder' && cx >= input.labelRight))
      values.push(t);
    else if (t.kind === 'digits') (cx < input.labelRight ? codes : values).push(t);
    else if (cx < input.labelRight) names.push(t);
    else stray.push(t);
  }
  if (stray.length > 0)
    found.notes.push(
      `数字列中有文字，未读取：${[...new Set(stray.map((t) => t.text))].slice(0, 5).join('、')}`,
    );
  return { values, codes, names };
}

/** Code sub-columns: 类/款/项 printed apart (by their header cells, else by horizontal clusters), or one column. */
function codeSubColumns(input: CodeRowsInput, codes: readonly Token[]): Token[][] {
  const subHeads = input.header
    .filter((c) => /^(?:类|款|项)$/.test(c.norm) && c.x2 <= input.labelRight)
    .sort((a, b) => a.x - b.x);
  if (subHeads.length < 2) return overlapClusters([...codes]);
  const centre = (h: HeaderCell) => (h.x + h.x2) / 2;
  const cols: Token[][] = subHeads.map(() => []);
  for (const t of codes) {
    const cx = (t.x + t.x2) / 2;
    let bi = 0;
    subHeads.forEach((h, i) => {
      if (Math.abs(cx - centre(h)) < Math.abs(cx - centre(subHeads[bi]!))) bi = i;
    });
    cols[bi]!.push(t);
  }
  return cols;
}

/** Code fragments wrapped in a narrow column ("20" over "1") joined while the code is incomplete. */
function codeGroups(subCols: readonly Token[][], codeKind: CodeRowsInput['codeKind']): CodeGroup[] {
  const split = subCols.length > 1;
  const expected = split ? [3, 2, 2] : [];
  const merged = codeKind === 'economic' ? [3, 5] : [3, 5, 7];
  const groups: CodeGroup[] = [];
  subCols.forEach((col, si) => {
    const sorted = [...col].sort((a, b) => a.page - b.page || a.y - b.y);
    let cur: CodeGroup | undefined;
    for (const t of sorted) {
      const text = cur ? cur.toks.map((x) => x.norm).join('') : '';
      const last = cur?.toks[cur.toks.length - 1];
      const incomplete = split ? text.length < expected[si]! : !merged.includes(text.length);
      const fits = split ? text.length + t.norm.length <= expected[si]! : text.length + t.norm.length <= 7;
      if (cur && last && t.page === last.page && t.y - last.y <= 1.7 * t.h && incomplete && fits) {
        cur.toks.push(t);
        cur.y = cur.toks.reduce((s, x) => s + x.y, 0) / cur.toks.length;
        continue;
      }
      cur = { sub: si, toks: [t], y: t.y, page: t.page };
      groups.push(cur);
    }
  });
  return groups;
}

/** Anchors on one baseline make one row (slot); names that are not fixed row labels are returned apart. */
function rowSlots(
  groups: readonly CodeGroup[],
  values: readonly Token[],
  names: readonly Token[],
  input: CodeRowsInput,
  subCount: number,
  found: Found,
): { slots: Slot[]; plainNames: Token[] } {
  const anchors: Anchor[] = [];
  for (const g of groups) anchors.push({ page: g.page, y: g.y, h: g.toks[0]!.h, code: g });
  for (const v of values) anchors.push({ page: v.page, y: v.y, h: v.h, value: v });
  const plainNames: Token[] = [];
  for (const t of joinAdjacent(names)) {
    const id = matchFixed(t.norm, input.fixed);
    if (id) anchors.push({ page: t.page, y: t.y, h: t.h, fixed: { id, tok: t } });
    else plainNames.push(t);
  }
  anchors.sort((a, b) => a.page - b.page || a.y - b.y);
  const slots: Slot[] = [];
  for (const a of anchors) {
    let s = slots[slots.length - 1];
    if (!s || s.page !== a.page || a.y - s.y > 0.55 * Math.max(a.h, s.h)) {
      s = {
        page: a.page,
        y: a.y,
        h: a.h,
        codes: Array.from({ length: subCount }, () => []),
        values: [],
        exactLabel: [],
        floatLabel: [],
      };
      slots.push(s);
    }
    if (a.code) s.codes[a.code.sub]!.push(...a.code.toks);
    if (a.value) s.values.push(a.value);
    if (a.fixed) {
      if (s.fixed && s.fixed !== a.fixed.id)
        found.problems.push(`${rowPlace(a.page, a.fixed.tok.text)}与另一合计行在同一行`);
      s.fixed = a.fixed.id;
      s.exactLabel.push(a.fixed.tok);
    }
  }
  return { slots, plainNames };
}

/** Names on a row's baseline, or wrapped above/below it (joined to the nearest row; a tie is a problem). */
function attachNames(slots: readonly Slot[], names: readonly Token[], hs: number, found: Found): void {
  for (const t of names) {
    let best: Slot | undefined;
    let bestD = Infinity;
    let second = Infinity;
    for (const s of slots) {
      if (s.page !== t.page) continue;
      const d = Math.abs(s.y - t.y);
      if (d < bestD) {
        second = bestD;
        bestD = d;
        best = s;
      } else if (d < second) second = d;
    }
    if (!best || bestD > 2.4 * hs) {
      found.notes.push(`${rowPlace(t.page, t.text)}没有编码和金额，未读取`);
      continue;
    }
    if (bestD < 0.5 * t.h) best.exactLabel.push(t);
    else if (second - bestD < 0.15 * t.h)
      found.problems.push(`${rowPlace(t.page, t.text)}：换行的名称与上下两行距离相同，无法判断属于哪一行`);
    else best.floatLabel.push(t);
  }
}

/** A row's code from its sub-columns; 款/项 rows that leave the 类 (or 款) cell empty take it from above. */
function slotCode(s: Slot, split: boolean, lastCode: string[]): string {
  const parts = s.codes.map((c) =>
    [...c]
      .sort((a, b) => a.y - b.y)
      .map((t) => t.norm)
      .join(''),
  );
  if (!split || parts.join('') === '') return parts.join('');
  if (parts[0] === '' && lastCode[0]) parts[0] = lastCode[0];
  if (parts.length > 2 && parts[1] === '' && parts[2] !== '' && lastCode[1]) parts[1] = lastCode[1];
  parts.forEach((p, i) => {
    if (p !== '') {
      lastCode[i] = p;
      for (let j = i + 1; j < lastCode.length; j++) lastCode[j] = '';
    }
  });
  return parts.join('');
}

/** The figures of a row by column; two figures in one column or a figure that is not an amount are problems. */
function slotCells(
  s: Slot,
  place: string,
  input: CodeRowsInput,
  ignored: Set<string>,
  found: Found,
): Map<string, CellRead> {
  const cells = new Map<string, CellRead>();
  const byColumn = assignColumns(s.values, input.columns);
  for (const v of s.values) {
    const col = byColumn.get(v);
    if (!col) continue;
    if (col.id === 'ignore') {
      if (v.kind === 'amount') ignored.add(col.label);
      continue;
    }
    if (cells.has(col.id)) {
      found.problems.push(`${place}的「${col.label}」列有两个数：${cells.get(col.id)!.text}、${v.text}`);
      continue;
    }
    try {
      cells.set(col.id, parseCell(v, input.unit));
    } catch {
      found.problems.push(`${place}的「${v.text}」不是金额`);
    }
  }
  return cells;
}

/** Each slot as a code row, a fixed row, or a problem (figures without a code, a malformed code). */
function slotRows(slots: readonly Slot[], split: boolean, input: CodeRowsInput, found: Found): RowRead[] {
  const rows: RowRead[] = [];
  const ignored = new Set<string>();
  const lastCode: string[] = [];
  for (const s of slots) {
    const labelToks = [...s.exactLabel, ...s.floatLabel].sort((a, b) => a.y - b.y || a.x - b.x);
    const label = labelToks.map((t) => t.text).join('');
    const code = slotCode(s, split, lastCode);
    const place = rowPlace(s.page, code ? `${code} ${label}`.trim() : label || '（无名称）');
    const cells = slotCells(s, place, input, ignored, found);
    if (code !== '') {
      const re = input.codeKind === 'economic' ? ECONOMIC_CODE_RE : FUNCTION_CODE_RE;
      if (!re.test(code))
        found.problems.push(
          `${place}：编码「${code}」不是 ${input.codeKind === 'economic' ? '3 或 5' : '3、5 或 7'} 位`,
        );
      else if (s.fixed) found.problems.push(`${place}既有编码又是合计行`);
      else rows.push({ code, label, cells, page: s.page, y: s.y });
    } else if (s.fixed) {
      rows.push({ fixed: s.fixed, label, cells, page: s.page, y: s.y });
    } else if (cells.size > 0) {
      found.problems.push(`${place}有金额，但找不到它的科目编码`);
    }
  }
  if (ignored.size > 0)
    found.notes.push(`表头「${[...ignored].join('」「')}」不是本表的标准列，其中的数字未读取`);
  return rows;
}

/**
 * Rows of a table keyed by classification code: codes on the left (one column or split into 类/款/项,
 * possibly wrapped), names beside them, figures in value columns.
 */
export function readCodeRows(input: CodeRowsInput): ReadOutcome {
  const found: Found = { problems: [], notes: [] };
  const hs = median(
    input.body.map((t) => t.h),
    10,
  );
  const { values, codes, names } = sortTokens(input, found);
  const subCols = codeSubColumns(input, codes);
  if (subCols.length > 3) {
    found.problems.push(`科目编码分成了 ${subCols.length} 列，无法识别编码的排列`);
    return { rows: [], ...found };
  }
  const groups = codeGroups(subCols, input.codeKind);
  const { slots, plainNames } = rowSlots(groups, values, names, input, subCols.length, found);
  attachNames(slots, plainNames, hs, found);
  const rows = slotRows(slots, subCols.length > 1, input, found);
  return { rows, problems: found.problems, notes: found.notes };
}
