import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t5-items-budget',
    title: '一般公共预算财政拨款支出各项决算数与年初预算数有差异时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应对决算数与预算数的差异作出说明；中央部门和上海市部门决算公开模板逐项列示年初预算数与决算数及差异原因',
    description:
      '表五每个项级科目的决算数与年初预算数不同时，应写明差异的主要原因（中央、上海等地区口径要求）。',
  },
  {
    requirement: { compare: 'budget', setting: 't5Items' },
    subjects: { kind: 't5-items' },
    notRequired: '逐项说明一般公共预算财政拨款支出与年初预算的差异原因',
  },
);
