import { cellRef, hasRows } from '../fiscal-table-checks.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 't7-over-budget',
    title: '“三公”经费决算数不超过预算数',
    severity: 'warning',
    category: 't7',
    basis: '“三公”经费实行预算控制、只减不增（中央八项规定精神及各地“三公”经费管理办法）',
    description: '表七任一行的决算数大于预算数时提示：超预算支出需有追加预算依据，并在说明中写明原因。',
  },
  (ctx) => {
    const t7 = ctx.d.tables.t7;
    if (!hasRows(ctx, t7)) return undefined;
    return t7.rows.map((row) => ({
      a: cellRef('t7', row.key, 'final'),
      b: cellRef('t7', row.key, 'budget'),
      what: '决算数超过预算数',
    }));
  },
);
