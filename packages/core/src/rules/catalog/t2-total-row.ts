import { totalRowRule } from '../families/total-row.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = totalRowRule(
  {
    id: 't2-total-row',
    title: '收入决算表：合计 = 各类之和',
    severity: 'error',
    category: 't2',
    basis: '部门决算报表表内审核关系：表二合计行等于各支出功能分类类级数之和（各列分别检查）',
    description: '对表二每一列，检查合计行等于各类（未列类级行时为最上一级所列科目）之和。',
  },
  { kind: 'all-columns' },
);
