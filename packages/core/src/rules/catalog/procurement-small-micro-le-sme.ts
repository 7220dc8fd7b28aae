import { field } from '../arithmetic.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 'procurement-small-micro-le-sme',
    title: '授予小微企业合同金额 ≤ 授予中小企业合同金额',
    severity: 'error',
    category: 'other-matters',
    basis: '部门决算公开说明“其他重要事项的情况说明（二）政府采购情况”模板（其中：授予小微企业合同金额）',
    description: '授予小微企业合同金额是授予中小企业合同金额的“其中”数，不能超过它。',
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
        a: field(ctx, 'procurement.smallMicro', '授予小微企业合同金额', p.smallMicro, line),
        b: field(ctx, 'procurement.sme', '授予中小企业合同金额', p.sme, line),
        what: '授予小微企业合同金额是授予中小企业合同金额的其中数',
      },
    ];
  },
);
