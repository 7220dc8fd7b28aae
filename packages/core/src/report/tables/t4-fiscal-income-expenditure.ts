/**
 * 表四 财政拨款收入支出决算总表: income (项目 | 决算数: the three 财政拨款 kinds, 本年收入合计, 年初财政拨款
 * 结转和结余 and its three kinds, 总计) beside expenditure (项目 | 合计 | 一般公共预算 | 政府性基金预算 |
 * 国有资本经营预算: function 类, 本年支出合计, 年末财政拨款结转和结余, 总计), rows aligned as on the
 * 财预〔2016〕143号 form. The model keeps T4 as rows × four fund columns: the income kinds are the fund
 * columns of `incomeTotal` and `openingCarryover`.
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import type { Disclosure, Row } from '../../model/disclosure.ts';
import { T4_FUND_COLUMNS } from '../../model/tables.ts';
import type { DocCell, DocColumn, DocRow, DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import {
  amountCell,
  blankCell,
  chineseOrdinal,
  frame,
  headerRows,
  isEmptyTable,
  label,
  tableNotes,
  WIDTH,
} from './table-layout.ts';

const EXP_COLUMNS = ['total', ...T4_FUND_COLUMNS] as const;
const FUND_LABELS: Readonly<Record<(typeof T4_FUND_COLUMNS)[number], string>> = {
  generalBudget: g('generalBudgetFunds'),
  governmentFund: g('governmentFundFunds'),
  stateCapital: g('stateCapitalFunds'),
};

interface IncomeSide {
  key: string;
  text: string;
  row?: Row;
  column?: string;
  total?: boolean;
}

interface ExpenditureSide {
  key: string;
  text: string;
  row?: Row;
  total?: boolean;
}

function nameCell(text: string, total: boolean | undefined): DocCell {
  const c: DocCell = { text, align: total ? 'center' : 'left' };
  if (total) c.bold = true;
  return c;
}

/** A label of 表四, as the profile words it. */
type T4Label = (key: string, text: string) => string;

/** The two sides of 表四 side by side, row for row as the form prints them. */
function sidePairs(
  t: Disclosure['tables']['t4'],
  l: T4Label,
): [IncomeSide | undefined, ExpenditureSide | undefined][] {
  const incomeTotal = t.byKey.get('incomeTotal');
  const opening = t.byKey.get('openingCarryover');
  const kinds = (row: Row | undefined, rowKey: string): IncomeSide[] =>
    T4_FUND_COLUMNS.map((c, i) => ({
      key: `${rowKey}.${c}`,
      text: `${chineseOrdinal(i + 1)}、${l(c, FUND_LABELS[c])}`,
      row,
      column: c,
    }));
  const incomeTop = kinds(incomeTotal, 'incomeTotal');
  const classes: ExpenditureSide[] = t.rows
    .filter((r) => r.level === '类')
    .map((r, i) => ({ key: r.key, text: `${chineseOrdinal(i + 1)}、${r.name}`, row: r }));
  const pairs: [IncomeSide | undefined, ExpenditureSide | undefined][] = [];
  for (let i = 0; i < Math.max(incomeTop.length, classes.length); i++) pairs.push([incomeTop[i], classes[i]]);
  pairs.push(
    [
      {
        key: 'incomeTotal',
        text: l('incomeTotal', g('incomeTotal')),
        row: incomeTotal,
        column: 'total',
        total: true,
      },
      {
        key: 'expenditureTotal',
        text: l('expenditureTotal', g('expenditureTotal')),
        row: t.byKey.get('expenditureTotal'),
        total: true,
      },
    ],
    [
      {
        key: 'openingCarryover',
        text: l('openingCarryover', g('fiscalOpeningCarryover')),
        row: opening,
        column: 'total',
      },
      {
        key: 'closingCarryover',
        text: l('closingCarryover', g('fiscalClosingCarryover')),
        row: t.byKey.get('closingCarryover'),
      },
    ],
  );
  for (const k of kinds(opening, 'openingCarryover')) pairs.push([k, undefined]);
  pairs.push([
    {
      key: 'incomeGrandTotal',
      text: l('incomeGrandTotal', g('grandTotal')),
      row: t.byKey.get('incomeGrandTotal'),
      column: 'total',
      total: true,
    },
    {
      key: 'expenditureGrandTotal',
      text: l('expenditureGrandTotal', g('grandTotal')),
      row: t.byKey.get('expenditureGrandTotal'),
      total: true,
    },
  ]);
  return pairs;
}

/** One printed row: the income side's name and amount, the expenditure side's name and four amounts. */
function pairRow(a: IncomeSide | undefined, b: ExpenditureSide | undefined, profile: ReportProfile): DocRow {
  const cells: DocCell[] = [];
  if (a) {
    cells.push(nameCell(a.text, a.total));
    cells.push(
      a.column === undefined
        ? blankCell()
        : amountCell(a.row?.values[a.column], profile, {
            row: a.row?.key ?? a.key.split('.')[0]!,
            column: a.column,
          }),
    );
  } else cells.push(blankCell(), blankCell());
  if (b) {
    cells.push(nameCell(b.text, b.total));
    for (const c of EXP_COLUMNS)
      cells.push(amountCell(b.row?.values[c], profile, { row: b.row?.key ?? b.key, column: c }));
  } else cells.push(blankCell(), ...EXP_COLUMNS.map(() => blankCell()));
  const r: DocRow = { key: [a?.key, b?.key].filter((k) => k !== undefined).join('|'), cells };
  if (a?.total || b?.total) r.bold = true;
  return r;
}

export function buildFiscalIncomeExpenditureTable(d: Disclosure, profile: ReportProfile): DocTable {
  const t = d.tables.t4;
  const l: T4Label = (key, text) => label(profile, 't4', key, text);
  const rows: DocRow[] = sidePairs(t, l).map(([a, b]) => pairRow(a, b, profile));

  const columns: DocColumn[] = [
    { key: 'incomeItem', kind: 'text', width: WIDTH.label },
    { key: 'income', kind: 'amount', width: WIDTH.amount },
    { key: 'expenditureItem', kind: 'text', width: WIDTH.label },
    ...EXP_COLUMNS.map((c): DocColumn => ({ key: c, kind: 'amount', width: WIDTH.amount })),
  ];
  const item = l('item', g('item'));
  const header = headerRows([
    { text: l('income', g('income')), children: [{ text: item }, { text: l('amount', g('finalAmount')) }] },
    {
      text: l('expenditure', g('expenditure')),
      children: [
        { text: item },
        { text: l('total', g('total')) },
        ...T4_FUND_COLUMNS.map((c) => ({ text: l(c, FUND_LABELS[c]) })),
      ],
    },
  ]);
  return frame(d, profile, 't4', {
    columns,
    header,
    rows,
    notes: tableNotes(d, profile, 't4', isEmptyTable(t), t.emptyStatement),
    landscape: true,
  });
}
