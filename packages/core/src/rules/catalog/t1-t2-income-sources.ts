import { checkBalance } from '../arithmetic.ts';
import { columnLabel } from '../../model/tables.ts';
import type { Rule } from '../types.ts';

/** Non-fiscal income kinds: the T1 row id equals the T2 column id. */
const SOURCES = [
  'superiorSubsidy',
  'businessIncome',
  'operatingIncome',
  'subsidiaryRemittance',
  'otherIncome',
] as const;
const WHAT = SOURCES.map((s) => `表一${columnLabel('t2', s)}应等于表二合计行${columnLabel('t2', s)}`);

export const rule: Rule = {
  id: 't1-t2-income-sources',
  title: '表一与表二：各项非财政拨款收入一致',
  severity: 'error',
  category: 't1',
  basis:
    '部门决算报表表间审核关系：表一上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入分别等于表二合计行对应列',
  description:
    '逐项检查表一的上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入与表二合计行同名列相等。',
  check(ctx) {
    SOURCES.forEach((s, i) => {
      checkBalance(
        ctx,
        [{ table: 't1', row: s, column: 'amount' }],
        [{ table: 't2', row: 'total', column: s }],
        { what: WHAT[i] },
      );
    });
  },
};
