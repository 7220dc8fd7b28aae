import { TABLE_IDS, TABLE_SPECS } from '../../model/tables.ts';
import { cellLabel, cellLocation, fmt } from '../cells.ts';
import type { CellRef, Rule } from '../types.ts';

/** Cells named in one finding at most; the message gives the count of the others. */
const SHOWN = 5;

export const rule: Rule = {
  id: 'amount-extra-decimals',
  title: '金额的小数位数多于数据声明的位数',
  severity: 'warning',
  category: 'amounts',
  messages: {
    'extra-decimals':
      '{table}有 {count} 个金额的小数位多于 {decimals} 位（如{first}写作 {written}，公开时印为 {printed}）：请核对是否录入有误；金额确需更多位小数时，请在数据中把 decimals 设为相应位数',
  },
  basis:
    '部门决算报表金额以万元（或元）为单位、保留两位小数；多出的位数在公开文件中被四舍五入，表内合计可能因此对不上',
  description:
    '数据声明金额保留 decimals 位小数（默认 2 位）。某表的金额写得比这更细时提示一次，列出前几个单元格：公开文件会把它们四舍五入后印出，核对时多半是录入或换算有误。',
  check(ctx) {
    const { d } = ctx;
    const step = 2 * d.halfStepFen;
    // In 元 with two decimals a figure is whole 分: nothing finer can be written.
    if (step <= 1) {
      ctx.notApplicable('金额以分为最小单位，不会有多余的小数位');
      return;
    }
    for (const id of TABLE_IDS) {
      const table = d.tables[id];
      if (table.rows.length === 0) continue;
      ctx.ran();
      const cells: CellRef[] = [];
      let count = 0;
      for (const r of table.rows)
        for (const [which, bag] of [
          ['value', r.values],
          ['prior', r.prior],
          ['budget', r.budget],
        ] as const) {
          if (!bag) continue;
          for (const column in bag) {
            const v = bag[column];
            if (v === undefined || v % step === 0) continue;
            count++;
            if (cells.length < SHOWN)
              cells.push(
                which === 'value'
                  ? { table: id, row: r.key, column }
                  : { table: id, row: r.key, column, which },
              );
          }
        }
      if (count === 0) continue;
      const first = cells[0]!;
      const v = bagValue(d, first);
      ctx.report({
        messageId: 'extra-decimals',
        data: {
          table: `${TABLE_SPECS[id].number}《${TABLE_SPECS[id].name}》`,
          count: String(count),
          decimals: String(d.decimals),
          first: cellLabel(d, first),
          written: fmt(d, v, 6).replace(/0+$/, ''),
          printed: fmt(d, v),
        },
        location: cells.map((c) => cellLocation(d, c)),
        actual: fmt(d, v, 6).replace(/0+$/, ''),
        expected: fmt(d, v),
      });
    }
  },
};

function bagValue(d: Parameters<typeof cellLabel>[0], ref: CellRef): number {
  const row = d.tables[ref.table].byKey.get(ref.row)!;
  const bag = ref.which === 'prior' ? row.prior : ref.which === 'budget' ? row.budget : row.values;
  return bag![ref.column]!;
}
