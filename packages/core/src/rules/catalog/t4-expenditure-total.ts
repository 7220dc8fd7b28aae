import { checkSum } from '../arithmetic.ts';
import { classRows } from '../class-rows.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const COLUMNS = TABLE_SPECS.t4.columns.map((c) => c.id);

export const rule: Rule = {
  id: 't4-expenditure-total',
  title: '财政拨款收入支出决算总表：本年支出合计 = 各功能分类类级支出之和',
  severity: 'error',
  category: 't4',
  basis: '部门决算报表表内审核关系：表四“本年支出合计”等于按支出功能分类列示的各类支出之和（各列分别检查）',
  description:
    '对表四每一列，检查本年支出合计等于各类级科目行之和；未列类级行且本年支出合计不为零时记为数据不足。',
  check(ctx) {
    const table = ctx.d.tables.t4;
    const classes = classRows(table);
    if (classes.length === 0) {
      const totals = table.byKey.get('expenditureTotal')?.values;
      // No fiscal expenditure at all: an empty expenditure side is consistent.
      if (totals && COLUMNS.every((c) => totals[c] === 0)) {
        ctx.ran();
        return;
      }
      ctx.insufficient('表四未列出支出功能分类类级科目行');
      return;
    }
    for (const c of COLUMNS) {
      checkSum(
        ctx,
        { table: 't4', row: 'expenditureTotal', column: c },
        classes.map((r) => ({ table: 't4' as const, row: r.key, column: c })),
        { what: '本年支出合计应等于各类支出之和' },
      );
    }
  },
};
