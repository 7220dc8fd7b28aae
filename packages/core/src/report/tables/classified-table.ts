/**
 * The tables listed by 支出功能分类 (T2, T3, T5, T8, T9): 科目编码 | 科目名称 | amount columns, the 合计
 * row first, then 类/款/项 rows in the order of the data (财预〔2016〕143号 forms).
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import type { Disclosure, Row } from '../../model/disclosure.ts';
import type { TableId } from '../../model/tables.ts';
import type { DocCell, DocColumn, DocRow, DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import {
  amountCell,
  codeCells,
  codeColumnCount,
  codeColumns,
  codeHeader,
  frame,
  headerRows,
  indentOf,
  isEmptyTable,
  label,
  tableNotes,
  WIDTH,
  type HeaderNode,
} from './table-layout.ts';

/** One amount column: printed key, and where its figure comes from in the model row. */
export interface AmountLeaf {
  key: string;
  column: string;
  /** `values` (决算数, default) or `budget` (年初预算数). */
  from?: 'values' | 'budget';
}

export interface ClassifiedTableOptions {
  id: TableId;
  title?: string;
  /** Header tree of the amount columns; its leaves are `leaves`, in order. */
  valueHeader: HeaderNode[];
  leaves: AmountLeaf[];
  landscape?: boolean;
  /** Statement printed when the table is empty (else the table's own, else the profile's note). */
  emptyStatement?: string;
}

function leafCell(row: Row | undefined, leaf: AmountLeaf, profile: ReportProfile): DocCell {
  const from = leaf.from ?? 'values';
  const fen = from === 'budget' ? row?.budget?.[leaf.column] : row?.values[leaf.column];
  const column = from === 'budget' ? `budget.${leaf.column}` : leaf.column;
  return amountCell(fen, profile, { row: row?.key ?? 'total', column });
}

export function buildClassifiedTable(
  d: Disclosure,
  profile: ReportProfile,
  opts: ClassifiedTableOptions,
): DocTable {
  const table = d.tables[opts.id];
  const layout = profile.tables.codeLayout;
  const nCode = codeColumnCount(layout, 'function');
  const columns: DocColumn[] = [
    ...codeColumns(layout, 'function'),
    { key: 'name', kind: 'text', width: WIDTH.name },
    ...opts.leaves.map((l): DocColumn => ({
      key: l.from === 'budget' ? `budget.${l.column}` : l.key,
      kind: 'amount',
      width: WIDTH.amount,
    })),
  ];
  const header = headerRows([
    {
      text: label(profile, opts.id, 'item', g('item')),
      children: [codeHeader(layout, 'function'), { text: label(profile, opts.id, 'name', g('subjectName')) }],
    },
    ...opts.valueHeader,
  ]);
  const total = table.byKey.get('total');
  const rows: DocRow[] = [
    {
      key: 'total',
      bold: true,
      indent: 0,
      cells: [
        { text: total?.name ?? g('total'), colSpan: nCode + 1, align: 'center' },
        ...opts.leaves.map((l) => leafCell(total, l, profile)),
      ],
    },
  ];
  for (const r of table.rows) {
    if (r.code === undefined) continue;
    rows.push({
      key: r.key,
      indent: indentOf(r),
      cells: [
        ...codeCells(r.code, layout, 'function'),
        { text: r.name, align: 'left' },
        ...opts.leaves.map((l) => leafCell(r, l, profile)),
      ],
    });
  }
  const empty = isEmptyTable(table);
  return frame(d, profile, opts.id, {
    title: opts.title,
    columns,
    header,
    rows,
    notes: tableNotes(d, profile, opts.id, empty, table.emptyStatement ?? opts.emptyStatement),
    landscape: opts.landscape,
  });
}
