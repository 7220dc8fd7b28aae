/** Checks shared by the classified tables (T2, T3, T5, T8, T9): row sums and 类/款/项 hierarchy. */
import type { Row, Table } from '../model/disclosure.ts';
import type { TableId } from '../model/tables.ts';
import { checkSum, type BalanceOptions } from './arithmetic.ts';
import type { CellRef, RuleContext } from './types.ts';

/** Code rows whose parent rows are not listed: what the 合计 row adds up. */
export function topLevelRows(table: Table): Row[] {
  return table.rows.filter((r) => {
    if (!r.code) return false;
    if (r.code.length === 3) return true;
    if (table.byKey.has(r.code.slice(0, 3))) return false;
    if (r.code.length === 7 && table.byKey.has(r.code.slice(0, 5))) return false;
    return true;
  });
}

/** Direct children of a code row that are listed in the table. */
export function childRows(table: Table, row: Row): Row[] {
  if (!row.code || row.code.length === 7) return [];
  const len = row.code.length + 2;
  const code = row.code;
  return table.rows.filter((r) => r.code !== undefined && r.code.length === len && r.code.startsWith(code));
}

const cell = (table: TableId, row: string, column: string, which: CellRef['which'] = 'value'): CellRef =>
  which === 'value' ? { table, row, column } : { table, row, column, which };

/** Each row: total column = Σ part columns. Skips rows where none of the cells is given. */
export function checkRowSums(
  ctx: RuleContext,
  table: Table,
  totalColumn: string,
  partColumns: readonly string[],
  opts: BalanceOptions & { which?: CellRef['which'] } = {},
): void {
  const which = opts.which ?? 'value';
  for (const row of table.rows) {
    const bag = which === 'value' ? row.values : which === 'prior' ? row.prior : row.budget;
    if (!bag) continue;
    const given = [totalColumn, ...partColumns].filter((c) => bag[c] !== undefined).length;
    if (given === 0) continue;
    checkSum(
      ctx,
      cell(table.id, row.key, totalColumn, which),
      partColumns.map((c) => cell(table.id, row.key, c, which)),
      opts,
    );
  }
}

/** 类 = Σ款 and 款 = Σ项 for each listed column, where the children are listed. */
export function checkHierarchy(ctx: RuleContext, table: Table, columns: readonly string[], opts: BalanceOptions = {}): void {
  for (const row of table.rows) {
    if (!row.code || row.code.length === 7) continue;
    const kids = childRows(table, row);
    if (kids.length === 0) continue;
    for (const c of columns) {
      if (row.values[c] === undefined && kids.every((k) => k.values[c] === undefined)) continue;
      checkSum(
        ctx,
        cell(table.id, row.key, c),
        kids.map((k) => cell(table.id, k.key, c)),
        { what: `${row.level}应等于所属${row.code.length === 3 ? '款' : '项'}之和`, ...opts },
      );
    }
  }
}

/** 合计 row = Σ top-level code rows, per column. */
export function checkTotalRow(
  ctx: RuleContext,
  table: Table,
  columns: readonly string[],
  totalKey = 'total',
  opts: BalanceOptions = {},
): void {
  const total = table.byKey.get(totalKey);
  const tops = topLevelRows(table);
  if (!total) {
    if (tops.length > 0) ctx.insufficient(`${table.id.toUpperCase()} 缺少「合计」行`);
    return;
  }
  if (tops.length === 0) {
    ctx.insufficient(`${table.id.toUpperCase()} 未列出科目行`);
    return;
  }
  for (const c of columns) {
    if (total.values[c] === undefined && tops.every((k) => k.values[c] === undefined)) continue;
    checkSum(
      ctx,
      cell(table.id, totalKey, c),
      tops.map((k) => cell(table.id, k.key, c)),
      { what: '合计应等于各类之和', ...opts },
    );
  }
}
