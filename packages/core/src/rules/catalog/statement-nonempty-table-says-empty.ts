import { TABLE_IDS, TABLE_SPECS } from '../../model/tables.ts';
import { fmt, rowLabel } from '../cells.ts';
import { hasAmounts } from '../empty-tables.ts';
import { isBlank } from '../reason-checks.ts';
import type { Location, Rule, RuleContext } from '../types.ts';

function flag(ctx: RuleContext, what: string, statement: string, location: Location, amounts: string): void {
  ctx.report({
    messageId: 'says-empty',
    data: { what, amounts, statement },
    location: [{ ...location, value: statement }],
    expected: '无空表说明',
    actual: statement,
  });
}

export const rule: Rule = {
  id: 'statement-nonempty-table-says-empty',
  title: '有金额的表格不得附“本表为空表”等说明',
  severity: 'error',
  category: 'statements',
  messages: {
    'says-empty':
      '{what}有金额（{amounts}），却附有空表说明「{statement}」，二者矛盾：应删除空表说明或核对金额',
  },
  basis: '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确',
  description:
    '表格（或“三公”经费、政府采购）有非零金额，却同时写有空表或“无此项支出”的说明时，说明与数据矛盾。',
  check(ctx) {
    const d = ctx.d;
    let nonEmpty = 0;
    for (const id of TABLE_IDS) {
      const table = d.tables[id];
      if (!hasAmounts(table)) continue;
      nonEmpty++;
      ctx.ran();
      const spec = TABLE_SPECS[id];
      const amounts = (): string => {
        const r = table.rows.find((x) => Object.values(x.values).some((v) => (v ?? 0) !== 0));
        return r ? `如${rowLabel(r, r.key)}行` : '';
      };
      const line = table.source?.line;
      if (!isBlank(table.emptyStatement)) {
        const loc: Location = {
          table: id,
          field: `tables.${id}.emptyStatement`,
          label: `${spec.number}《${spec.name}》空表说明`,
        };
        if (line !== undefined) loc.line = line;
        flag(ctx, `${spec.number}《${spec.name}》`, table.emptyStatement!, loc, amounts());
      }
      if (id === 't7' && !isBlank(d.threePublic.emptyStatement)) {
        flag(
          ctx,
          '“三公”经费（表七）',
          d.threePublic.emptyStatement!,
          { table: 't7', field: 'threePublic.emptyStatement', label: '“三公”经费无支出说明' },
          amounts(),
        );
      }
    }
    const p = d.procurement;
    if (p?.total !== undefined && p.total !== 0) {
      nonEmpty++;
      ctx.ran();
      if (!isBlank(p.emptyStatement)) {
        const loc: Location = { field: 'procurement.emptyStatement', label: '政府采购无支出说明' };
        if (p.source?.line !== undefined) loc.line = p.source.line;
        flag(ctx, '政府采购', p.emptyStatement!, loc, `政府采购支出总额 ${fmt(d, p.total)} ${d.amountUnit}`);
      }
    }
    if (nonEmpty === 0) ctx.notApplicable('各表均无金额');
  },
};
