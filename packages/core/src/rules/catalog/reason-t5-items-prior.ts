import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t5-items-prior',
    title: '一般公共预算财政拨款支出各项与上年相比有变动时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：一般公共预算支出应公开到功能分类项级科目并说明；部门决算公开说明“一般公共预算财政拨款支出决算具体情况”模板',
    description: '表五每个项级科目的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  },
  {
    requirement: { compare: 'prior', setting: 't5Items' },
    subjects: { kind: 't5-items' },
    notRequired: '逐项说明一般公共预算财政拨款支出与上年相比变动的原因',
  },
);
