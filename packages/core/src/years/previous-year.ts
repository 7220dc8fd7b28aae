/**
 * Consecutive years. With last year's data (a data file, or the one `audit` rebuilt from last year's
 * publication), this year's 上年 figures are taken from it, and the figures carried from one year to
 * the next are checked: 年初结转和结余 (T1, T4 by fund, T8/T9 by row) = last year's 年末结转和结余, and
 * every 上年数 this year states = the figure last year published (DOMAIN.md §5, last line).
 */
import { fenText } from '../excel/amounts.ts';
import { orderRows } from '../excel/import.ts';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { disclosureFromData } from '../model/load.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import { TABLE_IDS, TABLE_SPECS, columnLabel, type TableId } from '../model/tables.ts';
import { formatAmount, parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import type { Finding, Location } from '../rules/types.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Where last year's figures come from: a data file, or a model (e.g. rebuilt by audit). */
export type PreviousYear = Obj | Disclosure;

function asModel(x: PreviousYear, file?: string): Disclosure {
  if (
    isObj(x) &&
    isObj(x['tables']) &&
    isObj((x['tables'] as Obj)['t1']) &&
    'byKey' in ((x['tables'] as Obj)['t1'] as Obj)
  )
    return x as unknown as Disclosure;
  return disclosureFromData(x, file !== undefined ? { file } : {});
}

/**
 * Last year's figures from last year's publication (PDF, DOCX or text), as `audit` rebuilds them: the
 * model of the tables it could read back. Throws when the publication gives no tables to use.
 */
export async function previousFromPublication(bytes: Uint8Array, fileName: string): Promise<Disclosure> {
  const { auditDocument } = await import('../audit/audit.ts');
  const r = await auditDocument(bytes, fileName);
  if (!r.model)
    throw new JuesuanError(ErrorCode.BadInput, `${fileName}：未能从上年公开文本中读出报表`, [
      { file: fileName, message: '请改用上年的数据文件（YAML/JSON）作为 --previous' },
    ]);
  return r.model;
}

export interface PreviousDifference {
  /** Data-file path of this year's stated 上年数. */
  path: string;
  stated: string;
  previous: string;
}

export interface ApplyPreviousOptions {
  /** Add code rows last year had and this year does not list, with only their 上年数 (default false). */
  addRows?: boolean;
  /** Fill this year's 年初结转和结余 with last year's 年末 where this year does not give it (default false). */
  carryOpening?: boolean;
}

/**
 * This year's data with every 上年 figure taken from last year's: `prior` of each row and column last
 * year gives, and adminCost.prior. Where this year stated a different 上年数, last year's wins and the
 * difference is listed.
 */
export function applyPreviousYear(
  current: Obj,
  previous: PreviousYear,
  options: ApplyPreviousOptions = {},
): { data: Obj; differences: PreviousDifference[] } {
  const data = structuredClone(current);
  const prev = asModel(previous);
  if (typeof data['year'] === 'number' && data['year'] !== prev.year + 1)
    throw new JuesuanError(
      ErrorCode.BadInput,
      `上年数据是 ${prev.year} 年度的，本年是 ${String(data['year'])} 年度，不相邻`,
    );
  const unit = (data['amountUnit'] as MoneyUnit | undefined) ?? '万元';
  const text = (fen: Fen) => fenText(fen, unit);
  const differences: PreviousDifference[] = [];
  const tables = isObj(data['tables']) ? data['tables'] : (data['tables'] = {});
  for (const id of TABLE_IDS) {
    const pt = prev.tables[id];
    if (pt.rows.length === 0) continue;
    const t = isObj(tables[id]) ? (tables[id] as Obj) : undefined;
    const rows: Obj[] = t && Array.isArray(t['rows']) ? (t['rows'] as Obj[]) : [];
    const keyOf = (r: Obj) => String(r['row'] ?? r['code']);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    let added = false;
    for (const pr of pt.rows) {
      let row = byKey.get(pr.key);
      if (!row) {
        added = true;
        if (!options.addRows && !(options.carryOpening && isCarried(id, pr.key))) continue;
        row = pr.code !== undefined ? { code: pr.code, name: pr.name } : { row: pr.key };
        rows.push(row);
        byKey.set(pr.key, row);
      }
      const prior = isObj(row['prior']) ? (row['prior'] as Obj) : {};
      for (const [col, fen] of Object.entries(pr.values)) {
        if (fen === undefined) continue;
        const old = prior[col];
        if (old !== undefined && old !== null && parseAmount(String(old), unit).fen !== fen)
          differences.push({
            path: `tables.${id}.rows[${rows.indexOf(row)}].prior.${col}`,
            stated: String(old),
            previous: text(fen),
          });
        prior[col] = text(fen);
      }
      if (Object.keys(prior).length > 0) row['prior'] = prior;
    }
    if (options.carryOpening) carryOpening(id, prev, rows, text);
    if (rows.length === 0) continue;
    const keyed = rows.map((r) => ({ r, key: keyOf(r), code: r['code'] as string | undefined }));
    const sorted = [
      ...keyed.filter((x) => x.code === undefined),
      ...keyed.filter((x) => x.code !== undefined).sort(byCode),
    ];
    tables[id] = { ...(t ?? {}), rows: added ? orderRows(id, sorted).map((x) => x.r) : rows };
  }
  if (prev.adminCost?.amount !== undefined) {
    const ac = isObj(data['adminCost']) ? (data['adminCost'] as Obj) : (data['adminCost'] = {});
    const old = ac['prior'];
    if (old !== undefined && old !== null && parseAmount(String(old), unit).fen !== prev.adminCost.amount)
      differences.push({
        path: 'adminCost.prior',
        stated: String(old),
        previous: text(prev.adminCost.amount),
      });
    ac['prior'] = text(prev.adminCost.amount);
  }
  return { data, differences };
}

/** Code rows in code order (类 before its 款 before its 项); fixed rows keep their place. */
function byCode(a: { code?: string }, b: { code?: string }): number {
  const x = a.code ?? '';
  const y = b.code ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function isCarried(id: TableId, key: string): boolean {
  return (id === 't1' || id === 't4') && (key === 'openingCarryover' || key === 'closingCarryover');
}

/** This year's opening carry-overs from last year's closing ones, where not given. */
function carryOpening(id: TableId, prev: Disclosure, rows: Obj[], text: (f: Fen) => string): void {
  const pairs: [string, string, string][] = [];
  if (id === 't1') pairs.push(['openingCarryover', 'closingCarryover', 'amount']);
  if (id === 't4')
    for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
      pairs.push(['openingCarryover', 'closingCarryover', c]);
  for (const [open, close, col] of pairs) {
    const v = prev.tables[id].byKey.get(close)?.values[col];
    const row = rows.find((r) => r['row'] === open);
    if (v !== undefined && row && row[col] === undefined) row[col] = text(v);
  }
  if (id === 't8' || id === 't9')
    for (const row of rows) {
      const pr = prev.tables[id].byKey.get(String(row['row'] ?? row['code']));
      const v = pr?.values['closing'];
      if (v !== undefined && row['opening'] === undefined) row['opening'] = text(v);
    }
}

export interface ContinuityOptions {
  /** Names for the two sources in messages (file names by default). */
  currentName?: string;
  previousName?: string;
}

function loc(
  d: Disclosure,
  table: TableId,
  row: Row,
  col: string,
  which: 'value' | 'prior',
  sourceName: string,
): Location {
  const spec = TABLE_SPECS[table];
  const single = spec.columns.length === 1;
  const rowText = row.code ? `「${row.code}${row.name ? ' ' + row.name : ''}」` : `「${row.name}」`;
  const src = which === 'value' ? row.cellSources?.[col] : row.cellSources?.[`prior.${col}`];
  const line = src?.line ?? row.source?.line;
  const value = which === 'value' ? row.values[col] : row.prior?.[col];
  const l: Location = {
    table,
    row: row.key,
    column: col,
    label: `${sourceName}（${d.year} 年度）${spec.number}${rowText}行${single ? '' : `「${columnLabel(table, col)}」列`}${which === 'prior' ? '（上年决算数）' : ''}`,
  };
  if (which !== 'value') l.which = which;
  if (line !== undefined) l.line = line;
  if (value !== undefined) l.value = formatAmount(value, { unit: d.amountUnit, decimals: d.decimals });
  return l;
}

/**
 * The figures carried between the two years, checked: this year's 年初结转和结余 against last year's
 * 年末结转和结余 (T1; T4 per fund; T8/T9 per row), and each 上年数 this year states against last year's
 * figure. Findings name both sources. Exact comparison in 分, with the rounding tolerance of the two
 * printed figures (DOMAIN.md §2): within it the finding is an info note.
 */
export function checkCarriedFigures(
  current: Disclosure,
  previous: PreviousYear,
  options: ContinuityOptions = {},
): Finding[] {
  const prev = asModel(previous);
  const out: Finding[] = [];
  const curName = options.currentName ?? current.file ?? '本年数据';
  const prevName = options.previousName ?? prev.file ?? '上年数据';
  if (prev.year !== current.year - 1) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `上年数据是 ${prev.year} 年度的，本年是 ${current.year} 年度，不相邻`,
    );
  }
  const tol = current.halfStepFen + prev.halfStepFen;
  const compare = (
    rule: string,
    table: TableId,
    cur: Row,
    curCol: string,
    curWhich: 'value' | 'prior',
    old: Row,
    oldCol: string,
    what: string,
  ) => {
    const a = curWhich === 'value' ? cur.values[curCol] : cur.prior?.[curCol];
    const b = old.values[oldCol];
    if (a === undefined || b === undefined || a === b) return;
    const diff = a - b;
    const rounding = Math.abs(diff) <= tol;
    const f = (v: Fen) => formatAmount(v, { unit: current.amountUnit, decimals: current.decimals });
    const finding: Finding = {
      rule,
      severity: rounding ? 'info' : curWhich === 'value' ? 'error' : 'warning',
      category: 'carryover',
      message: `${what}：${curName} ${f(a)}，${prevName} ${f(b)}，相差 ${diff > 0 ? '+' : ''}${f(diff)} ${current.amountUnit}${rounding ? '，在四舍五入允许范围内' : ''}`,
      location: [
        loc(current, table, cur, curCol, curWhich, curName),
        loc(prev, table, old, oldCol, 'value', prevName),
      ],
      expected: f(b),
      actual: f(a),
      difference: `${diff > 0 ? '+' : ''}${f(diff)}`,
    };
    if (rounding) finding.kind = 'rounding';
    out.push(finding);
  };
  const t1 = current.tables.t1;
  const p1 = prev.tables.t1;
  const o1 = t1.byKey.get('openingCarryover');
  const c1 = p1.byKey.get('closingCarryover');
  if (o1 && c1)
    compare(
      'carryover-previous-year',
      't1',
      o1,
      'amount',
      'value',
      c1,
      'amount',
      '本年表一“年初结转和结余”应等于上年表一“年末结转和结余”',
    );
  const o4 = current.tables.t4.byKey.get('openingCarryover');
  const c4 = prev.tables.t4.byKey.get('closingCarryover');
  if (o4 && c4)
    for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
      compare(
        'carryover-previous-year',
        't4',
        o4,
        col,
        'value',
        c4,
        col,
        `本年表四“年初财政拨款结转和结余”（${columnLabel('t4', col)}）应等于上年表四“年末财政拨款结转和结余”`,
      );
  for (const id of ['t8', 't9'] as const)
    for (const row of current.tables[id].rows) {
      const old = prev.tables[id].byKey.get(row.key);
      if (old)
        compare(
          'carryover-previous-year',
          id,
          row,
          'opening',
          'value',
          old,
          'closing',
          `本年${TABLE_SPECS[id].number}“年初结转和结余”应等于上年“年末结转和结余”`,
        );
    }
  // Every 上年数 this year states.
  for (const id of TABLE_IDS)
    for (const row of current.tables[id].rows) {
      const old = prev.tables[id].byKey.get(row.key);
      if (!old || !row.prior) continue;
      for (const col of Object.keys(row.prior))
        compare(
          'prior-year-figure',
          id,
          row,
          col,
          'prior',
          old,
          col,
          `本年列出的上年数应等于上年公开的决算数`,
        );
    }
  const ac = current.adminCost;
  const pac = prev.adminCost;
  if (ac?.prior !== undefined && pac?.amount !== undefined && ac.prior !== pac.amount) {
    const f = (v: Fen) => formatAmount(v, { unit: current.amountUnit, decimals: current.decimals });
    const diff = ac.prior - pac.amount;
    out.push({
      rule: 'prior-year-figure',
      severity: Math.abs(diff) <= tol ? 'info' : 'warning',
      category: 'carryover',
      message: `机关运行经费的上年数应等于上年公开的决算数：${curName} ${f(ac.prior)}，${prevName} ${f(pac.amount)}`,
      location: [
        {
          field: 'adminCost.prior',
          label: `${curName}（${current.year} 年度）机关运行经费上年决算数`,
          value: f(ac.prior),
        },
        {
          field: 'adminCost.amount',
          label: `${prevName}（${prev.year} 年度）机关运行经费决算数`,
          value: f(pac.amount),
        },
      ],
      expected: f(pac.amount),
      actual: f(ac.prior),
      difference: `${diff > 0 ? '+' : ''}${f(diff)}`,
    });
  }
  return out;
}
