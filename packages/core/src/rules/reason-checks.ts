/**
 * "主要原因" checks (DOMAIN.md §5, §6): a publication must state the main reasons for each change the
 * profile requires — against last year (与上年相比) or against the budget (与年初预算相比). A reason is
 * required only when the two figures are both known and differ.
 */
import type { Fen } from '../money/amount.ts';
import type { Row } from '../model/disclosure.ts';
import type { TableId } from '../model/tables.ts';
import { columnLabel, fixedRowLabel, TABLE_SPECS } from '../model/tables.ts';
import { cellLocation, fmt, rowLabel } from './cells.ts';
import type { CellRef, Location, RuleContext } from './types.ts';

export type ReasonKind = 'prior' | 'budget';

/** One compared figure and the reason that should explain its change. */
export interface ReasonSubject {
  kind: ReasonKind;
  current: Fen | undefined;
  base: Fen | undefined;
  reason: string | undefined;
  /** Names for messages, built only when needed: what is compared (表一「收入总计」行, 机关运行经费) and its two figures (本年决算数 / 上年决算数). */
  names: () => { label: string; currentName: string; baseName: string };
  /** Locations built only when reporting. */
  locations: () => Location[];
}

export type ReasonState = 'unchanged' | 'given' | 'missing' | 'insufficient';

/** Whether a reason text is absent or blank. */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The state of a subject without touching the context. */
export function reasonState(s: ReasonSubject): ReasonState {
  if (s.current === undefined || s.base === undefined) return 'insufficient';
  if (s.current === s.base) return 'unchanged';
  return isBlank(s.reason) ? 'missing' : 'given';
}

const KIND_PHRASE: Readonly<Record<ReasonKind, string>> = { prior: '与上年相比', budget: '与年初预算相比' };

/** Templates of applyReason, in the meta of every rule that reports through it. */
export const REASON_MESSAGES = {
  'prior-reason-missing':
    '{label}{currentName} {current}，{baseName} {base}，比上年{direction} {amount} {unit}，未说明与上年相比变动的主要原因',
  'budget-reason-missing':
    '{label}{currentName} {current}，{baseName} {base}，{direction}{baseName} {amount} {unit}，未说明与{baseName}相比差异的主要原因',
} as const;

/** Records the outcome of one subject: insufficient, ran, or a finding when the reason is missing. */
export function applyReason(
  ctx: RuleContext,
  s: ReasonSubject,
  state: ReasonState = reasonState(s),
): ReasonState {
  if (state === 'insufficient') {
    const n = s.names();
    const missing = [
      s.current === undefined ? n.currentName : undefined,
      s.base === undefined ? n.baseName : undefined,
    ]
      .filter((x) => x !== undefined)
      .join('、');
    ctx.insufficient(`缺少${n.label}的${missing}`);
    return state;
  }
  if (state !== 'missing') {
    ctx.ran();
    return state;
  }
  const d = ctx.d;
  const n = s.names();
  const diff = s.current! - s.base!;
  const phrase = s.kind === 'prior' ? KIND_PHRASE.prior : `与${n.baseName}相比`;
  const prior = s.kind === 'prior';
  ctx.report({
    messageId: prior ? 'prior-reason-missing' : 'budget-reason-missing',
    data: {
      label: n.label,
      currentName: n.currentName,
      current: fmt(d, s.current!),
      baseName: n.baseName,
      base: fmt(d, s.base!),
      direction: prior ? (diff > 0 ? '增加' : '减少') : diff > 0 ? '大于' : '小于',
      amount: fmt(d, Math.abs(diff)),
      unit: d.amountUnit,
    },
    location: s.locations(),
    expected: `说明${phrase}的主要原因`,
    actual: s.reason === undefined ? '未填写' : '空白',
    difference: `${diff > 0 ? '+' : ''}${fmt(d, diff)}`,
  });
  return state;
}

/** Data-file path of a row's reason, e.g. `tables.t1.rows[11].reasons.prior`. */
export function reasonField(table: TableId, row: Row | undefined, kind: ReasonKind): string {
  return `${row?.source?.path ?? `tables.${table}.rows[?]`}.reasons.${kind}`;
}

/** A location for the reason of a row. */
export function reasonLocation(table: TableId, row: Row, kind: ReasonKind): Location {
  const loc: Location = {
    table,
    row: row.key,
    field: reasonField(table, row, kind),
    label: `${TABLE_SPECS[table].number}${rowLabel(row, row.key)}行 主要原因（${KIND_PHRASE[kind]}）`,
  };
  if (row.source?.line !== undefined) loc.line = row.source.line;
  return loc;
}

/**
 * A table row compared with last year or the budget. `base` is the row's prior/budget figure of the same
 * column, or another column of the same row (T7 预算数). Undefined when the row is not listed.
 */
