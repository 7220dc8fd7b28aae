import { checkSum } from '../arithmetic.ts';
import type { CellRef, Rule } from '../types.ts';

const t1 = (row: string): CellRef => ({ table: 't1', row, column: 'amount' });

export const rule: Rule = {
  id: 't1-income-grand-total',
  title: '收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
  severity: 'error',
  category: 't1',
  basis: '部门决算报表表内审核关系：表一“收入总计”等于本年收入合计、使用非财政拨款结余与年初结转和结余之和',
  description: '检查表一收入总计等于本年收入合计、使用非财政拨款结余、年初结转和结余三者之和。',
  check(ctx) {
    checkSum(
      ctx,
      t1('incomeGrandTotal'),
      [t1('incomeTotal'), t1('useOfNonFiscalBalance'), t1('openingCarryover')],
      {
        what: '收入总计应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和',
      },
    );
  },
};
