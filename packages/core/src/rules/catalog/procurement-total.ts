import { checkSum, field } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'procurement-total',
  title: '政府采购支出总额 = 货物 + 工程 + 服务',
  severity: 'error',
  category: 'other-matters',
  basis: '部门决算公开说明“其他重要事项的情况说明（二）政府采购情况”模板',
  description: '政府采购支出总额应等于政府采购货物支出、工程支出、服务支出之和（按四舍五入区间规则）。',
  check(ctx) {
    const p = ctx.d.procurement;
    if (!p) {
      ctx.insufficient('缺少政府采购情况（procurement）');
      return;
    }
    const line = p.source?.line;
    checkSum(
      ctx,
      field(ctx, 'procurement.total', '政府采购支出总额', p.total, line),
      [
        field(ctx, 'procurement.goods', '政府采购货物支出', p.goods, line),
        field(ctx, 'procurement.works', '政府采购工程支出', p.works, line),
        field(ctx, 'procurement.services', '政府采购服务支出', p.services, line),
      ],
      { what: '政府采购支出总额应等于货物、工程、服务支出之和' },
    );
  },
};
