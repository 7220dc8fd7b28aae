import { checkHierarchy, childRows } from '../table-checks.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const COLUMNS = TABLE_SPECS.t3.columns.map((c) => c.id);

export const rule: Rule = {
  id: 't3-hierarchy',
  title: '支出决算表：类 = 所属款之和，款 = 所属项之和',
  severity: 'error',
  category: 't3',
  basis:
    '部门决算报表表内审核关系：表三按支出功能分类列示，类级数等于所属款级数之和，款级数等于所属项级数之和（各列分别检查）；DOMAIN.md §5',
  description: '对表三每一列，检查每个类等于其下所列款之和、每个款等于其下所列项之和。',
  check(ctx) {
    const table = ctx.d.tables.t3;
    const coded = table.rows.filter((r) => r.code !== undefined);
    if (coded.length === 0) {
      ctx.insufficient('表三未列出科目行');
      return;
    }
    if (!coded.some((r) => childRows(table, r).length > 0)) {
      ctx.notApplicable('表三未列出下级科目，无需检查类、款、项的层级关系');
      return;
    }
    checkHierarchy(ctx, table, COLUMNS);
  },
};
