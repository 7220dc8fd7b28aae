import { checkSum } from '../arithmetic.ts';
import { cellRef, hasRows, leafRows } from '../fiscal-table-checks.ts';
import { topLevelRows } from '../table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't5-prior-total',
  title: '一般公共预算财政拨款支出决算表上年决算数：合计 = 各类（或各项）之和',
  severity: 'error',
  category: 't5',
  basis: '部门决算报表编制说明：合计等于各科目之和，上年决算数亦然',
  description:
    '表五合计行给出上年决算数时：各类（最上级所列科目）都给出上年决算数的，检查合计等于各类之和；否则各末级科目（通常为项）都给出的，检查合计等于各项之和；两者都不齐全则数据不足。',
  check(ctx) {
    const t5 = ctx.d.tables.t5;
    if (!hasRows(ctx, t5)) return;
    const total = t5.byKey.get('total');
    if (total?.prior?.['total'] === undefined) {
      ctx.insufficient('表五「合计」行未给出上年决算数');
      return;
    }
    const tops = topLevelRows(t5);
    if (tops.length === 0) {
      ctx.insufficient('表五未列出科目行');
      return;
    }
    const totalRef = cellRef('t5', 'total', 'total', 'prior');
    if (tops.every((r) => r.prior?.['total'] !== undefined)) {
      checkSum(
        ctx,
        totalRef,
        tops.map((r) => cellRef('t5', r.key, 'total', 'prior')),
        { what: '上年决算数：合计应等于各类之和' },
      );
      return;
    }
    const leaves = leafRows(t5);
    if (leaves.every((r) => r.prior?.['total'] !== undefined)) {
      checkSum(
        ctx,
        totalRef,
        leaves.map((r) => cellRef('t5', r.key, 'total', 'prior')),
        { what: '上年决算数：合计应等于各项之和' },
      );
      return;
    }
    ctx.insufficient('表五部分科目未给出上年决算数（各类或各项须全部给出）');
  },
};
