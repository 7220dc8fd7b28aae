import { reasonRule } from '../families/reason.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = reasonRule(
  {
    id: 'reason-t7-prior',
    title: '“三公”经费决算数与上年相比有变动时应说明主要原因',
    severity: 'error',
    category: 'reasons',
    basis:
      '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应公开“三公”经费并对增减变化作出说明；部门决算公开说明“财政拨款‘三公’经费支出决算情况说明”模板',
    description:
      '表七合计、因公出国（境）费、公务用车购置费、公务用车运行（维护）费、公务接待费的决算数与上年决算数不同时，应写明变动的主要原因；公务用车两项可由“公务用车购置及运行（维护）费”小计的原因一并说明。',
  },
  {
    requirement: { compare: 'prior', setting: 't7Items' },
    subjects: { kind: 'three-public' },
    notRequired: '说明“三公”经费与上年相比变动的原因',
  },
);
