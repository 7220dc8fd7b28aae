import type { FieldOperand } from '../arithmetic.ts';
import { cellLocation, fmt } from '../cells.ts';
import { classCells, classRows } from '../class-rows.ts';
import type { AtMostPair } from '../families/at-most.ts';
import type { CellRef } from '../types.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 't4-t3-class',
    title: '表四与表三：各类财政拨款支出不大于该类全部支出',
    severity: 'error',
    category: 't4',
    basis: '部门决算报表表间审核关系：表四各类财政拨款支出是表三该类本年支出合计的一部分',
    description:
      '逐类检查表四类级科目行的合计不大于表三该类的本年支出合计（表三未列类级行时取其下级科目之和，未列该类时为零）。',
  },
  (ctx) => {
    const { t3, t4 } = ctx.d.tables;
    const classes = classRows(t4);
    if (classes.length === 0) {
      ctx.notApplicable('表四未列出支出功能分类类级科目行');
      return undefined;
    }
    if (!t3.rows.some((r) => r.code !== undefined)) {
      ctx.insufficient('表三未列出科目行');
      return undefined;
    }
    return classes.map((row): AtMostPair => {
      const code = row.code!;
      const cells = classCells(t3, code, 'total');
      let b: CellRef | FieldOperand;
      if (cells.length === 1) b = cells[0]!;
      else {
        let sum: number | undefined = 0;
        for (const c of cells) {
          const v = t3.byKey.get(c.row)?.values['total'];
          sum = v === undefined || sum === undefined ? undefined : sum + v;
        }
        const label =
          cells.length === 0 ? `表三「${code}」类（未列出）` : `表三「${code}」类下各科目本年支出合计之和`;
        const loc = cellLocation(ctx.d, { table: 't3', row: code, column: 'total' });
        loc.label = label;
        if (sum !== undefined) loc.value = fmt(ctx.d, sum);
        b = { value: sum, label, location: loc };
      }
      return {
        a: { table: 't4', row: row.key, column: 'total' },
        b,
        what: `表四「${code}」类财政拨款支出不应大于表三该类本年支出合计`,
      };
    });
  },
);
