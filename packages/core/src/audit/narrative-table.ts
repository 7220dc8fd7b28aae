/**
 * Narrative figures against the tables read (issue 4 item 4, "every narrative figure against its table cell"): a
 * figure the 情况说明 states and the cell of an accepted table that holds the same quantity must agree. Rounding-aware:
 * a difference within one unit of the last digit printed is a derived figure's rounding (财政拨款收入 stated as the sum
 * of three rounded cells), not a finding. Tables that were not accepted are not compared (their numbers may be
 * misread); budget figures are not compared (表七's 预算数 is 年初 or 全年 by region).
 */
import { FEN_PER_UNIT, formatAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { columnLabel, fixedRowLabel, TABLE_SPECS } from '../model/tables.ts';
import { cellOfKey } from './model-from-extraction.ts';
import type { AuditFinding, ExtractedTable, StatedFigure } from './types.ts';

const wan = (fen: Fen) => formatAmount(fen, { unit: '万元', decimals: 2 });

/** One unit of the last printed digit, in 分 (at least 0.01 万元, the tables' precision). */
function step(f: StatedFigure): number {
  const unit: MoneyUnit = f.unit === '元' || f.unit === '亿元' ? f.unit : '万元';
  const s = Number(FEN_PER_UNIT[unit] / 10n ** BigInt(f.decimals));
  return Math.max(s, Number(FEN_PER_UNIT['万元'] / 100n));
}

export function checkNarrativeAgainstTables(
  figures: readonly StatedFigure[],
  tables: readonly ExtractedTable[],
): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const f of figures) {
    if (f.fen === undefined || /\.(budget|annualBudget)$/.test(f.key)) continue;
    const cell = cellOfKey(f.key);
    if (!cell || cell.which !== 'value') continue;
    const t = tables.find((x) => x.id === cell.table && x.status === 'read');
    const row = t?.rows?.find((r) => r.key === cell.row);
    const v = row?.cells[cell.column];
    if (!t || !row || v === undefined) continue;
    if (Math.abs(v - f.fen) <= step(f)) continue;
    const spec = TABLE_SPECS[cell.table];
    const rowName = fixedRowLabel(cell.table, cell.row) ?? row.name;
    const where = `${spec.number}「${rowName}」行${spec.columns.length > 1 ? `「${columnLabel(cell.table, cell.column)}」列` : ''}`;
    out.push({
      rule: 'narrative-table',
      severity: 'error',
      message: `「${f.name}」文中为 ${wan(f.fen)} 万元，${where}为 ${wan(v)} 万元，二者不一致`,
      page: f.evidence.page,
      text: f.evidence.text,
      expected: wan(v),
      actual: wan(f.fen),
    });
  }
  return out;
}
