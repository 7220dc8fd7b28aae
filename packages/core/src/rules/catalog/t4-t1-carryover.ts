import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 't4-t1-carryover',
    title: '表四与表一：财政拨款结转和结余不大于全部结转和结余',
    severity: 'error',
    category: 't4',
    basis: '部门决算报表表间审核关系：表四年初、年末财政拨款结转和结余是表一年初、年末结转和结余的一部分',
    description: '检查表四年初财政拨款结转和结余（合计）不大于表一年初结转和结余，年末同理。',
  },
  () => [
    {
      a: { table: 't4', row: 'openingCarryover', column: 'total' },
      b: { table: 't1', row: 'openingCarryover', column: 'amount' },
      what: '财政拨款年初结转和结余不应大于全部年初结转和结余',
    },
    {
      a: { table: 't4', row: 'closingCarryover', column: 'total' },
      b: { table: 't1', row: 'closingCarryover', column: 'amount' },
      what: '财政拨款年末结转和结余不应大于全部年末结转和结余',
    },
  ],
);
