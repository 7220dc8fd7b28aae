import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t5-total-prior',
    title: '一般公共预算财政拨款支出合计与上年相比有变动时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）；部门决算公开说明“一般公共预算财政拨款支出决算总体情况”模板',
    description: '表五合计的本年决算数与上年决算数不同时，应写明变动的主要原因（按地区口径要求）。',
  },
  {
    requirement: { compare: 'prior', setting: 't5Total' },
    subjects: { kind: 'rows', table: 't5', rows: ['total'], column: 'total' },
    notRequired: '说明一般公共预算财政拨款支出与上年相比变动的原因',
  },
);
