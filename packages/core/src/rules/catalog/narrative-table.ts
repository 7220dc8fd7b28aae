import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { cellOfKey } from '../../audit/model-from-extraction.ts';
import { figureLocation } from '../../audit/narrative-evidence.ts';
import { wanText } from '../../audit/printed-intervals.ts';
import type { StatedFigure } from '../../audit/types.ts';
import { FEN_PER_UNIT, type MoneyUnit } from '../../money/amount.ts';
import { columnLabel, fixedRowLabel, TABLE_SPECS } from '../../model/tables.ts';

/** One unit of the last printed digit, in 分 (at least 0.01 万元, the tables' precision). */
function step(f: StatedFigure): number {
  const unit: MoneyUnit = f.unit === '元' || f.unit === '亿元' ? f.unit : '万元';
  const s = Number(FEN_PER_UNIT[unit] / 10n ** BigInt(f.decimals));
  return Math.max(s, Number(FEN_PER_UNIT['万元'] / 100n));
}

export const rule: DocumentRule = {
  id: 'narrative-table',
  title: '叙述中的数字与所读表格的对应单元格一致（末位一个单位以内视为舍入）',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'both',
  messages: {
    'cell-differs': '「{name}」文中为 {stated} 万元，{cell}为 {value} 万元，二者不一致',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：决算情况说明应对决算表的数字作出说明，公开内容应真实、准确、前后一致',
  description:
    '情况说明中的数字与已读出并通过表内勾稽的表格中表示同一数量的单元格比较，相差超过所印末位一个单位（至少 0.01 万元）时报错误；未通过勾稽的表格和预算数不比较。',
  checkDocument({ facts, report }) {
    for (const f of facts.figures) {
      if (f.fen === undefined || /\.(budget|annualBudget)$/.test(f.key)) continue;
      const cell = cellOfKey(f.key);
      if (!cell || cell.which !== 'value') continue;
      const t = facts.tables.find((x) => x.id === cell.table && x.status === 'read');
      const row = t?.rows?.find((r) => r.key === cell.row);
      const v = row?.cells[cell.column];
      if (!t || !row || v === undefined) continue;
      if (Math.abs(v - f.fen) <= step(f)) continue;
      const spec = TABLE_SPECS[cell.table];
      const rowName = fixedRowLabel(cell.table, cell.row) ?? row.name;
      const where = `${spec.number}「${rowName}」行${spec.columns.length > 1 ? `「${columnLabel(cell.table, cell.column)}」列` : ''}`;
      report({
        messageId: 'cell-differs',
        data: { name: f.name, stated: wanText(f.fen), cell: where, value: wanText(v) },
        location: [
          figureLocation(f),
          {
            label: where,
            table: cell.table,
            row: cell.row,
            column: cell.column,
            ...(row.evidence ? { page: row.evidence.page } : {}),
          },
        ],
        expected: wanText(v),
        actual: wanText(f.fen),
        order: [NARRATIVE_PHASE.table],
      });
    }
  },
};
