/**
 * 表一 收入支出决算总表: income (项目 | 决算数) and expenditure (项目 | 决算数) side by side, rows aligned
 * as printed — income kinds beside the function 类, then 本年收入合计 ‖ 本年支出合计, 使用非财政拨款结余 ‖
 * 结余分配, 年初结转和结余 ‖ 年末结转和结余, 总计 ‖ 总计 (DOMAIN.md §4; 财预〔2016〕143号 form). 行次 are
 * not printed: they change between years and rows are keyed by id or code.
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import type { Disclosure, Row } from '../../model/disclosure.ts';
import { fixedRowLabel, T1_INCOME_ROWS } from '../../model/tables.ts';
import type { DocCell, DocColumn, DocRow, DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import {
  blankCell,
  chineseOrdinal,
  frame,
  headerRows,
  isEmptyTable,
  label,
  rowAmountCell,
  tableNotes,
  WIDTH,
} from './table-layout.ts';

/** One side of a printed row: a model row (or a fixed label without figures), or nothing. */
interface Side {
  key: string;
  text: string;
  row?: Row;
  /** Totals are centred and bold, as on the form. */
  total?: boolean;
}

const BOTTOM: readonly (readonly [string, string, string, string])[] = [
  // [income row, income label, expenditure row, expenditure label]
  ['incomeTotal', g('incomeTotal'), 'expenditureTotal', g('expenditureTotal')],
  ['useOfNonFiscalBalance', g('useOfNonFiscalBalance'), 'surplusDistribution', g('surplusDistribution')],
  ['openingCarryover', g('openingCarryover'), 'closingCarryover', g('closingCarryover')],
  // Each side's grand total prints as 总计.
  ['incomeGrandTotal', g('grandTotal'), 'expenditureGrandTotal', g('grandTotal')],
];
const TOTAL_ROWS = new Set(['incomeTotal', 'expenditureTotal', 'incomeGrandTotal', 'expenditureGrandTotal']);

function sideCells(side: Side | undefined, profile: ReportProfile): DocCell[] {
  if (!side) return [blankCell(), blankCell()];
  const name: DocCell = { text: side.text, align: side.total ? 'center' : 'left' };
  if (side.total) name.bold = true;
  return [name, rowAmountCell(side.row, 'amount', profile, side.key)];
}

export function buildIncomeExpenditureTable(d: Disclosure, profile: ReportProfile): DocTable {
  const t = d.tables.t1;
  const l = (key: string, text: string) => label(profile, 't1', key, text);
  const income: Side[] = T1_INCOME_ROWS.map((id, i) => {
    const row = t.byKey.get(id);
    return {
      key: id,
      row,
      text: `${chineseOrdinal(i + 1)}、${l(id, row?.name ?? fixedRowLabel('t1', id) ?? id)}`,
    };
  });
  const expenditure: Side[] = t.rows
    .filter((r) => r.level === '类')
    .map((r, i) => ({ key: r.key, row: r, text: `${chineseOrdinal(i + 1)}、${r.name}` }));
  const pairs: [Side | undefined, Side | undefined][] = [];
  for (let i = 0; i < Math.max(income.length, expenditure.length); i++)
    pairs.push([income[i], expenditure[i]]);
  for (const [inId, inText, exId, exText] of BOTTOM) {
    pairs.push([
      { key: inId, row: t.byKey.get(inId), text: l(inId, inText), total: TOTAL_ROWS.has(inId) },
      { key: exId, row: t.byKey.get(exId), text: l(exId, exText), total: TOTAL_ROWS.has(exId) },
    ]);
  }
  const rows: DocRow[] = pairs.map(([a, b]) => {
    const r: DocRow = {
      key: [a?.key, b?.key].filter((k) => k !== undefined).join('|'),
      cells: [...sideCells(a, profile), ...sideCells(b, profile)],
    };
    if (a?.total || b?.total) r.bold = true;
    return r;
  });
  const columns: DocColumn[] = [
    { key: 'incomeItem', kind: 'text', width: WIDTH.label },
    { key: 'income', kind: 'amount', width: WIDTH.amount },
    { key: 'expenditureItem', kind: 'text', width: WIDTH.label },
    { key: 'expenditure', kind: 'amount', width: WIDTH.amount },
  ];
  const item = l('item', g('item'));
  const amount = l('amount', g('finalAmount'));
  const header = headerRows([
    { text: l('income', g('income')), children: [{ text: item }, { text: amount }] },
    { text: l('expenditure', g('expenditure')), children: [{ text: item }, { text: amount }] },
  ]);
  return frame(d, profile, 't1', {
    columns,
    header,
    rows,
    notes: tableNotes(d, profile, 't1', isEmptyTable(t), t.emptyStatement),
  });
}
