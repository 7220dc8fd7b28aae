import { checkEconomicClassTotal } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't6-public-total',
  title: '表六公用经费合计 = 公用经费各类之和（商品和服务支出 + 资本性支出 等）',
  severity: 'error',
  category: 't6',
  basis:
    '财政部《政府收支分类科目》部门预算支出经济分类：公用经费 = 302 商品和服务支出 + 310 资本性支出（+ 口径规定的其他类，如 399）',
  description:
    '检查表六公用经费合计等于口径所列公用经费类（通常为 302、310、399）之和：列出类的用类，只列款的用款。',
  check(ctx) {
    checkEconomicClassTotal(ctx, 'publicTotal', ctx.settings.publicClasses, '公用经费');
  },
};
