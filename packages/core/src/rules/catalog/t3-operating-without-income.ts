import { cellLabel, cellLocation, fmt } from '../cells.ts';
import type { CellRef, Rule } from '../types.ts';

const T3_OPERATING: CellRef = { table: 't3', row: 'total', column: 'operating' };
const T1_OPERATING: CellRef = { table: 't1', row: 'operatingIncome', column: 'amount' };

export const rule: Rule = {
  id: 't3-operating-without-income',
  title: '有经营支出而无经营收入',
  severity: 'warning',
  category: 't3',
  messages: {
    'spending-without-income':
      '经营支出应由经营收入安排：{spentCell} {spent} {unit}，而{incomeCell}金额为 {zero}，请核对经营收支的归类',
  },
  basis: '《事业单位财务规则》：经营支出应当与经营收入配比',
  description: '表三合计行经营支出大于零而表一经营收入为零时提示：经营支出应由经营收入安排，请核对收支归类。',
  check(ctx) {
    const { d } = ctx;
    const spent = d.tables.t3.byKey.get('total')?.values['operating'];
    const earned = d.tables.t1.byKey.get('operatingIncome')?.values['amount'];
    if (spent === undefined || earned === undefined) {
      const missing = [
        spent === undefined ? T3_OPERATING : undefined,
        earned === undefined ? T1_OPERATING : undefined,
      ]
        .filter((x) => x !== undefined)
        .map((x) => cellLabel(d, x));
      ctx.insufficient(`缺少 ${missing.join('、')}`);
      return;
    }
    ctx.ran();
    if (spent <= 0 || earned !== 0) return;
    ctx.report({
      messageId: 'spending-without-income',
      data: {
        spentCell: cellLabel(d, T3_OPERATING),
        spent: fmt(d, spent),
        unit: d.amountUnit,
        incomeCell: cellLabel(d, T1_OPERATING),
        zero: fmt(d, 0),
      },
      location: [cellLocation(d, T3_OPERATING), cellLocation(d, T1_OPERATING)],
      actual: fmt(d, spent),
    });
  },
};
