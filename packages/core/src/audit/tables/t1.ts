/** 表一 收入支出决算总表: income side and expenditure side by their row labels. */
import type { LocatedTable } from '../table-locate.ts';
import {
  assignColumns,
  headerCells,
  labelKey,
  readLabelRows,
  splitHeader,
  type RowRead,
  type ValueColumn,
} from '../table-read.ts';
import { T1_LEFT, T1_RIGHT, T1_STARTS } from './labels.ts';
import {
  type DataRow,
  type TableRead,
  type Context,
  amountText,
  isDataLine,
  sides,
  matchLabel,
  classCode,
  splitSides,
} from './read-common.ts';

export function readT1(loc: LocatedTable, ctx: Context): TableRead {
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l, T1_STARTS));
  const cells = headerCells(header);
  const s = sides(cells, undefined);
  const right = s?.rightCols[s.rightCols.length - 1];
  if (!s?.left || !right) {
    problems.push('表头中找不到收入、支出两侧的「决算数」列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const leftCol: ValueColumn = { id: 'left', x: s.left.x, x2: s.left.x2, label: '收入决算数' };
  const rightCol: ValueColumn = { id: 'right', x: right.x, x2: right.x2, label: '支出决算数' };
  const { leftLabels, rightLabels, values } = splitSides(body, s.boundary, cells);
  const colOf = assignColumns(values, [leftCol, rightCol]);
  const leftOut = readLabelRows({
    labels: leftLabels,
    values: values.filter((v) => colOf.get(v) === leftCol),
    columns: [{ ...leftCol, id: 'amount' }],
    rowStarts: Object.values(T1_LEFT).flat(),
    unit: ctx.unit,
  });
  const rightOut = readLabelRows({
    labels: rightLabels,
    values: values.filter((v) => colOf.get(v) === rightCol),
    columns: [{ ...rightCol, id: 'amount' }],
    rowStarts: Object.values(T1_RIGHT).flat(),
    unit: ctx.unit,
  });
  problems.push(...leftOut.problems, ...rightOut.problems);
  const rows: DataRow[] = [];
  const evidence = new Map<string, { page: number; text: string }>();
  const seen = new Set<string>();
  const push = (key: { row?: string; code?: string }, r: RowRead) => {
    const k = key.row ?? key.code ?? '';
    if (seen.has(k)) {
      problems.push(`第 ${r.page} 页「${r.label}」重复出现`);
      return;
    }
    seen.add(k);
    const c = r.cells.get('amount');
    if (c?.placeholder) problems.push(`第 ${r.page} 页「${r.label}」行有占位符「${c.text}」`);
    const row: DataRow = { ...key, name: key.code ? labelKey(r.label) : r.label };
    row['amount'] = c && !c.placeholder ? amountText(c) : '0';
    rows.push(row);
    evidence.set(k, { page: r.page, text: r.label });
  };
  for (const r of leftOut.rows) {
    const id = matchLabel(r.label, T1_LEFT);
    if (id) push({ row: id }, r);
    else if (r.cells.size > 0) problems.push(`第 ${r.page} 页收入方「${r.label}」不是表一的收入项目`);
    else notes.push(`第 ${r.page} 页收入方「${r.label}」未读取`);
  }
  for (const r of rightOut.rows) {
    const id = matchLabel(r.label, T1_RIGHT);
    if (id) {
      push({ row: id }, r);
      continue;
    }
    const code = classCode(r.label, ctx);
    if (code) push({ code }, r);
    else if (r.cells.size > 0)
      problems.push(`第 ${r.page} 页支出方「${r.label}」找不到对应的支出功能分类类级科目`);
    else notes.push(`第 ${r.page} 页支出方「${r.label}」未读取`);
  }
  return { rows, evidence, problems, notes };
}
