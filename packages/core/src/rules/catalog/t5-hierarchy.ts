import { hierarchyRule } from '../families/hierarchy.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = hierarchyRule(
  {
    id: 't5-hierarchy',
    title: '一般公共预算财政拨款支出决算表：类 = 所属款之和，款 = 所属项之和',
    severity: 'error',
    category: 't5',
    basis: '支出功能分类科目的类、款、项逐级汇总（部门决算报表编制说明）',
    description: '对表五的合计、基本支出、项目支出三列，检查每个类等于所列款之和、每个款等于所列项之和。',
  },
  {
    kind: 'table-rows',
    columns: ['total', 'basic', 'project'],
    noChildren: '表五未同时列出上级科目和下级科目',
  },
);
