import { checkBalance } from '../arithmetic.ts';
import { cellLabel, cellLocation, fmt } from '../cells.ts';
import { cellRef, tableTitle } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

const T4_CELL = cellRef('t4', 'expenditureTotal', 'generalBudget');

export const rule: Rule = {
  id: 't5-t4-general-total',
  title: '表五合计 = 表四本年支出合计的一般公共预算财政拨款',
  severity: 'error',
  category: 't5',
  messages: {
    't5-empty': '表五为空表，但{cell}为 {amount} {unit}：两表应一致',
  },
  basis: '部门决算报表审核关系：表五等于表四的一般公共预算财政拨款列（合计及各类）',
  description:
    '检查表五合计行的合计数等于表四“本年支出合计”行“一般公共预算财政拨款”列；表五为空表时表四该数应为零。',
  check(ctx) {
    const t5 = ctx.d.tables.t5;
    if (t5.rows.length === 0) {
      if (t5.source === undefined) {
        ctx.insufficient(`缺少${tableTitle('t5')}`);
        return;
      }
      // 空表: T4 must show no general budget expenditure.
      const v = ctx.d.tables.t4.byKey.get('expenditureTotal')?.values['generalBudget'];
      if (v === undefined) {
        ctx.insufficient(`缺少${cellLabel(ctx.d, T4_CELL)}`);
        return;
      }
      ctx.ran();
      if (v !== 0) {
        ctx.report({
          messageId: 't5-empty',
          data: { cell: cellLabel(ctx.d, T4_CELL), amount: fmt(ctx.d, v), unit: ctx.d.amountUnit },
          location: [cellLocation(ctx.d, T4_CELL)],
          expected: '0.00',
          actual: fmt(ctx.d, v),
        });
      }
      return;
    }
    if (!t5.byKey.has('total')) {
      ctx.insufficient('表五缺少「合计」行');
      return;
    }
    checkBalance(ctx, [cellRef('t5', 'total', 'total')], [T4_CELL], {
      what: '表五合计应等于表四本年支出合计的一般公共预算财政拨款',
    });
  },
};
