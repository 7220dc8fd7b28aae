/** 表三、表五、表八、表九 and other tables whose rows are classification codes. */
import { TABLE_SPECS } from '../../model/tables.ts';
import type { LocatedTable } from '../table-locate.ts';
import { headerCells, readCodeRows, splitHeader } from '../table-read.ts';
import { L } from './labels.ts';
import { type TableRead, type Context, codeTableColumns, isDataLine, toDataRows } from './read-common.ts';

export function readClassified(loc: LocatedTable, ctx: Context): TableRead {
  const table = loc.id;
  const problems: string[] = [];
  const notes: string[] = [];
  const { header, body } = splitHeader(loc.lines, (l) => isDataLine(l));
  const cells = headerCells(header);
  const { columns, labelRight } = codeTableColumns(table, cells, problems);
  if (columns.filter((c) => c.id !== 'ignore').length === 0) {
    problems.push('表头中找不到任何金额列');
    return { rows: [], evidence: new Map(), problems, notes };
  }
  const out = readCodeRows({
    body,
    header: cells,
    columns,
    labelRight,
    codeKind: 'function',
    fixed: { total: L('total', 'grandTotal') },
    unit: ctx.unit,
  });
  const printed = new Set(columns.filter((c) => c.id !== 'ignore').map((c) => c.id));
  const absent = TABLE_SPECS[table].columns.filter((c) => !printed.has(c.id)).map((c) => c.label);
  if (absent.length > 0) notes.push(`表头中没有「${absent.join('」「')}」列，这些数按未列示（未知）读取`);
  return toDataRows(table, out, printed, problems, notes);
}
