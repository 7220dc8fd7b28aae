import { checkSum } from '../arithmetic.ts';
import type { CellRef, Rule } from '../types.ts';

const t1 = (row: string): CellRef => ({ table: 't1', row, column: 'amount' });

export const rule: Rule = {
  id: 't1-expenditure-grand-total',
  title: '收入支出决算总表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表内审核关系：表一“支出总计”等于本年支出合计、结余分配与年末结转和结余之和',
  description: '检查表一支出总计等于本年支出合计、结余分配、年末结转和结余三者之和。',
  check(ctx) {
    checkSum(
      ctx,
      t1('expenditureGrandTotal'),
      [t1('expenditureTotal'), t1('surplusDistribution'), t1('closingCarryover')],
      {
        what: '支出总计应等于本年支出合计、结余分配与年末结转和结余之和',
      },
    );
  },
};
