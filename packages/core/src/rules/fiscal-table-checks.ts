/**
 * Checks shared by the rules on the 财政拨款 tables T5–T9 and the carry-over continuity rules:
 * empty or missing tables, T5 against T3 per code, and the fund tables T8/T9 (DOMAIN.md §5).
 */
import type { Fen } from '../money/amount.ts';
import type { Row, Table } from '../model/disclosure.ts';
import { TABLE_SPECS, type TableId } from '../model/tables.ts';
import { checkAtMost, checkBalance, checkSum } from './arithmetic.ts';
import { cellLabel, cellLocation, cellValue, fieldLocation, fmt } from './cells.ts';
import { checkHierarchy, checkRowSums, checkTotalRow } from './table-checks.ts';
import type { CellRef, Location, RuleContext } from './types.ts';

/** Template of checkT5AgainstT3 (the t5-t3-*-le rules, with the shared at-most templates). */
export const T5_T3_MESSAGES = {
  'missing-in-t3':
    '{cell}为 {amount} {unit}，但表三《支出决算表》未列出科目「{code}」：表三应列出单位全部支出的科目',
} as const;

/** Templates of checkFundAgainstT4 (t8-t4-fund, t9-t4-capital), with the shared sum templates. */
export const FUND_T4_MESSAGES = {
  'table-missing': '{table}未给出，但{amounts} {unit}：两表应一致',
  'table-empty': '{table}为空表，但{amounts} {unit}：两表应一致',
} as const;

/** Templates of checkFeeAgainstCounts (the T7 fee-and-count rules). */
export const FEE_COUNT_MESSAGES = {
  'fee-without-count': '{fee}，但{counts}：有支出应有相应数量，请核实金额或数量',
  'count-without-fee': '{counts}，但{fee}：有数量应有相应支出，请核实金额或数量',
} as const;

/** 表五《一般公共预算财政拨款支出决算表》. */
export function tableTitle(id: TableId): string {
  const spec = TABLE_SPECS[id];
  return `${spec.number}《${spec.name}》`;
}

/**
 * True when the table lists rows. Otherwise records why the rule cannot run: a table the data does not
 * give at all is insufficient data; a table given without rows (published as 空表) is not applicable.
 */
export function hasRows(ctx: RuleContext, table: Table): boolean {
  if (table.rows.length > 0) return true;
  if (table.source === undefined) ctx.insufficient(`缺少${tableTitle(table.id)}`);
  else ctx.notApplicable(`${tableTitle(table.id)}为空表`);
  return false;
}

export function cellRef(table: TableId, row: string, column: string, which?: 'prior' | 'budget'): CellRef {
  return which === undefined ? { table, row, column } : { table, row, column, which };
}

/** Codes that have a listed descendant row. */
function parentCodes(table: Table): Set<string> {
  const parents = new Set<string>();
  for (const r of table.rows) {
    if (!r.code) continue;
    if (r.code.length > 3) parents.add(r.code.slice(0, 3));
    if (r.code.length > 5) parents.add(r.code.slice(0, 5));
  }
  return parents;
}

/** Code rows with no listed descendant (normally the 项): what the table is built from. */
export function leafRows(table: Table): Row[] {
  const parents = parentCodes(table);
  return table.rows.filter((r) => r.code !== undefined && !parents.has(r.code));
}

/** Whether some listed code row has a listed descendant, i.e. a 类/款 hierarchy can be checked. */
export function hasListedChildren(table: Table): boolean {
  const parents = parentCodes(table);
  return table.rows.some((r) => r.code !== undefined && parents.has(r.code));
}

const T5_T3_WHAT: Readonly<Record<string, string>> = {
  total: '表五的一般公共预算财政拨款支出不应大于表三同一科目的本年支出合计',
  basic: '表五的基本支出不应大于表三同一科目的基本支出',
  project: '表五的项目支出不应大于表三同一科目的项目支出',
};

/**
 * Per row of T5 (合计 and each code): T5 `column` ≤ T3 `column`. Codes T3 does not list are reported
 * (when `reportMissing`) as errors if T5 gives a non-zero amount; otherwise they are left to the rule
 * that reports them (t5-t3-item-le).
 */
