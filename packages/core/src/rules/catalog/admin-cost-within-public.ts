import { field } from '../arithmetic.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 'admin-cost-within-public',
    title: '事业单位：机关运行经费 ≤ 表六公用经费合计',
    severity: 'warning',
    category: 'other-matters',
    basis:
      '部门决算公开说明“名词解释”（机关运行经费）；机关运行经费对行政和参公单位等于公用经费，其他单位不超过公用经费',
    description:
      '事业单位如填报机关运行经费，其金额一般不应超过表六“公用经费合计”。行政和参公单位见 admin-cost-equals-public。',
  },
  (ctx) => {
    const d = ctx.d;
    if (d.unit.kind !== '事业') {
      ctx.notApplicable('行政单位和参公单位适用 admin-cost-equals-public');
      return undefined;
    }
    const a = d.adminCost;
    if (a?.amount === undefined) {
      ctx.notApplicable('本事业单位未填报机关运行经费');
      return undefined;
    }
    return [
      {
        a: field(ctx, 'adminCost.amount', '机关运行经费', a.amount, a.source?.line),
        b: { table: 't6', row: 'publicTotal', column: 'amount' },
        what: '事业单位的机关运行经费不应超过一般公共预算财政拨款基本支出中的公用经费',
      },
    ];
  },
);
