/** Checks shared by the classified tables (T2, T3, T5, T8, T9): row sums and 类/款/项 hierarchy. */
import type { Row, Table, TableIndex } from '../model/disclosure.ts';
import { buildTableIndex } from '../model/table-index.ts';
import { TABLE_SPECS, type TableId } from '../model/tables.ts';
import { checkSum, type BalanceOptions } from './arithmetic.ts';
import type { CellRef, RuleContext } from './types.ts';

// Tables read by the loader carry their index; tables built by hand get one on first use.
const indexCache = new WeakMap<Table, TableIndex>();

function tableIndex(table: Table): TableIndex {
  if (table.index) return table.index;
  let idx = indexCache.get(table);
  if (!idx) {
    idx = buildTableIndex(table);
    indexCache.set(table, idx);
  }
  return idx;
}

/** Code rows whose parent rows are not listed: what the 合计 row adds up. */
export function topLevelRows(table: Table): Row[] {
  return tableIndex(table).tops;
}

const NO_ROWS: Row[] = [];

/** Direct children of a code row that are listed in the table. */
export function childRows(table: Table, row: Row): Row[] {
  if (!row.code || row.code.length === 7) return NO_ROWS;
  return tableIndex(table).children.get(row.code) ?? NO_ROWS;
}

/** Σ of a column over rows, or undefined when any is unknown. */
function columnSum(rows: readonly Row[], column: string): number | undefined {
  let s = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]!.values[column];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** A cell of a row at hand (in the one shape of such references, `which` undefined for the year's figure). */
const cell = (table: TableId, at: Row, column: string, which: CellRef['which'] = 'value'): CellRef => ({
  table,
  row: at.key,
  column,
  which: which === 'value' ? undefined : which,
  at,
});

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
    const total = bag[totalColumn];
    let given = total === undefined ? 0 : 1;
    let sum = 0;
    let unknown = total === undefined;
    for (let i = 0; i < partColumns.length; i++) {
      const v = bag[partColumns[i]!];
      if (v === undefined) unknown = true;
      else {
        given++;
        sum += v;
      }
    }
    if (given === 0) continue;
    if (!unknown && sum === total) {
      ctx.ran();
      continue;
    }
    checkSum(
      ctx,
      cell(table.id, row, totalColumn, which),
      partColumns.map((c) => cell(table.id, row, c, which)),
      opts,
    );
  }
}

const NO_OPTIONS: BalanceOptions = {};
// The options of a 类 row's and a 款 row's sum, made once (a 7-digit 项 row has no children).
const CLASS_SUM: BalanceOptions = { what: '类应等于所属款之和' };
const SECTION_SUM: BalanceOptions = { what: '款应等于所属项之和' };

/** 类 = Σ款 and 款 = Σ项 for each listed column, where the children are listed. */
export function checkHierarchy(
  ctx: RuleContext,
  table: Table,
  columns: readonly string[],
  opts: BalanceOptions = NO_OPTIONS,
): void {
  for (const row of table.rows) {
    if (!row.code || row.code.length === 7) continue;
    const kids = childRows(table, row);
    if (kids.length === 0) continue;
    for (const c of columns) {
      const parent = row.values[c];
      const sum = columnSum(kids, c);
      if (parent !== undefined && sum === parent) {
        ctx.ran();
        continue;
      }
      if (parent === undefined && kids.every((k) => k.values[c] === undefined)) continue;
      checkSum(
        ctx,
        cell(table.id, row, c),
        kids.map((k) => cell(table.id, k, c)),
        opts === NO_OPTIONS
          ? row.code.length === 3
            ? CLASS_SUM
            : SECTION_SUM
          : { what: `${row.level}应等于所属${row.code.length === 3 ? '款' : '项'}之和`, ...opts },
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
    if (tops.length > 0) ctx.insufficient(`${TABLE_SPECS[table.id].number}缺少「合计」行`);
    return;
  }
  if (tops.length === 0) {
    ctx.insufficient(`${TABLE_SPECS[table.id].number}未列出科目行`);
    return;
  }
  for (const c of columns) {
    const t = total.values[c];
    if (t !== undefined && columnSum(tops, c) === t) {
      ctx.ran();
      continue;
    }
    if (t === undefined && tops.every((k) => k.values[c] === undefined)) continue;
    checkSum(
      ctx,
      cell(table.id, total, c),
      tops.map((k) => cell(table.id, k, c)),
      { what: '合计应等于各类之和', ...opts },
    );
  }
}