export function checkT5AgainstT3(
  ctx: RuleContext,
  column: 'total' | 'basic' | 'project',
  reportMissing: boolean,
): void {
  const t5 = ctx.d.tables.t5;
  const t3 = ctx.d.tables.t3;
  if (!hasRows(ctx, t5)) return;
  if (t3.rows.length === 0) {
    ctx.insufficient(`缺少${tableTitle('t3')}`);
    return;
  }
  const t3HasCodes = t3.rows.some((r) => r.code !== undefined);
  const what = T5_T3_WHAT[column];
  let noCodesNoted = false;
  for (const row of t5.rows) {
    if (row.code === undefined) {
      if (row.key === 'total' && t3.byKey.has('total'))
        atMost(ctx, row, t3.byKey.get('total')!, column, what);
      continue;
    }
    const t3Row = t3.byKey.get(row.code);
    if (t3Row !== undefined) {
      atMost(ctx, row, t3Row, column, what);
      continue;
    }
    if (!t3HasCodes) {
      if (!noCodesNoted) ctx.insufficient(`${tableTitle('t3')}未列出科目行`);
      noCodesNoted = true;
      continue;
    }
    if (!reportMissing) continue;
    const v = row.values[column];
    if (v === undefined) {
      ctx.insufficient(`缺少${cellLabel(ctx.d, cellRef('t5', row.key, column))}`);
      continue;
    }
    ctx.ran();
    if (v === 0) continue;
    ctx.report({
      messageId: 'missing-in-t3',
      data: {
        cell: cellLabel(ctx.d, cellRef('t5', row.key, column)),
        amount: fmt(ctx.d, v),
        unit: ctx.d.amountUnit,
        code: row.code,
      },
      location: [cellLocation(ctx.d, cellRef('t5', row.key, column))],
      expected: `表三列出科目 ${row.code}`,
      actual: '表三未列出',
    });
  }
}

/** T5 `column` ≤ T3 `column` of the same row; the cells are named only when the check does not pass. */
function atMost(ctx: RuleContext, t5Row: Row, t3Row: Row, column: string, what: string | undefined): void {
  const a = t5Row.values[column];
  const b = t3Row.values[column];
  if (a !== undefined && b !== undefined && a <= b) {
    ctx.ran();
    return;
  }
  checkAtMost(ctx, cellRef('t5', t5Row.key, column), cellRef('t3', t3Row.key, column), { what });
}

// ---- T8 政府性基金 / T9 国有资本经营 ----

export type FundTableId = 't8' | 't9';

/** T4 column holding the fund table's figures. */
export const FUND_T4_COLUMN: Readonly<Record<FundTableId, string>> = {
  t8: 'governmentFund',
  t9: 'stateCapital',
};

/** Fund-table column ↔ T4 row, for 合计 = T4's fund column. */
export const FUND_T4_ROWS: readonly (readonly [string, string])[] = [
  ['opening', 'openingCarryover'],
  ['income', 'incomeTotal'],
  ['expenditure', 'expenditureTotal'],
  ['closing', 'closingCarryover'],
];

export const FUND_COLUMNS = ['opening', 'income', 'expenditure', 'basic', 'project', 'closing'] as const;
const BALANCE_ONLY = ['opening', 'income', 'closing'] as const;

/** T9 published as expenditure only (central form): 年初、收入、年末 are not part of the table. */
export function expenditureOnly(ctx: RuleContext, id: FundTableId): boolean {
  return id === 't9' && ctx.settings.t9ExpenditureOnly;
}

const EXPENDITURE_ONLY_NOTE = '表九按中央口径只公开支出，不列年初结转和结余、本年收入和年末结转和结余';

