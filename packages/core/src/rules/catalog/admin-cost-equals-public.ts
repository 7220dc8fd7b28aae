import { checkSum, field } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'admin-cost-equals-public',
  title: '行政单位和参公单位：机关运行经费 = 表六公用经费合计',
  severity: 'error',
  category: 'other-matters',
  basis:
    '部门决算公开说明“名词解释”：机关运行经费指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，即一般公共预算财政拨款基本支出中的公用经费',
  description:
    '行政单位和参照公务员法管理的事业单位，其他重要事项中的机关运行经费应等于表六“公用经费合计”。事业单位不适用。',
  check(ctx) {
    const d = ctx.d;
    if (d.unit.kind === '事业') {
      ctx.notApplicable('事业单位的机关运行经费不要求等于公用经费（见 admin-cost-within-public）');
      return;
    }
    const a = d.adminCost;
    checkSum(
      ctx,
      field(ctx, 'adminCost.amount', '机关运行经费', a?.amount, a?.source?.line),
      [{ table: 't6', row: 'publicTotal', column: 'amount' }],
      {
        what: `${d.unit.kind === '行政' ? '行政单位' : '参公单位'}的机关运行经费应等于一般公共预算财政拨款基本支出中的公用经费`,
      },
    );
  },
};
