/**
 * 表八/表九 (政府性基金, 国有资本经营预算财政拨款): 年初结转和结余 | 本年收入 | 本年支出 (合计, 基本支出,
 * 项目支出) | 年末结转和结余 by function 类/款/项, or the 本年支出 group alone (central form of T9).
 */
import { glossaryName as g, spokenName } from '../../glossary/glossary.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import { buildClassifiedTable, type AmountLeaf } from './classified-table.ts';
import { label, type HeaderNode } from './table-layout.ts';

export function buildFundTable(
  d: Disclosure,
  profile: ReportProfile,
  id: 't8' | 't9',
  options: { expenditureOnly?: boolean; title?: string } = {},
): DocTable {
  const l = (key: string, text: string) => label(profile, id, key, text);
  const expenditure: HeaderNode = {
    text: l('expenditureGroup', spokenName('expenditureTotal')),
    children: [
      { text: l('expenditure', g('total')) },
      { text: l('basic', g('basicExpenditure')) },
      { text: l('project', g('projectExpenditure')) },
    ],
  };
  const expLeaves: AmountLeaf[] = ['expenditure', 'basic', 'project'].map((c) => ({ key: c, column: c }));
  const valueHeader: HeaderNode[] = options.expenditureOnly
    ? [expenditure]
    : [
        { text: l('opening', g('openingCarryover')) },
        { text: l('income', spokenName('incomeTotal')) },
        expenditure,
        { text: l('closing', g('closingCarryover')) },
      ];
  const leaves: AmountLeaf[] = options.expenditureOnly
    ? expLeaves
    : [
        { key: 'opening', column: 'opening' },
        { key: 'income', column: 'income' },
        ...expLeaves,
        { key: 'closing', column: 'closing' },
      ];
  return buildClassifiedTable(d, profile, {
    id,
    title: options.title,
    valueHeader,
    leaves,
    landscape: !options.expenditureOnly,
  });
}