/** Per row: 年初结转和结余 + 本年收入 = 本年支出合计 + 年末结转和结余. */
export function checkFundRowBalance(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  if (!hasRows(ctx, table)) return;
  const expOnly = expenditureOnly(ctx, id);
  let checked = 0;
  for (const row of table.rows) {
    const v = row.values;
    const given = BALANCE_ONLY.filter((c) => v[c] !== undefined).length;
    if (given === 0 && (expOnly || v['expenditure'] === undefined)) continue;
    checked++;
    checkBalance(
      ctx,
      [cellRef(id, row.key, 'opening'), cellRef(id, row.key, 'income')],
      [cellRef(id, row.key, 'expenditure'), cellRef(id, row.key, 'closing')],
      { what: '年初结转和结余 + 本年收入应等于本年支出合计 + 年末结转和结余' },
    );
  }
  if (checked === 0) {
    if (expOnly) ctx.notApplicable(EXPENDITURE_ONLY_NOTE);
    else ctx.insufficient(`${tableTitle(id)}未给出年初结转和结余、本年收入、本年支出和年末结转和结余`);
  }
}

/** Per row: 本年支出合计 = 基本支出 + 项目支出. */
export function checkFundRowSum(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  if (!hasRows(ctx, table)) return;
  checkRowSums(ctx, table, 'expenditure', ['basic', 'project'], {
    what: '本年支出合计应等于基本支出与项目支出之和',
  });
}

/** 类 = Σ款, 款 = Σ项 in every column the table gives. */
export function checkFundHierarchy(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  if (!hasRows(ctx, table)) return;
  checkHierarchy(ctx, table, FUND_COLUMNS);
  if (!hasListedChildren(table)) ctx.notApplicable(`${tableTitle(id)}未同时列出上级科目和下级科目`);
}

/** 合计 = Σ 类 in every column the table gives. */
export function checkFundTotalRow(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  if (!hasRows(ctx, table)) return;
  checkTotalRow(ctx, table, FUND_COLUMNS);
}

/**
 * 合计 年初/本年收入/本年支出/年末 = T4's fund column of the same rows. An empty fund table passes when
 * T4's column is all zero and is an error when T4 gives a non-zero amount.
 */
export function checkFundAgainstT4(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  const t4col = FUND_T4_COLUMN[id];
  const expOnly = expenditureOnly(ctx, id);
  const pairs = expOnly ? FUND_T4_ROWS.filter(([c]) => c === 'expenditure') : FUND_T4_ROWS;
  if (table.rows.length === 0) {
    const nonZero: Location[] = [];
    let amounts = '';
    for (const [, t4row] of pairs) {
      const ref = cellRef('t4', t4row, t4col);
      const v = ctx.d.tables.t4.byKey.get(t4row)?.values[t4col];
      if (v === undefined) {
        ctx.insufficient(`缺少${cellLabel(ctx.d, ref)}`);
        continue;
      }
      ctx.ran();
      if (v !== 0) {
        nonZero.push(cellLocation(ctx.d, ref));
        amounts += `${amounts ? '，' : ''}${cellLabel(ctx.d, ref)} ${fmt(ctx.d, v)}`;
      }
    }
    if (nonZero.length > 0) {
      ctx.report({
        messageId: table.source === undefined ? 'table-missing' : 'table-empty',
        data: { table: tableTitle(id), amounts, unit: ctx.d.amountUnit },
        location: nonZero,
        expected: '0.00',
        actual: nonZero.map((l) => l.value ?? '').join('，'),
      });
    }
    return;
  }
  const total = table.byKey.get('total');
  if (!total) {
    ctx.insufficient(`${tableTitle(id)}缺少「合计」行`);
    return;
  }
  for (const [col, t4row] of FUND_T4_ROWS) {
    if (expOnly && col !== 'expenditure' && total.values[col] === undefined) continue;
    checkBalance(ctx, [cellRef(id, 'total', col)], [cellRef('t4', t4row, t4col)], {
      what: `${TABLE_SPECS[id].number}合计应等于表四${id === 't8' ? '政府性基金预算' : '国有资本经营预算'}财政拨款列`,
    });
  }
}

/** 合计 年初结转和结余 = last year's 年末结转和结余 (the `prior` of the 合计 row's closing column). */
export function checkFundContinuity(ctx: RuleContext, id: FundTableId): void {
  const table = ctx.d.tables[id];
  if (!hasRows(ctx, table)) return;
  const total = table.byKey.get('total');
  if (!total) {
    ctx.insufficient(`${tableTitle(id)}缺少「合计」行`);
    return;
  }
  if (expenditureOnly(ctx, id) && total.values['opening'] === undefined) {
    ctx.notApplicable(EXPENDITURE_ONLY_NOTE);
    return;
  }
  if (total.prior?.['closing'] === undefined) {
    ctx.insufficient(`${tableTitle(id)}「合计」行未给出上年年末结转和结余（上年决算数）`);
    return;
  }
  checkBalance(ctx, [cellRef(id, 'total', 'opening')], [cellRef(id, 'total', 'closing', 'prior')], {
    what: '本年年初结转和结余应等于上年年末结转和结余',
  });
}