export function tableSubject(
  ctx: RuleContext,
  table: TableId,
  rowKey: string,
  column: string,
  kind: ReasonKind,
  base: { which: 'prior' | 'budget' } | { column: string },
): ReasonSubject | undefined {
  const d = ctx.d;
  const row = d.tables[table].byKey.get(rowKey);
  if (!row) return undefined;
  const byColumn = 'column' in base;
  const baseValue = byColumn
    ? row.values[base.column]
    : base.which === 'prior'
      ? row.prior?.[column]
      : row.budget?.[column];
  return {
    kind,
    current: row.values[column],
    base: baseValue,
    reason: row.reasons?.[kind],
    names: () => {
      // T7 names its two columns in the figure names (预算数/决算数); single-column tables need no column.
      const showColumn = TABLE_SPECS[table].columns.length > 1 && table !== 't7';
      return {
        label: `${TABLE_SPECS[table].number}${rowLabel(row, rowKey)}行${showColumn ? `「${columnLabel(table, column)}」列` : ''}`,
        currentName: byColumn ? columnLabel(table, column) : '本年决算数',
        baseName: byColumn
          ? columnLabel(table, base.column)
          : base.which === 'prior'
            ? '上年决算数'
            : '年初预算数',
      };
    },
    locations: () => {
      const baseRef: CellRef = byColumn
        ? { table, row: rowKey, column: base.column }
        : { table, row: rowKey, column, which: base.which };
      return [
        cellLocation(d, { table, row: rowKey, column }),
        cellLocation(d, baseRef),
        reasonLocation(table, row, kind),
      ];
    },
  };
}

/** Applies a table subject; a row that is not listed is insufficient data. */
export function checkRowReason(
  ctx: RuleContext,
  table: TableId,
  rowKey: string,
  column: string,
  kind: ReasonKind,
  base: { which: 'prior' | 'budget' } | { column: string },
): ReasonState {
  const s = tableSubject(ctx, table, rowKey, column, kind, base);
  if (!s) {
    ctx.insufficient(`缺少${missingRowLabel(table, rowKey)}`);
    return 'insufficient';
  }
  return applyReason(ctx, s);
}

/** 表一「收入总计」行, for a row that is not listed. */
export function missingRowLabel(table: TableId, rowKey: string): string {
  return `${TABLE_SPECS[table].number}「${fixedRowLabel(table, rowKey) ?? rowKey}」行`;
}

/**
 * T7 "三公" reasons: 合计, 因公出国（境）费 and 公务接待费 each need one; 公务用车购置费 and 运行（维护）费
 * need one unless the 公务用车购置及运行（维护）费 小计 row states it for the group (the seed states the
 * 小计 reason against last year and the item reasons against the budget). When only the 小计 is listed,
 * the 小计 needs it.
 */
export function checkThreePublicReasons(ctx: RuleContext, kind: ReasonKind): void {
  const base = kind === 'prior' ? ({ which: 'prior' } as const) : ({ column: 'budget' } as const);
  for (const key of ['total', 'abroad', 'reception']) checkRowReason(ctx, 't7', key, 'final', kind, base);
  const t7 = ctx.d.tables.t7;
  if (!t7.byKey.has('vehiclePurchase') && !t7.byKey.has('vehicleOperation')) {
    checkRowReason(ctx, 't7', 'vehicle', 'final', kind, base);
    return;
  }
  const sub = tableSubject(ctx, 't7', 'vehicle', 'final', kind, base);
  if (sub !== undefined && !isBlank(sub.reason)) {
    // The 小计 reason covers both items, whether or not their own comparison figures are printed.
    ctx.ran();
    return;
  }
  for (const key of ['vehiclePurchase', 'vehicleOperation']) {
    const s = tableSubject(ctx, 't7', key, 'final', kind, base);
    if (s) applyReason(ctx, s);
    else ctx.insufficient(`缺少${missingRowLabel('t7', key)}`);
  }
}

// Whole-text placeholders (after trimming end punctuation) and tokens that mark a template left unfilled.
const PLACEHOLDER_WHOLE =
  /^(?:[xX×＊*]+|…+|\.{2,}|。{2,}|待补充|待填写|原因|（原因）|\(原因\)|主要原因(?:是|为)?[:：]?)$/;
const PLACEHOLDER_TOKEN = /[xX×]{2,}|待补充|待填写|（原因）|\(原因\)/;

// Characters every placeholder contains (or an empty text); a real reason usually has none of them.
const PLACEHOLDER_HINT = /^[\s。；;，,.！!]*$|[xX×＊*…待原]|\.\.|。。/;

/** Whether a reason text is a template placeholder ("XX", "××", "……", "待补充", "（原因）") or blank. */
export function isPlaceholderReason(text: string): boolean {
  if (!PLACEHOLDER_HINT.test(text)) return false;
  const t = text.trim().replace(/[。；;，,.！!\s]+$/u, '');
  if (t === '') return true;
  return PLACEHOLDER_WHOLE.test(t) || PLACEHOLDER_TOKEN.test(t);
}
