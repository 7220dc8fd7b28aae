/**
 * 表六 一般公共预算财政拨款基本支出决算表: economic 类/款 with 决算数, then 人员经费合计 and 公用经费合计
 * (DOMAIN.md §4). `t6Layout: list` prints one list; `two-sided` (Shanghai 2024) prints 人员经费 on the
 * left and 公用经费 on the right with the two totals on the last row. Which side a 类 belongs to comes
 * from the economic catalogue's group (人员经费 = 301 + 303, 公用经费 = 302 + 310 + others; DOMAIN.md §3).
 */
import { glossaryName as g, spokenName } from '../../glossary/glossary.ts';
import { builtinCatalogue } from '../../classification/builtin.ts';
import type { Disclosure, Row } from '../../model/disclosure.ts';
import type { DocCell, DocColumn, DocRow, DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import {
  amountCell,
  blankCell,
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

const PERSONNEL_CLASSES = new Set(['301', '303']);

/** Whether an economic code belongs to 人员经费 (else 公用经费). */
export function isPersonnelCode(code: string, year: number): boolean {
  const cls = code.slice(0, 3);
  const group = builtinCatalogue('economic', year)?.entries.get(cls)?.group;
  return group !== undefined ? group === '人员经费' : PERSONNEL_CLASSES.has(cls);
}

export function buildGeneralBudgetBasicExpenditureTable(d: Disclosure, profile: ReportProfile): DocTable {
  const t = d.tables.t6;
  const layout = profile.tables.codeLayout;
  const nCode = codeColumnCount(layout, 'economic');
  const l = (key: string, text: string) => label(profile, 't6', key, text);
  const amountText = l('amount', g('finalAmount'));
  const sideHeader: HeaderNode[] = [
    codeHeader(layout, 'economic'),
    { text: l('name', g('subjectName')) },
    { text: amountText },
  ];
  const codeRows = t.rows.filter((r) => r.code !== undefined);
  const personnelTotal = t.byKey.get('personnelTotal');
  const publicTotal = t.byKey.get('publicTotal');
  const personnelLabel = l('personnelTotal', g('personnelTotal'));
  const publicLabel = l('publicTotal', g('publicTotal'));

  const codeSide = (r: Row): DocCell[] => [
    ...codeCells(r.code!, layout, 'economic'),
    { text: r.name, align: 'left' },
    amountCell(r.values['amount'], profile, { row: r.key, column: 'amount' }),
  ];
  const totalSide = (row: Row | undefined, key: string, text: string): DocCell[] => [
    { text, colSpan: nCode + 1, align: 'center', bold: true },
    amountCell(row?.values['amount'], profile, { row: key, column: 'amount' }),
  ];
  const blankSide = (): DocCell[] => Array.from({ length: nCode + 2 }, blankCell);
  const notes = tableNotes(d, profile, 't6', isEmptyTable(t), t.emptyStatement);

  if (profile.tables.t6Layout === 'list') {
    const rows: DocRow[] = codeRows.map((r) => ({ key: r.key, indent: indentOf(r), cells: codeSide(r) }));
    rows.push(
      {
        key: 'personnelTotal',
        bold: true,
        cells: totalSide(personnelTotal, 'personnelTotal', personnelLabel),
      },
      { key: 'publicTotal', bold: true, cells: totalSide(publicTotal, 'publicTotal', publicLabel) },
    );
    const columns: DocColumn[] = [
      ...codeColumns(layout, 'economic'),
      { key: 'name', kind: 'text', width: WIDTH.name },
      { key: 'amount', kind: 'amount', width: WIDTH.amount },
    ];
    return frame(d, profile, 't6', { columns, header: headerRows(sideHeader), rows, notes });
  }

  const left = codeRows.filter((r) => isPersonnelCode(r.code!, d.year));
  const right = codeRows.filter((r) => !isPersonnelCode(r.code!, d.year));
  const rows: DocRow[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i];
    const b = right[i];
    rows.push({
      key: [a?.key, b?.key].filter((k) => k !== undefined).join('|'),
      cells: [...(a ? codeSide(a) : blankSide()), ...(b ? codeSide(b) : blankSide())],
    });
  }
  rows.push({
    key: 'personnelTotal|publicTotal',
    bold: true,
    cells: [
      ...totalSide(personnelTotal, 'personnelTotal', personnelLabel),
      ...totalSide(publicTotal, 'publicTotal', publicLabel),
    ],
  });
  const columns: DocColumn[] = [
    ...codeColumns(layout, 'economic', 'personnel.'),
    { key: 'personnel.name', kind: 'text', width: WIDTH.name },
    { key: 'personnel.amount', kind: 'amount', width: WIDTH.amount },
    ...codeColumns(layout, 'economic', 'public.'),
    { key: 'public.name', kind: 'text', width: WIDTH.name },
    { key: 'public.amount', kind: 'amount', width: WIDTH.amount },
  ];
  const header = headerRows([
    { text: l('personnel', spokenName('personnelTotal')), children: sideHeader },
    { text: l('public', spokenName('publicTotal')), children: sideHeader },
  ]);
  return frame(d, profile, 't6', { columns, header, rows, notes, landscape: true });
}
