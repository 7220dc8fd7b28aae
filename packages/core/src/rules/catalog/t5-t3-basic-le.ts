import { t5T3AtMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = t5T3AtMostRule(
  {
    id: 't5-t3-basic-le',
    title: '表五各科目基本支出 ≤ 表三该科目基本支出',
    severity: 'error',
    category: 't5',
    basis:
      '部门决算报表审核关系：各科目的一般公共预算财政拨款支出（表五）不大于该科目的全部支出（表三），基本支出亦然',
    description:
      '对表五的合计行和每个科目，检查基本支出不大于表三同一科目的基本支出；表三未列出的科目由 t5-t3-item-le 报告。',
  },
  'basic',
  false,
);
