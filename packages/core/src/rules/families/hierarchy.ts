/**
 * The 类 = Σ款, 款 = Σ项 family: one factory for the hierarchy rule of each classified table
 * (部门决算报表编制说明：支出功能分类 / 经济分类科目逐级汇总；DOMAIN.md §3, §5). Each rule id keeps its
 * own small file with its meta; only the check is shared.
 */
import { TABLE_SPECS, type TableId } from '../../model/tables.ts';
import { checkFundHierarchy, hasListedChildren, hasRows, type FundTableId } from '../fiscal-table-checks.ts';
import { checkHierarchy, childRows } from '../table-checks.ts';
import type { Rule, RuleContext, RuleMeta } from '../types.ts';

/**
 * How a table says it has nothing to check:
 *  - 'code-rows': tables that always print code rows (表二、表三): none listed is missing data;
 *  - 'table-rows': an empty table is not applicable, a missing one is missing data (表五、表六);
 *  - 'fund': 表八、表九, which may be declared empty and check only the columns they give.
 */
export type HierarchyGuard =
  | { kind: 'code-rows'; columns?: readonly string[] }
  | { kind: 'table-rows'; columns: readonly string[]; noChildren: string }
  | { kind: 'fund' };

export function hierarchyRule(meta: RuleMeta & { category: TableId }, guard: HierarchyGuard): Rule {
  const table = meta.category;
  const number = TABLE_SPECS[table].number;
  const allColumns = TABLE_SPECS[table].columns.map((c) => c.id);
  const check = (ctx: RuleContext): void => {
    const t = ctx.d.tables[table];
    if (guard.kind === 'fund') {
      checkFundHierarchy(ctx, table as FundTableId);
      return;
    }
    if (guard.kind === 'table-rows') {
      if (!hasRows(ctx, t)) return;
      if (!hasListedChildren(t)) {
        ctx.notApplicable(guard.noChildren);
        return;
      }
      checkHierarchy(ctx, t, guard.columns);
      return;
    }
    const coded = t.rows.filter((r) => r.code !== undefined);
    if (coded.length === 0) {
      ctx.insufficient(`${number}未列出科目行`);
      return;
    }
    if (!coded.some((r) => childRows(t, r).length > 0)) {
      ctx.notApplicable(`${number}未列出下级科目，无需检查类、款、项的层级关系`);
      return;
    }
    checkHierarchy(ctx, t, guard.columns ?? allColumns);
  };
  return { ...meta, check };
}
