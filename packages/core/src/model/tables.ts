/**
 * The nine public tables (DOMAIN.md §4) as data: columns and fixed rows with their official labels.
 * Rows are keyed by a stable id or a classification code, never by 行次.
 * Labels follow the MoF 部门决算 forms (财预〔2016〕143号 templates); regional wording lives in profiles.
 */

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
}

export interface FixedRowSpec {
  id: string;
  label: string;
  /** Columns this row carries; defaults to all of the table's columns. */
  columns?: readonly string[];
}

export interface TableSpec {
  id: TableId;
  /** Short number as printed in publications: 表一 … 表九. */
  number: string;
  name: string;
  columns: readonly ColumnSpec[];
  /** Fixed rows (totals, income kinds …) by id. */
  fixedRows: readonly FixedRowSpec[];
  /** Whether rows may carry classification codes, and which classification. */
  codes?: 'function' | 'economic' | 'function-class';
}

const T1: TableSpec = {
  id: 't1',
  number: '表一',
  name: '收入支出决算总表',
  columns: [{ id: 'amount', label: '决算数' }],
  fixedRows: [
    { id: 'generalBudget', label: '一般公共预算财政拨款收入' },
    { id: 'governmentFund', label: '政府性基金预算财政拨款收入' },
    { id: 'stateCapital', label: '国有资本经营预算财政拨款收入' },
    { id: 'superiorSubsidy', label: '上级补助收入' },
    { id: 'businessIncome', label: '事业收入' },
    { id: 'operatingIncome', label: '经营收入' },
    { id: 'subsidiaryRemittance', label: '附属单位上缴收入' },
    { id: 'otherIncome', label: '其他收入' },
    { id: 'incomeTotal', label: '本年收入合计' },
    { id: 'useOfNonFiscalBalance', label: '使用非财政拨款结余' },
    { id: 'openingCarryover', label: '年初结转和结余' },
    { id: 'incomeGrandTotal', label: '收入总计' },
    { id: 'expenditureTotal', label: '本年支出合计' },
    { id: 'surplusDistribution', label: '结余分配' },
    { id: 'closingCarryover', label: '年末结转和结余' },
    { id: 'expenditureGrandTotal', label: '支出总计' },
  ],
  codes: 'function-class',
};

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

const T2: TableSpec = {
  id: 't2',
  number: '表二',
  name: '收入决算表',
  columns: [
    { id: 'total', label: '本年收入合计' },
    { id: 'fiscal', label: '财政拨款收入' },
    { id: 'superiorSubsidy', label: '上级补助收入' },
    { id: 'businessIncome', label: '事业收入' },
    { id: 'operatingIncome', label: '经营收入' },
    { id: 'subsidiaryRemittance', label: '附属单位上缴收入' },
    { id: 'otherIncome', label: '其他收入' },
  ],
  fixedRows: [{ id: 'total', label: '合计' }],
  codes: 'function',
};
export const T2_PART_COLUMNS = [
  'fiscal',
  'superiorSubsidy',
  'businessIncome',
  'operatingIncome',
  'subsidiaryRemittance',
  'otherIncome',
] as const;

const T3: TableSpec = {
  id: 't3',
  number: '表三',
  name: '支出决算表',
  columns: [
    { id: 'total', label: '本年支出合计' },
    { id: 'basic', label: '基本支出' },
    { id: 'project', label: '项目支出' },
    { id: 'remittance', label: '上缴上级支出' },
    { id: 'operating', label: '经营支出' },
    { id: 'subsidiaryGrant', label: '对附属单位补助支出' },
  ],
  fixedRows: [{ id: 'total', label: '合计' }],
  codes: 'function',
};
export const T3_PART_COLUMNS = ['basic', 'project', 'remittance', 'operating', 'subsidiaryGrant'] as const;

const FUND_COLUMNS: readonly ColumnSpec[] = [
  { id: 'total', label: '合计' },
  { id: 'generalBudget', label: '一般公共预算财政拨款' },
  { id: 'governmentFund', label: '政府性基金预算财政拨款' },
  { id: 'stateCapital', label: '国有资本经营预算财政拨款' },
];
export const T4_FUND_COLUMNS = ['generalBudget', 'governmentFund', 'stateCapital'] as const;

const T4: TableSpec = {
  id: 't4',
  number: '表四',
  name: '财政拨款收入支出决算总表',
  columns: FUND_COLUMNS,
  fixedRows: [
    { id: 'incomeTotal', label: '本年收入合计' },
    { id: 'openingCarryover', label: '年初财政拨款结转和结余' },
    { id: 'incomeGrandTotal', label: '收入总计' },
    { id: 'expenditureTotal', label: '本年支出合计' },
    { id: 'closingCarryover', label: '年末财政拨款结转和结余' },
    { id: 'expenditureGrandTotal', label: '支出总计' },
  ],
  codes: 'function-class',
};

const T5: TableSpec = {
  id: 't5',
  number: '表五',
  name: '一般公共预算财政拨款支出决算表',
  columns: [
    { id: 'total', label: '合计' },
    { id: 'basic', label: '基本支出' },
    { id: 'project', label: '项目支出' },
  ],
  fixedRows: [{ id: 'total', label: '合计' }],
  codes: 'function',
};

const T6: TableSpec = {
  id: 't6',
  number: '表六',
  name: '一般公共预算财政拨款基本支出决算表',
  columns: [{ id: 'amount', label: '决算数' }],
  fixedRows: [
    { id: 'personnelTotal', label: '人员经费合计' },
    { id: 'publicTotal', label: '公用经费合计' },
  ],
  codes: 'economic',
};

const T7: TableSpec = {
  id: 't7',
  number: '表七',
  name: '财政拨款“三公”经费支出决算表',
  columns: [
    { id: 'budget', label: '预算数' },
    { id: 'final', label: '决算数' },
  ],
  fixedRows: [
    { id: 'total', label: '合计' },
    { id: 'abroad', label: '因公出国（境）费' },
    { id: 'vehicle', label: '公务用车购置及运行（维护）费' },
    { id: 'vehiclePurchase', label: '公务用车购置费' },
    { id: 'vehicleOperation', label: '公务用车运行（维护）费' },
    { id: 'reception', label: '公务接待费' },
  ],
};

const FUND_TABLE_COLUMNS: readonly ColumnSpec[] = [
  { id: 'opening', label: '年初结转和结余' },
  { id: 'income', label: '本年收入' },
  { id: 'expenditure', label: '本年支出合计' },
  { id: 'basic', label: '基本支出' },
  { id: 'project', label: '项目支出' },
  { id: 'closing', label: '年末结转和结余' },
];

const T8: TableSpec = {
  id: 't8',
  number: '表八',
  name: '政府性基金预算财政拨款收入支出决算表',
  columns: FUND_TABLE_COLUMNS,
  fixedRows: [{ id: 'total', label: '合计' }],
  codes: 'function',
};

const T9: TableSpec = {
  id: 't9',
  number: '表九',
  name: '国有资本经营预算财政拨款收入支出决算表',
  columns: FUND_TABLE_COLUMNS,
  fixedRows: [{ id: 'total', label: '合计' }],
  codes: 'function',
};

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
