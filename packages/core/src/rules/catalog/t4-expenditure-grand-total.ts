import { checkSum } from '../arithmetic.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

const COLUMNS = TABLE_SPECS.t4.columns.map((c) => c.id);

export const rule: Rule = {
  id: 't4-expenditure-grand-total',
  title: '财政拨款收入支出决算总表：支出总计 = 本年支出合计 + 年末财政拨款结转和结余',
  severity: 'error',
  category: 't4',
  basis:
    '部门决算报表表内审核关系：表四“支出总计”等于本年支出合计与年末财政拨款结转和结余之和（各列分别检查）',
  description: '对表四每一列，检查支出总计等于本年支出合计加年末财政拨款结转和结余。',
  check(ctx) {
    for (const c of COLUMNS) {
      checkSum(
        ctx,
        { table: 't4', row: 'expenditureGrandTotal', column: c },
        [
          { table: 't4', row: 'expenditureTotal', column: c },
          { table: 't4', row: 'closingCarryover', column: c },
        ],
        { what: '支出总计应等于本年支出合计与年末财政拨款结转和结余之和' },
      );
    }
  },
};
