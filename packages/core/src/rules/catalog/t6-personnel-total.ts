import { checkEconomicClassTotal } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't6-personnel-total',
  title: '表六人员经费合计 = 人员经费各类之和（工资福利支出 + 对个人和家庭的补助）',
  severity: 'error',
  category: 't6',
  basis:
    '财政部《政府收支分类科目》部门预算支出经济分类：人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助（按地区口径）',
  description:
    '检查表六人员经费合计等于口径所列人员经费类（通常为 301、303）之和：列出类的用类，只列款的用款。',
  check(ctx) {
    checkEconomicClassTotal(ctx, 'personnelTotal', ctx.settings.personnelClasses, '人员经费');
  },
};
