/**
 * The nine public tables (DOMAIN.md §4) and the 项目支出绩效自评表 as format-neutral `DocTable`s, in the
 * profile's layout (`profile.tables`): the report builder places them, the writers lay them out.
 */
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildPerformanceTables as buildPerformance } from './performance-evaluation.ts';
import { buildIncomeExpenditureTable } from './t1-income-expenditure.ts';
import { buildIncomeTable } from './t2-income.ts';
import { buildExpenditureTable } from './t3-expenditure.ts';
import { buildFiscalIncomeExpenditureTable } from './t4-fiscal-income-expenditure.ts';
import { buildGeneralBudgetExpenditureTable } from './t5-general-budget-expenditure.ts';
import { buildGeneralBudgetBasicExpenditureTable } from './t6-general-budget-basic-expenditure.ts';
import { buildThreePublicCostsTable } from './t7-three-public-costs.ts';
import { buildGovernmentFundTable } from './t8-government-fund.ts';
import { buildStateCapitalTable } from './t9-state-capital.ts';

/** 表一 … 表九 in order; an empty table is still there, with its header and the empty-table note. */
export function buildTables(d: Disclosure, profile: ReportProfile): DocTable[] {
  return [
    buildIncomeExpenditureTable(d, profile),
    buildIncomeTable(d, profile),
    buildExpenditureTable(d, profile),
    buildFiscalIncomeExpenditureTable(d, profile),
    buildGeneralBudgetExpenditureTable(d, profile),
    buildGeneralBudgetBasicExpenditureTable(d, profile),
    buildThreePublicCostsTable(d, profile),
    buildGovernmentFundTable(d, profile),
    buildStateCapitalTable(d, profile),
  ];
}

/** One 项目支出绩效自评表 per evaluated project (`perf-1`, `perf-2` …), in the order of the data. */
export function buildPerformanceTables(d: Disclosure, profile: ReportProfile): DocTable[] {
  return buildPerformance(d, profile);
}
