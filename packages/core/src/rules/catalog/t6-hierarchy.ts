import { hierarchyRule } from '../families/hierarchy.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = hierarchyRule(
  {
    id: 't6-hierarchy',
    title: '一般公共预算财政拨款基本支出决算表：类 = 所属款之和',
    severity: 'error',
    category: 't6',
    basis: '部门预算支出经济分类科目的类、款逐级汇总（部门决算报表编制说明）',
    description: '检查表六每个经济分类的类等于所列款之和。',
  },
  { kind: 'table-rows', columns: ['amount'], noChildren: '表六未同时列出类和款' },
);
