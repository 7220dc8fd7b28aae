import { totalRowRule } from '../families/total-row.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = totalRowRule(
  {
    id: 't5-total-row',
    title: '一般公共预算财政拨款支出决算表：合计行 = 各类之和',
    severity: 'error',
    category: 't5',
    basis: '部门决算报表编制说明：表五合计行等于各类支出之和',
    description: '对表五的合计、基本支出、项目支出三列，检查合计行等于各类（未列类时为最上级所列科目）之和。',
  },
  { kind: 'table-rows', columns: ['total', 'basic', 'project'] },
);
