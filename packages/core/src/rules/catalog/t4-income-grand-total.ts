import { checkSum } from '../arithmetic.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const COLUMNS = TABLE_SPECS.t4.columns.map((c) => c.id);

export const rule: Rule = {
  id: 't4-income-grand-total',
  title: '财政拨款收入支出决算总表：收入总计 = 本年收入合计 + 年初财政拨款结转和结余',
  severity: 'error',
  category: 't4',
  basis:
    '部门决算报表表内审核关系：表四“收入总计”等于本年收入合计与年初财政拨款结转和结余之和（各列分别检查）',
  description: '对表四每一列，检查收入总计等于本年收入合计加年初财政拨款结转和结余。',
  check(ctx) {
    for (const c of COLUMNS) {
      checkSum(
        ctx,
        { table: 't4', row: 'incomeGrandTotal', column: c },
        [
          { table: 't4', row: 'incomeTotal', column: c },
          { table: 't4', row: 'openingCarryover', column: c },
        ],
        { what: '收入总计应等于本年收入合计与年初财政拨款结转和结余之和' },
      );
    }
  },
};
