import { checkSum } from '../arithmetic.ts';
import { T1_INCOME_ROWS } from '../../model/tables.ts';
import type { CellRef, Rule } from '../types.ts';

const t1 = (row: string): CellRef => ({ table: 't1', row, column: 'amount' });

export const rule: Rule = {
  id: 't1-income-total',
  title: '收入支出决算总表：本年收入合计 = 各项收入之和',
  severity: 'error',
  category: 't1',
  basis:
    '部门决算报表表内审核关系：表一“本年收入合计”等于三项财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入之和',
  description: '检查表一本年收入合计等于八个收入行之和（按四舍五入区间规则）。',
  check(ctx) {
    checkSum(ctx, t1('incomeTotal'), T1_INCOME_ROWS.map(t1), { what: '本年收入合计应等于各项收入之和' });
  },
};
