import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-admin-cost-prior',
    title: '机关运行经费与上年相比有变动时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应公开机关运行经费并作出说明；部门决算公开说明“其他重要事项的情况说明（一）机关运行经费支出情况”模板',
    description: '机关运行经费的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  },
  {
    requirement: { compare: 'prior', setting: 'adminCost' },
    subjects: { kind: 'admin-cost' },
    notRequired: '说明机关运行经费与上年相比变动的原因',
  },
);
