/**
 * 表九 国有资本经营预算财政拨款收入支出决算表; the central form (`t9ExpenditureOnly`) prints only the
 * 本年支出 columns and is named 国有资本经营预算财政拨款支出决算表 (DOMAIN.md §4).
 */
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildFundTable } from './fund-table.ts';

export const T9_EXPENDITURE_ONLY_NAME = '国有资本经营预算财政拨款支出决算表';

export function buildStateCapitalTable(d: Disclosure, profile: ReportProfile): DocTable {
  const expenditureOnly = profile.tables.t9ExpenditureOnly;
  return buildFundTable(d, profile, 't9', {
    expenditureOnly,
    title: profile.tables.names['t9'] ?? (expenditureOnly ? T9_EXPENDITURE_ONLY_NAME : undefined),
  });
}
