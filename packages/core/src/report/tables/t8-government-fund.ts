/** 表八 政府性基金预算财政拨款收入支出决算表 (DOMAIN.md §4). */
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildFundTable } from './fund-table.ts';

export function buildGovernmentFundTable(d: Disclosure, profile: ReportProfile): DocTable {
  return buildFundTable(d, profile, 't8');
}
