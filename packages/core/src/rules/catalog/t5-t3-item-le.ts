import { t5T3AtMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = t5T3AtMostRule(
  {
    id: 't5-t3-item-le',
    title: '表五各科目合计 ≤ 表三该科目本年支出合计',
    severity: 'error',
    category: 't5',
    basis: '部门决算报表审核关系：各科目的一般公共预算财政拨款支出（表五）不大于该科目的全部支出（表三）',
    description:
      '对表五的合计行和每个科目，检查合计数不大于表三同一科目的本年支出合计；表五列有非零金额而表三（列有科目行时）未列出的科目也报告。',
  },
  'total',
  true,
);
