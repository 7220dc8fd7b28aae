import { checkSum } from '../arithmetic.ts';
import { classRows } from '../class-rows.ts';
import type { CellRef, Rule } from '../types.ts';

const t1 = (row: string): CellRef => ({ table: 't1', row, column: 'amount' });

export const rule: Rule = {
  id: 't1-expenditure-total',
  title: '收入支出决算总表：本年支出合计 = 各功能分类类级支出之和',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表内审核关系：表一“本年支出合计”等于按支出功能分类列示的各类支出之和',
  description: '检查表一本年支出合计等于各支出功能分类类级科目行之和；表一未列出类级科目行时记为数据不足。',
  check(ctx) {
    const classes = classRows(ctx.d.tables.t1);
    if (classes.length === 0) {
      ctx.insufficient('表一未列出支出功能分类类级科目行');
      return;
    }
    checkSum(
      ctx,
      t1('expenditureTotal'),
      classes.map((r) => t1(r.key)),
      { what: '本年支出合计应等于各类支出之和' },
    );
  },
};
