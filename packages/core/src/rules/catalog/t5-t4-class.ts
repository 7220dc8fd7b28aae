import { checkBalance } from '../arithmetic.ts';
import { cellLabel, cellLocation, fmt } from '../cells.ts';
import { classCells, classCodesOf, classRows } from '../class-rows.ts';
import { cellRef, hasRows, sumCells } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't5-t4-class',
  title: '表五各类合计 = 表四该类一般公共预算财政拨款',
  severity: 'error',
  category: 't5',
  messages: {
    'missing-in-t4': '{cells}为 {amount} {unit}，但表四未列出类「{code}」：{what}',
    'missing-in-t5': '{cells}为 {amount} {unit}，但表五未列出类「{code}」：{what}',
  },
  basis: '部门决算报表审核关系：表五等于表四的一般公共预算财政拨款列（合计及各类）',
  description:
    '对表五的每个类（未列类时为其下所列最上级科目之和），检查合计数等于表四该类“一般公共预算财政拨款”列；一方列出而另一方未列的非零类也报告。',
  check(ctx) {
    const { t4, t5 } = ctx.d.tables;
    if (!hasRows(ctx, t5)) return;
    const t4Classes = classRows(t4);
    if (t4Classes.length === 0) {
      ctx.insufficient('表四未列出支出功能分类的类');
      return;
    }
    const t5Codes = classCodesOf(t5);
    if (t5Codes.length === 0) {
      ctx.insufficient('表五未列出科目行');
      return;
    }
    const what = '表五各类合计应等于表四该类的一般公共预算财政拨款支出';
    for (const code of t5Codes) {
      const cells = classCells(t5, code, 'total');
      if (t4.byKey.has(code)) {
        checkBalance(ctx, cells, [cellRef('t4', code, 'generalBudget')], { what });
        continue;
      }
      const v = sumCells(ctx, cells);
      if (v === undefined) {
        ctx.insufficient(`缺少表五类「${code}」的合计数`);
        continue;
      }
      ctx.ran();
      if (v === 0) continue;
      const locations = cells.map((c) => cellLocation(ctx.d, c));
      ctx.report({
        messageId: 'missing-in-t4',
        data: {
          cells: cells.map((c) => cellLabel(ctx.d, c)).join(' + '),
          amount: fmt(ctx.d, v),
          unit: ctx.d.amountUnit,
          code,
          what,
        },
        location: locations,
        expected: `表四列出类 ${code}`,
        actual: '表四未列出',
      });
    }
    for (const row of t4Classes) {
      const code = row.code!;
      if (t5Codes.includes(code)) continue;
      const ref = cellRef('t4', code, 'generalBudget');
      const v = row.values['generalBudget'];
      if (v === undefined) {
        ctx.insufficient(`缺少${cellLabel(ctx.d, ref)}`);
        continue;
      }
      ctx.ran();
      if (v === 0) continue;
      ctx.report({
        messageId: 'missing-in-t5',
        data: { cells: cellLabel(ctx.d, ref), amount: fmt(ctx.d, v), unit: ctx.d.amountUnit, code, what },
        location: [cellLocation(ctx.d, ref)],
        expected: `表五列出类 ${code}`,
        actual: '表五未列出',
      });
    }
  },
};
