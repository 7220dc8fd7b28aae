import { hierarchyRule } from '../families/hierarchy.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = hierarchyRule(
  {
    id: 't3-hierarchy',
    title: '支出决算表：类 = 所属款之和，款 = 所属项之和',
    severity: 'error',
    category: 't3',
    basis:
      '部门决算报表表内审核关系：表三按支出功能分类列示，类级数等于所属款级数之和，款级数等于所属项级数之和（各列分别检查）',
    description: '对表三每一列，检查每个类等于其下所列款之和、每个款等于其下所列项之和。',
  },
  { kind: 'code-rows' },
);
