import { checkBalance } from '../arithmetic.ts';
import { T4_FUND_COLUMNS } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't4-fund-balance',
  title: '财政拨款收入支出决算总表：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余',
  severity: 'error',
  category: 't4',
  basis: '部门决算报表表内审核关系：表四每类财政拨款的年初结转和结余加本年收入等于本年支出加年末结转和结余',
  description:
    '对一般公共预算、政府性基金预算、国有资本经营预算三列分别检查：年初财政拨款结转和结余 + 本年收入合计 = 本年支出合计 + 年末财政拨款结转和结余。',
  check(ctx) {
    for (const c of T4_FUND_COLUMNS) {
      checkBalance(
        ctx,
        [
          { table: 't4', row: 'openingCarryover', column: c },
          { table: 't4', row: 'incomeTotal', column: c },
        ],
        [
          { table: 't4', row: 'expenditureTotal', column: c },
          { table: 't4', row: 'closingCarryover', column: c },
        ],
        { what: '年初结转和结余与本年收入之和应等于本年支出与年末结转和结余之和' },
      );
    }
  },
};
