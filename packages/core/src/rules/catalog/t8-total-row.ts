import { totalRowRule } from '../families/total-row.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = totalRowRule(
  {
    id: 't8-total-row',
    title: '表八：合计行 = 各类之和',
    severity: 'error',
    category: 't8',
    basis: '部门决算报表编制说明：合计行等于各类之和',
    description: '对表八给出的每一列，检查合计行等于各类（未列类时为最上级所列科目）之和。',
  },
  { kind: 'fund' },
);
