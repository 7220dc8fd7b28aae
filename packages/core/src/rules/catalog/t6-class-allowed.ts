import { cellLocation, fmt } from '../cells.ts';
import { cellRef, hasRows } from '../fiscal-table-checks.ts';
import type { Location, Rule } from '../types.ts';

export const rule: Rule = {
  id: 't6-class-allowed',
  title: '表六只列人员经费和公用经费的经济分类',
  severity: 'warning',
  category: 't6',
  messages: {
    'not-basic':
      '表六列有经济分类「{class}」{amount} {unit}，该类既不属于人员经费（{personnel}）也不属于公用经费（{public}），通常不是基本支出，请核实',
  },
  basis:
    '财政部《政府收支分类科目》部门预算支出经济分类：基本支出由人员经费（301、303）和公用经费（302、310 及口径规定的其他类）构成',
  description:
    '表六列出金额不为零的经济分类类（如 307 债务利息及费用支出、309 资本性支出（基本建设）、312 对企业补助）既不属于人员经费也不属于公用经费时提示：它们通常不是基本支出。',
  check(ctx) {
    const t6 = ctx.d.tables.t6;
    if (!hasRows(ctx, t6)) return;
    const { personnelClasses, publicClasses } = ctx.settings;
    let codeRows = 0;
    const others = new Map<string, { rows: string[]; amount: number }>();
    for (const row of t6.rows) {
      if (row.code === undefined) continue;
      codeRows++;
      const cls = row.code.slice(0, 3);
      if (personnelClasses.includes(cls) || publicClasses.includes(cls)) continue;
      const v = row.values['amount'];
      const entry = others.get(cls) ?? { rows: [], amount: 0 };
      entry.rows.push(row.key);
      // Use the 类 row's amount when listed, else add its 款.
      if (row.code.length === 3) entry.amount = v ?? 0;
      else if (!t6.byKey.has(cls)) entry.amount += v ?? 0;
      others.set(cls, entry);
    }
    if (codeRows === 0) {
      ctx.notApplicable('表六未列出经济分类科目');
      return;
    }
    ctx.ran();
    for (const [cls, entry] of others) {
      // A class printed with no amount adds nothing to 基本支出.
      if (entry.amount === 0) continue;
      const locations: Location[] = entry.rows.map((key) =>
        cellLocation(ctx.d, cellRef('t6', key, 'amount')),
      );
      const row = t6.byKey.get(entry.rows[0]!);
      const name = row?.code === cls && row.name ? ` ${row.name}` : '';
      ctx.report({
        messageId: 'not-basic',
        data: {
          class: `${cls}${name}`,
          amount: fmt(ctx.d, entry.amount),
          unit: ctx.d.amountUnit,
          personnel: personnelClasses.join('、'),
          public: publicClasses.join('、'),
        },
        location: locations,
        actual: cls,
        expected: [...personnelClasses, ...publicClasses].join('、'),
      });
    }
  },
};
