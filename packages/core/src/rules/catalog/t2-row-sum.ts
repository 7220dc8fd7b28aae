import { checkRowSums } from '../table-checks.ts';
import { T2_PART_COLUMNS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't2-row-sum',
  title: '收入决算表每行：本年收入合计 = 各项收入之和',
  severity: 'error',
  category: 't2',
  basis:
    '部门决算报表编制说明：表二各行“本年收入合计”等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入之和',
  description: '对表二的合计行和每个科目行，检查本年收入合计等于六列收入来源之和（按四舍五入区间规则）。',
  check(ctx) {
    checkRowSums(ctx, ctx.d.tables.t2, 'total', T2_PART_COLUMNS, { what: '本年收入合计应等于各项收入之和' });
  },
};
