import { checkBalance } from '../arithmetic.ts';
import { cellLabel, cellLocation, fmt } from '../cells.ts';
import { classCells, classCodesOf, classRows } from '../class-rows.ts';
import type { CellRef, Rule } from '../types.ts';

export const rule: Rule = {
  id: 't1-t3-class',
  title: '表一与表三：各功能分类类级支出一致',
  severity: 'error',
  category: 't1',
  messages: {
    'missing-in-t3': '{cell} {amount} {unit}，表三没有「{code}」类的支出',
    'missing-in-t1': '表三「{class}」类本年支出合计 {amount} {unit}，表一未列出该类',
  },
  basis: '部门决算报表表间审核关系：表一按支出功能分类列示的各类支出等于表三对应类的“本年支出合计”',
  description:
    '逐类检查表一的类级支出等于表三该类的本年支出合计（表三未列类级行时取其下级科目之和）；表三有金额而表一未列出的类也报错。',
  check(ctx) {
    const { t1, t3 } = ctx.d.tables;
    const t1Classes = classRows(t1);
    if (t1Classes.length === 0) {
      ctx.insufficient('表一未列出支出功能分类类级科目行');
      return;
    }
    const t3Codes = classCodesOf(t3);
    if (t3Codes.length === 0) {
      ctx.insufficient('表三未列出科目行');
      return;
    }
    for (const row of t1Classes) {
      const code = row.code!;
      const left: CellRef = { table: 't1', row: row.key, column: 'amount' };
      const right = classCells(t3, code, 'total');
      if (right.length > 0) {
        checkBalance(ctx, [left], right, { what: `表一「${code}」类支出应等于表三该类本年支出合计` });
        continue;
      }
      const v = row.values['amount'];
      if (v === undefined) {
        ctx.insufficient(`缺少 ${cellLabel(ctx.d, left)}`);
        continue;
      }
      ctx.ran();
      if (v === 0) continue;
      ctx.report({
        messageId: 'missing-in-t3',
        data: { cell: cellLabel(ctx.d, left), amount: fmt(ctx.d, v), unit: ctx.d.amountUnit, code },
        location: [cellLocation(ctx.d, left)],
        expected: fmt(ctx.d, 0),
        actual: fmt(ctx.d, v),
        difference: `+${fmt(ctx.d, v)}`,
      });
    }
    // 类 with expenditure in T3 that T1 leaves out.
    for (const code of t3Codes) {
      if (t1.byKey.has(code)) continue;
      const cells = classCells(t3, code, 'total');
      let sum = 0;
      let unknown = false;
      for (const c of cells) {
        const v = t3.byKey.get(c.row)?.values['total'];
        if (v === undefined) unknown = true;
        else sum += v;
      }
      if (unknown) {
        ctx.insufficient(`缺少 表三「${code}」类的本年支出合计`);
        continue;
      }
      ctx.ran();
      if (sum === 0) continue;
      const name = t3.byKey.get(code)?.name;
      ctx.report({
        messageId: 'missing-in-t1',
        data: { class: `${code}${name ? ' ' + name : ''}`, amount: fmt(ctx.d, sum), unit: ctx.d.amountUnit },
        location: cells.map((c) => cellLocation(ctx.d, c)),
        expected: fmt(ctx.d, sum),
        actual: '未列出',
        difference: `-${fmt(ctx.d, sum)}`,
      });
    }
  },
};
