/**
 * The nine public tables (DOMAIN.md §4) as data: columns and fixed rows with their official labels.
 * Rows are keyed by a stable id or a classification code, never by 行次.
 * Labels are the glossary's official names (glossary/glossary.ts: MoF 部门决算 forms, 财预〔2016〕143号
 * templates); regional wording lives in profiles.
 */
import { glossaryName as g, spokenName, type TermId } from '../glossary/glossary.ts';

export const TableId = {
  T1: 't1',
  T2: 't2',
  T3: 't3',
  T4: 't4',
  T5: 't5',
  T6: 't6',
  T7: 't7',
  T8: 't8',
  T9: 't9',
} as const;
export type TableId = (typeof TableId)[keyof typeof TableId];
export const TABLE_IDS: readonly TableId[] = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];

export interface ColumnSpec {
  id: string;
  label: string;
  /** The glossary term the column holds (its variants are the headers other publications print). */
  term?: TermId;
}

export interface FixedRowSpec {
  id: string;
  label: string;
  /** The glossary term of the row. */
  term?: TermId;
  /** Columns this row carries; defaults to all of the table's columns. */
  columns?: readonly string[];
}

export interface TableSpec {
  id: TableId;
  /** The glossary term of the table's name (its variants are the names other publications print). */
  term: TermId;
  /** Short number as printed in publications: 表一 … 表九. */
  number: string;
  name: string;
  columns: readonly ColumnSpec[];
  /** Fixed rows (totals, income kinds …) by id. */
  fixedRows: readonly FixedRowSpec[];
  /** Whether rows may carry classification codes, and which classification. */
  codes?: 'function' | 'economic' | 'function-class';
  /** Column ids in order (derived from `columns`). */
  columnIds: readonly string[];
  /** Fixed rows whose amounts may be negative (结余分配 may be). */
  signedRows?: readonly string[];
}

/** A column or fixed row labelled by its glossary term. */
function c(id: string, term: TermId, label = g(term)): ColumnSpec & FixedRowSpec {
  return { id, label, term };
}

function spec(s: Omit<TableSpec, 'columnIds' | 'name'>): TableSpec {
  return { ...s, name: g(s.term), columnIds: s.columns.map((x) => x.id) };
}

const T1: TableSpec = spec({
  id: 't1',
  number: '表一',
  term: 't1.name',
  columns: [c('amount', 'finalAmount')],
  fixedRows: [
    c('generalBudget', 'generalBudgetIncome'),
    c('governmentFund', 'governmentFundIncome'),
    c('stateCapital', 'stateCapitalIncome'),
    c('superiorSubsidy', 'superiorSubsidy'),
    c('businessIncome', 'businessIncome'),
    c('operatingIncome', 'operatingIncome'),
    c('subsidiaryRemittance', 'subsidiaryRemittance'),
    c('otherIncome', 'otherIncome'),
    c('incomeTotal', 'incomeTotal'),
    c('useOfNonFiscalBalance', 'useOfNonFiscalBalance'),
    c('openingCarryover', 'openingCarryover'),
    c('incomeGrandTotal', 'incomeGrandTotal'),
    c('expenditureTotal', 'expenditureTotal'),
    c('surplusDistribution', 'surplusDistribution'),
    c('closingCarryover', 'closingCarryover'),
    c('expenditureGrandTotal', 'expenditureGrandTotal'),
  ],
  codes: 'function-class',
  signedRows: ['surplusDistribution'],
});

/** T1 income rows that add up to 本年收入合计, in printed order. */
export const T1_INCOME_ROWS = [
  'generalBudget',
  'governmentFund',
  'stateCapital',
  'superiorSubsidy',
  'businessIncome',
  'operatingIncome',
  'subsidiaryRemittance',
  'otherIncome',
] as const;
export const T1_FISCAL_ROWS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;

const T2: TableSpec = spec({
  id: 't2',
  number: '表二',
  term: 't2.name',
  columns: [
    c('total', 'incomeTotal'),
    c('fiscal', 'fiscalIncome'),
    c('superiorSubsidy', 'superiorSubsidy'),
    c('businessIncome', 'businessIncome'),
    c('operatingIncome', 'operatingIncome'),
    c('subsidiaryRemittance', 'subsidiaryRemittance'),
    c('otherIncome', 'otherIncome'),
  ],
  fixedRows: [c('total', 'total')],
  codes: 'function',
});
export const T2_PART_COLUMNS = [
  'fiscal',
  'superiorSubsidy',
  'businessIncome',
  'operatingIncome',
  'subsidiaryRemittance',
  'otherIncome',
] as const;

