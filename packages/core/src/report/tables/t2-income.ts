/** 表二 收入决算表: 合计 and function 类/款/项 by income source (DOMAIN.md §4). */
import type { Disclosure } from '../../model/disclosure.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildClassifiedTable } from './classified-table.ts';
import { label } from './table-layout.ts';

export function buildIncomeTable(d: Disclosure, profile: ReportProfile): DocTable {
  const cols = TABLE_SPECS.t2.columns;
  return buildClassifiedTable(d, profile, {
    id: 't2',
    valueHeader: cols.map((c) => ({ text: label(profile, 't2', c.id, c.label) })),
    leaves: cols.map((c) => ({ key: c.id, column: c.id })),
    landscape: true,
  });
}
