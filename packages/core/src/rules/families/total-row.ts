/**
 * The 合计 = Σ类 family: one factory for the total-row rule of each classified table (部门决算报表编制说明：
 * 合计行等于各类之和；DOMAIN.md §5). Each rule id keeps its own small file with its meta.
 */
import { TABLE_SPECS, type TableId } from '../../model/tables.ts';
import { checkFundTotalRow, hasRows, type FundTableId } from '../fiscal-table-checks.ts';
import { checkTotalRow } from '../table-checks.ts';
import type { Rule, RuleContext, RuleMeta } from '../types.ts';

/**
 * Which columns and what an empty table means:
 *  - 'all-columns': every column of the table, no emptiness guard (表二、表三 always print rows);
 *  - 'table-rows': the given columns; an empty table is not applicable, a missing one is missing data (表五);
 *  - 'fund': 表八、表九, which may be declared empty and check only the columns they give.
 */
export type TotalRowGuard =
  { kind: 'all-columns' } | { kind: 'table-rows'; columns: readonly string[] } | { kind: 'fund' };

export function totalRowRule(meta: RuleMeta & { category: TableId }, guard: TotalRowGuard): Rule {
  const table = meta.category;
  const allColumns = TABLE_SPECS[table].columns.map((c) => c.id);
  const check = (ctx: RuleContext): void => {
    const t = ctx.d.tables[table];
    if (guard.kind === 'fund') checkFundTotalRow(ctx, table as FundTableId);
    else if (guard.kind === 'all-columns') checkTotalRow(ctx, t, allColumns);
    else if (hasRows(ctx, t)) checkTotalRow(ctx, t, guard.columns);
  };
  return { ...meta, check };
}
