import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t7-budget',
    title: '“三公”经费决算数与预算数有差异时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应对决算数与预算数的差异作出说明；部门决算公开说明“三公”经费“与全年预算数相比情况”模板',
    description:
      '表七合计、因公出国（境）费、公务用车购置费、公务用车运行（维护）费、公务接待费的决算数与预算数不同时，应写明差异的主要原因；公务用车两项可由小计的原因一并说明。',
  },
  {
    requirement: { compare: 'budget', setting: 't7Items' },
    subjects: { kind: 'three-public' },
    notRequired: '说明“三公”经费与预算数的差异原因',
  },
);
