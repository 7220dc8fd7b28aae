import { cellLabel, cellLocation, fmt } from '../cells.ts';
import type { CellRef, Rule } from '../types.ts';

const KINDS = ['businessIncome', 'operatingIncome', 'subsidiaryRemittance'] as const;

export const rule: Rule = {
  id: 't1-admin-income-kinds',
  title: '行政单位一般没有事业收入、经营收入和附属单位上缴收入',
  severity: 'warning',
  category: 't1',
  messages: {
    'admin-income': '行政单位一般没有此项收入：{cell}金额为 {amount} {unit}，请核对单位类型或收入归类',
  },
  basis:
    '《行政单位财务规则》：行政单位收入包括财政拨款收入和其他收入；事业收入、经营收入、附属单位上缴收入是事业单位的收入类型（《事业单位财务规则》）',
  description: '行政单位的表一如有非零的事业收入、经营收入或附属单位上缴收入，提示核对单位类型或收入归类。',
  check(ctx) {
    const kind = ctx.d.unit.kind;
    if (kind !== '行政') {
      ctx.notApplicable(`单位类型为${kind}单位，本规则只适用于行政单位`);
      return;
    }
    for (const row of KINDS) {
      const ref: CellRef = { table: 't1', row, column: 'amount' };
      const v = ctx.d.tables.t1.byKey.get(row)?.values['amount'];
      if (v === undefined) {
        ctx.insufficient(`缺少 ${cellLabel(ctx.d, ref)}`);
        continue;
      }
      ctx.ran();
      if (v === 0) continue;
      ctx.report({
        messageId: 'admin-income',
        data: { cell: cellLabel(ctx.d, ref), amount: fmt(ctx.d, v), unit: ctx.d.amountUnit },
        location: [cellLocation(ctx.d, ref)],
        expected: fmt(ctx.d, 0),
        actual: fmt(ctx.d, v),
      });
    }
  },
};
