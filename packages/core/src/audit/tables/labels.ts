/** Column and row labels of the tables as printed, folded as headers and labels are folded (from the glossary). */
import { foldedLabels, shortName, type TermId } from '../../glossary/glossary.ts';
import { T4_FUND_COLUMNS, type TableId } from '../../model/tables.ts';
import { fold } from '../table-geometry.ts';

/** Folded labels of glossary terms, as headers and row labels are folded. */
export const L = (...ids: TermId[]): string[] => foldedLabels(fold, ...ids);

/**
 * Column labels as printed, folded, by column id (a `budget.` prefix: the 年初预算数 of that column): the
 * glossary's labels of the terms a header may name there (合计 and 小计 name the total column).
 */
export const COLUMN_LABELS: Readonly<Partial<Record<TableId, Readonly<Record<string, readonly string[]>>>>> =
  {
    t2: {
      total: L('incomeTotal', 'total'),
      fiscal: L('fiscalIncome'),
      superiorSubsidy: L('superiorSubsidy'),
      businessIncome: L('businessIncome'),
      operatingIncome: L('operatingIncome'),
      subsidiaryRemittance: L('subsidiaryRemittance'),
      otherIncome: L('otherIncome'),
    },
    t3: {
      total: L('expenditureTotal', 'total'),
      basic: L('basicExpenditure'),
      project: L('projectExpenditure'),
      remittance: L('remittanceToSuperior'),
      operating: L('operatingExpenditure'),
      subsidiaryGrant: L('subsidiaryGrant'),
    },
    t5: {
      total: L('total', 'subtotal', 'expenditureTotal', 'finalAmount'),
      basic: L('basicExpenditure'),
      project: L('projectExpenditure'),
      'budget.total': L('initialBudget'),
    },
    t8: {
      opening: L('openingCarryover', 'fiscalOpeningCarryover'),
      income: L('incomeTotal'),
      expenditure: L('expenditureTotal', 'total', 'subtotal'),
      basic: L('basicExpenditure'),
      project: L('projectExpenditure'),
      closing: L('closingCarryover', 'fiscalClosingCarryover'),
    },
  };
export const FUND_TABLE_LABELS = COLUMN_LABELS.t8!;

/** The total column of a classified table and the columns that add up to it. */
export const PART_COLUMNS: Readonly<Partial<Record<TableId, { total: string; parts: readonly string[] }>>> = {
  t2: {
    total: 'total',
    parts: [
      'fiscal',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemittance',
      'otherIncome',
    ],
  },
  t3: { total: 'total', parts: ['basic', 'project', 'remittance', 'operating', 'subsidiaryGrant'] },
  t4: { total: 'total', parts: T4_FUND_COLUMNS },
  t5: { total: 'total', parts: ['basic', 'project'] },
  t8: { total: 'expenditure', parts: ['basic', 'project'] },
  t9: { total: 'expenditure', parts: ['basic', 'project'] },
};

export const AMOUNT_HEADER_RE = /^(?:本年)?(?:决算数|金额|决算金额)$/;

/** 表一's rows by the labels they are printed with: each side's 总计 is the grand total of that side. */
export const T1_LEFT: Readonly<Record<string, readonly string[]>> = {
  generalBudget: L('generalBudgetIncome'),
  governmentFund: L('governmentFundIncome'),
  stateCapital: L('stateCapitalIncome'),
  superiorSubsidy: L('superiorSubsidy'),
  businessIncome: L('businessIncome'),
  operatingIncome: L('operatingIncome'),
  subsidiaryRemittance: L('subsidiaryRemittance'),
  otherIncome: L('otherIncome'),
  incomeTotal: L('incomeTotal'),
  useOfNonFiscalBalance: L('useOfNonFiscalBalance'),
  openingCarryover: L('openingCarryover'),
  incomeGrandTotal: L('grandTotal', 'incomeGrandTotal'),
};
export const T1_RIGHT: Readonly<Record<string, readonly string[]>> = {
  expenditureTotal: L('expenditureTotal'),
  surplusDistribution: L('surplusDistribution'),
  closingCarryover: L('closingCarryover'),
  expenditureGrandTotal: L('grandTotal', 'expenditureGrandTotal'),
};
/** The three kinds of 财政拨款 by the words their labels and headers begin with. */
export const FUND_KIND_PREFIX: readonly (readonly [(typeof T4_FUND_COLUMNS)[number], string])[] = [
  ['generalBudget', fold(shortName('generalBudgetFunds'))],
  ['governmentFund', fold(shortName('governmentFundFunds'))],
  ['stateCapital', fold(shortName('stateCapitalFunds'))],
];

export const T7_ITEMS = [
  'total',
  'abroad',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
] as const;
export type T7Item = (typeof T7_ITEMS)[number];

export function t7Item(norm: string): T7Item | undefined {
  const n = norm.replace(/^其中[:：]?/, '').replace(/[()（）]/g, '');
  if (/^合计$|^三公经费合计$|^总计$/.test(n)) return 'total';
  if (/出国/.test(n)) return 'abroad';
  if (/^小计$/.test(n) || /购置及运行/.test(n)) return 'vehicle';
  if (/购置费?$/.test(n) && !/运行/.test(n)) return 'vehiclePurchase';
  if (/运行/.test(n)) return 'vehicleOperation';
  if (/接待/.test(n)) return 'reception';
  return undefined;
}

export const T1_STARTS = [...Object.values(T1_LEFT).flat(), ...Object.values(T1_RIGHT).flat()];
export const T4_STARTS = L(
  'incomeTotal',
  'expenditureTotal',
  'fiscalOpeningCarryover',
  'fiscalClosingCarryover',
  'openingCarryover',
  'closingCarryover',
  'grandTotal',
  'incomeGrandTotal',
  'expenditureGrandTotal',
);
