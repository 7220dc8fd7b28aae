import { field } from '../arithmetic.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 'procurement-sme-le-total',
    title: '授予中小企业合同金额 ≤ 政府采购支出总额',
    severity: 'error',
    category: 'other-matters',
    basis:
      '部门决算公开说明“其他重要事项的情况说明（二）政府采购情况”模板（授予中小企业合同金额占政府采购支出总额的比例）',
    description: '授予中小企业合同金额是政府采购支出总额的一部分，不能超过总额。',
  },
  (ctx) => {
    const p = ctx.d.procurement;
    if (!p) {
      ctx.insufficient('缺少政府采购情况（procurement）');
      return undefined;
    }
    const line = p.source?.line;
    return [
      {
        a: field(ctx, 'procurement.sme', '授予中小企业合同金额', p.sme, line),
        b: field(ctx, 'procurement.total', '政府采购支出总额', p.total, line),
        what: '授予中小企业合同金额不能超过政府采购支出总额',
      },
    ];
  },
);
