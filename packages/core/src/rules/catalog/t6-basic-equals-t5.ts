import { checkBalance } from '../arithmetic.ts';
import { cellLabel, cellLocation, fmt } from '../cells.ts';
import { cellRef, tableTitle } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

const T5_BASIC = cellRef('t5', 'total', 'basic');

export const rule: Rule = {
  id: 't6-basic-equals-t5',
  title: '表五基本支出 = 表六人员经费合计 + 公用经费合计',
  severity: 'error',
  category: 't6',
  messages: {
    't6-empty': '{cell}为 {amount} {unit}，但表六为空表：基本支出应分列人员经费和公用经费',
  },
  basis: '部门决算报表审核关系：表五基本支出 = 表六人员经费合计 + 公用经费合计',
  description:
    '检查表五合计行的基本支出等于表六人员经费合计与公用经费合计之和（按四舍五入区间规则：如 115.68 + 9.28 与 124.97 仅因舍入相差，提示而不报错）；表六为空表时表五基本支出应为零。',
  check(ctx) {
    const t6 = ctx.d.tables.t6;
    if (t6.rows.length === 0) {
      if (t6.source === undefined) {
        ctx.insufficient(`缺少${tableTitle('t6')}`);
        return;
      }
      const v = ctx.d.tables.t5.byKey.get('total')?.values['basic'];
      if (v === undefined) {
        ctx.insufficient(`缺少${cellLabel(ctx.d, T5_BASIC)}`);
        return;
      }
      ctx.ran();
      if (v !== 0) {
        ctx.report({
          messageId: 't6-empty',
          data: { cell: cellLabel(ctx.d, T5_BASIC), amount: fmt(ctx.d, v), unit: ctx.d.amountUnit },
          location: [cellLocation(ctx.d, T5_BASIC)],
          expected: '0.00',
          actual: fmt(ctx.d, v),
        });
      }
      return;
    }
    checkBalance(
      ctx,
      [T5_BASIC],
      [cellRef('t6', 'personnelTotal', 'amount'), cellRef('t6', 'publicTotal', 'amount')],
      {
        what: '表五基本支出应等于表六人员经费合计与公用经费合计之和',
      },
    );
  },
};
