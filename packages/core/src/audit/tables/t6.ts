/** 表六 一般公共预算财政拨款基本支出决算表: economic classification rows, as a list or two-sided. */
import type { Token } from '../table-geometry.ts';
import type { LocatedTable } from '../table-locate.ts';
import {
  assignColumns,
  headerCells,
  LABEL_HEADER_RE,
  readCodeRows,
  splitHeader,
  type RowRead,
  type ValueColumn,
} from '../table-read.ts';
import { L, AMOUNT_HEADER_RE } from './labels.ts';
import { type DataRow, type TableRead, type Context, amountText, isDataLine } from './read-common.ts';

export function readT6(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const amounts = cells.filter((c) => AMOUNT_HEADER_RE.test(c.norm)).sort((a, b) => a.x - b.x);
  if (amounts.length === 0) {
    problems.push('表头中找不到「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const labelCells = cells.filter((c) => LABEL_HEADER_RE.test(c.norm));
  // Halves side by side (人员经费 | 公用经费): each half is codes, names and one 决算数 column.
  const bounds: number[] = [];
  for (let i = 1; i < amounts.length; i++) {
    const prev = amounts[i - 1]!;
    const nextLabels = labelCells.filter((c) => c.x > prev.x2 && c.x2 < amounts[i]!.x);
    bounds.push(
      nextLabels.length > 0 ? (prev.x2 + Math.min(...nextLabels.map((c) => c.x))) / 2 : prev.x2 + 2,
    );
  }
  const halfOf = (x: number) => {
    let i = 0;
    while (i < bounds.length && x > bounds[i]!) i++;
    return i;
  };
  const amountCols: ValueColumn[] = amounts.map((a, i) => ({ id: `h${i}`, x: a.x, x2: a.x2, label: a.text }));
  const valueToks = body.filter((t) => t.kind === 'amount' || t.kind === 'dash');
  const colOf = assignColumns(valueToks, amountCols);
  const perHalf: Token[][] = amounts.map(() => []);
  for (const t of body) {
    const col = colOf.get(t);
    const i = col ? Number(col.id.slice(1)) : halfOf((t.x + t.x2) / 2);
    perHalf[i]!.push(t);
  }
  const rows: RowRead[] = [];
  amounts.forEach((a, i) => {
    const lo = i === 0 ? -Infinity : bounds[i - 1]!;
    const hi = i < bounds.length ? bounds[i]! : Infinity;
    const out = readCodeRows({
      body: perHalf[i]!,
      header: cells.filter((c) => (c.x + c.x2) / 2 > lo && (c.x + c.x2) / 2 < hi),
      columns: [{ id: 'amount', x: a.x, x2: a.x2, label: a.text }],
      labelRight: a.x - 1,
      codeKind: 'economic',
      fixed: { personnelTotal: L('personnelTotal'), publicTotal: L('publicTotal') },
      unit: ctx.unit,
    });
    problems.push(...out.problems);
    notes.push(...out.notes);
    rows.push(...out.rows);
  });
  // A list of 款 printed without amounts under printed totals: the 款 amounts are not given (unknown).
  const codeRows = rows.filter((r) => r.code !== undefined);
  const totals = rows.filter((r) => r.fixed !== undefined && (r.cells.get('amount')?.fen ?? 0) !== 0);
  const unknownCodes =
    codeRows.length > 0 && totals.length > 0 && codeRows.every((r) => !r.cells.has('amount'));
  if (unknownCodes)
    notes.push('各经济分类科目没有金额，只有人员经费合计和公用经费合计：科目金额按未列示（未知）读取');
  const data: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  for (const r of rows) {
    const c = r.cells.get('amount');
    if (c?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
    const row: DataRow = r.code ? { code: r.code } : { row: r.fixed };
    if (r.label) row['name'] = r.label;
    if (c && !c.placeholder) row['amount'] = amountText(c);
    else if (!(unknownCodes && r.code)) row['amount'] = '0';
    data.push(row);
    evidence.set(r.code ?? r.fixed ?? '', { page: r.page, text: `${r.code ?? ''} ${r.label}`.trim() });
  }
  return { rows: data, evidence, problems, notes };
}
