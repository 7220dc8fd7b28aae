/**
 * 表七 财政拨款“三公”经费支出决算表 in the common official layout: one row of figures under two header
 * groups, 预算数 and 决算数, each with 合计 | 因公出国（境）费 | 公务用车购置及运行（维护）费 (小计, 购置费,
 * 运行（维护）费) | 公务接待费 (DOMAIN.md §4; 财预〔2016〕143号 form). An empty table keeps its header and
 * the statement that the unit has no "三公" expenditure.
 */
import { glossaryName as g } from '../../glossary/glossary.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import type { DocColumn, DocTable } from '../document.ts';
import type { ReportProfile } from '../profile.ts';
import {
  amountCell,
  frame,
  headerRows,
  isEmptyTable,
  label,
  tableNotes,
  WIDTH,
  type HeaderNode,
} from './table-layout.ts';

/** Model rows of T7 in printed column order within each group. */
export const T7_ITEMS = [
  'total',
  'abroad',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
] as const;

export function buildThreePublicCostsTable(d: Disclosure, profile: ReportProfile): DocTable {
  const t = d.tables.t7;
  const l = (key: string, text: string) => label(profile, 't7', key, text);
  const group = (column: 'budget' | 'final', text: string): HeaderNode => ({
    text: l(column, text),
    children: [
      { text: l('total', g('total')) },
      { text: l('abroad', g('abroad')) },
      {
        text: l('vehicle', g('vehicle')),
        children: [
          { text: l('vehicleSubtotal', g('subtotal')) },
          { text: l('vehiclePurchase', g('vehiclePurchase')) },
          { text: l('vehicleOperation', g('vehicleOperation')) },
        ],
      },
      { text: l('reception', g('reception')) },
    ],
  });
  const columns: DocColumn[] = (['budget', 'final'] as const).flatMap((c) =>
    T7_ITEMS.map((item): DocColumn => ({ key: `${c}.${item}`, kind: 'amount', width: WIDTH.amount })),
  );
  const cells = (['budget', 'final'] as const).flatMap((c) =>
    T7_ITEMS.map((item) => amountCell(t.byKey.get(item)?.values[c], profile, { row: item, column: c })),
  );
  return frame(d, profile, 't7', {
    columns,
    header: headerRows([group('budget', g('budgetAmount')), group('final', g('finalAmount'))]),
    rows: [{ key: 'values', cells }],
    notes: tableNotes(d, profile, 't7', isEmptyTable(t), t.emptyStatement ?? d.threePublic.emptyStatement),
    landscape: true,
  });
}
