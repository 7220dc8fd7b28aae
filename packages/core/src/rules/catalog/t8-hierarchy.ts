import { hierarchyRule } from '../families/hierarchy.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = hierarchyRule(
  {
    id: 't8-hierarchy',
    title: '表八：类 = 所属款之和，款 = 所属项之和',
    severity: 'error',
    category: 't8',
    basis: '支出功能分类科目的类、款、项逐级汇总（部门决算报表编制说明）',
    description: '对表八给出的每一列，检查每个类等于所列款之和、每个款等于所列项之和。',
  },
  { kind: 'fund' },
);
