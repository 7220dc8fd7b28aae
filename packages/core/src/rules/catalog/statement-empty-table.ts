import { TABLE_SPECS } from '../../model/tables.ts';
import { hasAmounts } from '../empty-tables.ts';
import { isBlank } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'statement-empty-table',
  title: '无数据的表七、表八、表九应说明本单位无此项收支（空表说明）',
  severity: 'error',
  category: 'statements',
  messages: {
    'no-rows':
      '{number}《{name}》没有金额（未列出任何行），应说明本单位本年度无此项收支，如“本单位本年度无…，故本表为空表”',
    'all-zero':
      '{number}《{name}》没有金额（各数均为零），应说明本单位本年度无此项收支，如“本单位本年度无…，故本表为空表”',
  },
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：本部门无相关数据的表格也应公开，并以空表形式说明情况',
  description:
    '表七“三公”经费全部为零、表八或表九没有金额（无行或全部为零）时，应附空表说明（如“本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，故本表为空表”）。',
  check(ctx) {
    const d = ctx.d;
    let empty = 0;
    for (const id of ['t7', 't8', 't9'] as const) {
      const table = d.tables[id];
      const spec = TABLE_SPECS[id];
      if (table.source === undefined) {
        ctx.insufficient(`缺少${spec.number}《${spec.name}》`);
        continue;
      }
      if (hasAmounts(table)) continue;
      empty++;
      const statement =
        id === 't7' ? (table.emptyStatement ?? d.threePublic.emptyStatement) : table.emptyStatement;
      if (!isBlank(statement)) {
        ctx.ran();
        continue;
      }
      const loc = {
        table: id,
        field: `tables.${id}.emptyStatement`,
        label: `${spec.number}《${spec.name}》空表说明`,
      };
      ctx.report({
        messageId: table.rows.length === 0 ? 'no-rows' : 'all-zero',
        data: { number: spec.number, name: spec.name },
        location: table.source.line === undefined ? [loc] : [{ ...loc, line: table.source.line }],
        expected: '空表说明',
        actual: '未说明',
      });
    }
    if (empty === 0) ctx.notApplicable('表七、表八、表九均有金额，不是空表');
  },
};
