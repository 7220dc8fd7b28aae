/**
 * Consecutive years. With last year's data (a data file, or the one `audit` rebuilt from last year's
 * publication), this year's 上年 figures are taken from it, and the figures carried from one year to
 * the next are checked: 年初结转和结余 (T1, T4 by fund, T8/T9 by row) = last year's 年末结转和结余, and
 * every 上年数 this year states = the figure last year published (DOMAIN.md §5, last line).
 */
import { fenText } from '../excel/amounts.ts';
import { orderRows } from '../excel/import.ts';
import { ErrorCode, JuesuanError } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { asModel, type PreviousYear } from './carried-figures.ts';
import { TABLE_IDS, type TableId } from '../model/tables.ts';
import { parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
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
      {
        file: fileName,
        message: '请改用上年的数据文件（YAML/JSON）作为上年数据',
        need: 'previous-data-file',
      },
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

export {
  checkCarriedFigures,
  compareCarriedFigures,
  type CarriedRuleId,
  type ContinuityOptions,
  type PreviousYear,
} from './carried-figures.ts';