const T3: TableSpec = spec({
  id: 't3',
  number: '表三',
  term: 't3.name',
  columns: [
    c('total', 'expenditureTotal'),
    c('basic', 'basicExpenditure'),
    c('project', 'projectExpenditure'),
    c('remittance', 'remittanceToSuperior'),
    c('operating', 'operatingExpenditure'),
    c('subsidiaryGrant', 'subsidiaryGrant'),
  ],
  fixedRows: [c('total', 'total')],
  codes: 'function',
});
export const T3_PART_COLUMNS = ['basic', 'project', 'remittance', 'operating', 'subsidiaryGrant'] as const;

const FUND_COLUMNS: readonly ColumnSpec[] = [
  c('total', 'total'),
  c('generalBudget', 'generalBudgetFunds'),
  c('governmentFund', 'governmentFundFunds'),
  c('stateCapital', 'stateCapitalFunds'),
];
export const T4_FUND_COLUMNS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;

const T4: TableSpec = spec({
  id: 't4',
  number: '表四',
  term: 't4.name',
  columns: FUND_COLUMNS,
  fixedRows: [
    c('incomeTotal', 'incomeTotal'),
    c('openingCarryover', 'fiscalOpeningCarryover'),
    c('incomeGrandTotal', 'incomeGrandTotal'),
    c('expenditureTotal', 'expenditureTotal'),
    c('closingCarryover', 'fiscalClosingCarryover'),
    c('expenditureGrandTotal', 'expenditureGrandTotal'),
  ],
  codes: 'function-class',
});

const T5: TableSpec = spec({
  id: 't5',
  number: '表五',
  term: 't5.name',
  columns: [c('total', 'total'), c('basic', 'basicExpenditure'), c('project', 'projectExpenditure')],
  fixedRows: [c('total', 'total')],
  codes: 'function',
});

const T6: TableSpec = spec({
  id: 't6',
  number: '表六',
  term: 't6.name',
  columns: [c('amount', 'finalAmount')],
  fixedRows: [c('personnelTotal', 'personnelTotal'), c('publicTotal', 'publicTotal')],
  codes: 'economic',
});

const T7: TableSpec = spec({
  id: 't7',
  number: '表七',
  term: 't7.name',
  columns: [c('budget', 'budgetAmount'), c('final', 'finalAmount')],
  fixedRows: [
    c('total', 'total'),
    c('abroad', 'abroad'),
    c('vehicle', 'vehicle'),
    c('vehiclePurchase', 'vehiclePurchase'),
    c('vehicleOperation', 'vehicleOperation'),
    c('reception', 'reception'),
  ],
});

const FUND_TABLE_COLUMNS: readonly ColumnSpec[] = [
  c('opening', 'openingCarryover'),
  c('income', 'incomeTotal', spokenName('incomeTotal')),
  c('expenditure', 'expenditureTotal'),
  c('basic', 'basicExpenditure'),
  c('project', 'projectExpenditure'),
  c('closing', 'closingCarryover'),
];

const T8: TableSpec = spec({
  id: 't8',
  number: '表八',
  term: 't8.name',
  columns: FUND_TABLE_COLUMNS,
  fixedRows: [c('total', 'total')],
  codes: 'function',
});

const T9: TableSpec = spec({
  id: 't9',
  number: '表九',
  term: 't9.name',
  columns: FUND_TABLE_COLUMNS,
  fixedRows: [c('total', 'total')],
  codes: 'function',
});

export const TABLE_SPECS: Readonly<Record<TableId, TableSpec>> = {
  t1: T1,
  t2: T2,
  t3: T3,
  t4: T4,
  t5: T5,
  t6: T6,
  t7: T7,
  t8: T8,
  t9: T9,
};

/** Label of a column in a table, for messages. */
export function columnLabel(table: TableId, column: string): string {
  const spec = TABLE_SPECS[table];
  return spec.columns.find((c) => c.id === column)?.label ?? column;
}

/** Label of a fixed row, or undefined for a code row. */
export function fixedRowLabel(table: TableId, rowId: string): string | undefined {
  return TABLE_SPECS[table].fixedRows.find((r) => r.id === rowId)?.label;
}