/** Σ of the given cells' values, or undefined when one is unknown. */
export function sumCells(ctx: RuleContext, refs: readonly CellRef[]): Fen | undefined {
  let s = 0;
  for (const ref of refs) {
    const v = cellValue(ctx.d, ref);
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

// ---- T6 基本支出 ----

/**
 * T6 `totalKey` (人员经费合计 / 公用经费合计) = Σ of the listed economic 类 of `classes`; a 类 whose
 * row is not listed counts through its 款 rows. Classes with no row contribute nothing.
 */
export function checkEconomicClassTotal(
  ctx: RuleContext,
  totalKey: 'personnelTotal' | 'publicTotal',
  classes: readonly string[],
  what: string,
): void {
  const t6 = ctx.d.tables.t6;
  if (!hasRows(ctx, t6)) return;
  if (!t6.byKey.has(totalKey)) {
    ctx.insufficient(`表六缺少「${what}合计」行`);
    return;
  }
  if (!t6.rows.some((r) => r.code !== undefined)) {
    ctx.insufficient('表六未列出经济分类科目');
    return;
  }
  const parts: CellRef[] = [];
  for (const cls of classes) {
    if (t6.byKey.has(cls)) {
      parts.push(cellRef('t6', cls, 'amount'));
      continue;
    }
    for (const r of t6.rows)
      if (r.code !== undefined && r.code.length === 5 && r.code.startsWith(cls))
        parts.push(cellRef('t6', r.key, 'amount'));
  }
  checkSum(ctx, cellRef('t6', totalKey, 'amount'), parts, {
    what: `${what}合计应等于${classes.join('、')}类之和`,
  });
}

// ---- T7 "三公" amounts against counts ----

/** A "三公" count (团组数, 购置数 …) from `threePublic`. */
export interface CountField {
  /** Path in the data file, e.g. `threePublic.abroadGroups`. */
  field: string;
  label: string;
  value: number | undefined;
}

/**
 * T7 `rowKey` 决算数 against counts: a positive amount with a count of 0 is suspicious; with `bothWays`,
 * so is a positive count with an amount of 0.
 */
export function checkFeeAgainstCounts(
  ctx: RuleContext,
  rowKey: string,
  counts: readonly CountField[],
  bothWays: boolean,
): void {
  const t7 = ctx.d.tables.t7;
  if (!hasRows(ctx, t7)) return;
  const ref = cellRef('t7', rowKey, 'final');
  const fee = cellValue(ctx.d, ref);
  if (fee === undefined) {
    ctx.insufficient(`缺少${cellLabel(ctx.d, ref)}`);
    return;
  }
  const given = counts.filter((c) => c.value !== undefined);
  if (given.length === 0) {
    ctx.insufficient(`未给出${counts.map((c) => c.label).join('、')}`);
    return;
  }
  ctx.ran();
  const flagged =
    fee > 0
      ? given.filter((c) => c.value === 0)
      : bothWays && fee === 0
        ? given.filter((c) => c.value! > 0)
        : [];
  if (flagged.length === 0) return;
  const d = ctx.d;
  const countText = flagged.map((c) => `${c.label}为 ${c.value}`).join('、');
  const feeText = `${cellLabel(d, ref)} ${fmt(d, fee)} ${d.amountUnit}`;
  ctx.report({
    messageId: fee > 0 ? 'fee-without-count' : 'count-without-fee',
    data: { fee: feeText, counts: countText },
    location: [
      cellLocation(d, ref),
      ...flagged.map((c) => fieldLocation(d, c.field, c.label, String(c.value))),
    ],
    actual: `${fmt(d, fee)}；${flagged.map((c) => `${c.label} ${c.value}`).join('；')}`,
  });
}
