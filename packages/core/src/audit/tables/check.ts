/** A table read from a document is accepted only when its own identities balance: the catalogue rules of that table on a model holding the table alone. */
import type { Catalogue } from '../../classification/catalogue.ts';
import { builtinCatalogue, builtinYears } from '../../classification/builtin.ts';
import { JuesuanError } from '../../errors.ts';
import type { Disclosure } from '../../model/disclosure.ts';
import { disclosureFromData } from '../../model/load.ts';
import { FORMAT_ID } from '../../model/schema.ts';
import type { TableId } from '../../model/tables.ts';
import { runRules } from '../../rules/engine.ts';
import { ruleById } from '../../rules/registry.ts';
import type { Rule } from '../../rules/types.ts';
import { fold } from '../table-geometry.ts';
import type { TableRead, Context } from './read-common.ts';

/** The identities each table must satisfy on its own (rules of the catalogue, by id). */
export const TABLE_IDENTITY_RULES: Readonly<Record<TableId, readonly string[]>> = {
  t1: [
    't1-income-total',
    't1-income-grand-total',
    't1-expenditure-total',
    't1-expenditure-grand-total',
    't1-grand-totals-equal',
  ],
  t2: ['t2-row-sum', 't2-total-row', 't2-hierarchy'],
  t3: ['t3-row-sum', 't3-total-row', 't3-hierarchy'],
  t4: [
    't4-row-sum',
    't4-expenditure-total',
    't4-income-grand-total',
    't4-expenditure-grand-total',
    't4-grand-totals-equal',
    't4-fund-balance',
  ],
  t5: ['t5-row-sum', 't5-total-row', 't5-hierarchy'],
  t6: ['t6-hierarchy', 't6-personnel-total', 't6-public-total'],
  t7: ['t7-total', 't7-vehicle-subtotal'],
  t8: ['t8-row-sum', 't8-total-row', 't8-hierarchy', 't8-row-balance'],
  t9: ['t9-row-sum', 't9-total-row', 't9-hierarchy', 't9-row-balance'],
};

export const rulesCache = new Map<TableId, Rule[]>();
export function identityRules(id: TableId): Rule[] {
  let rules = rulesCache.get(id);
  if (!rules) {
    rules = TABLE_IDENTITY_RULES[id].map((r) => {
      const rule = ruleById(r);
      if (!rule) throw new Error(`规则 ${r} 不存在`);
      return rule;
    });
    rulesCache.set(id, rules);
  }
  return rules;
}

/** The model of one table: loads it alone and runs its identity rules; problems when it does not balance. */
export function checkTable(
  id: TableId,
  read: TableRead,
  ctx: Context,
): { model?: Disclosure; problems: string[]; unchecked?: boolean } {
  let decimals = 0;
  for (const r of read.rows) {
    for (const v of Object.values(r)) {
      if (typeof v !== 'string') continue;
      const m = /\.(\d+)$/.exec(v);
      if (m && /^[-\d.,()]+$/.test(v)) decimals = Math.max(decimals, m[1]!.length);
    }
  }
  let model: Disclosure;
  try {
    model = disclosureFromData({
      format: FORMAT_ID,
      year: ctx.year,
      amountUnit: ctx.unit,
      decimals: Math.max(decimals, 2),
      unit: { name: '（审查读取）', kind: '行政' },
      tables: { [id]: { rows: read.rows } },
    });
  } catch (e) {
    if (e instanceof JuesuanError)
      return {
        problems: [e.message, ...e.problems.slice(0, 3).map((p) => `${p.path ?? ''} ${p.message}`.trim())],
      };
    throw e;
  }
  const rules = identityRules(id);
  const outcome = runRules(model, rules);
  const failed = outcome.findings.filter((f) => f.severity !== 'info' && f.kind !== 'rounding');
  return { model, problems: failed.map((f) => f.message), unchecked: outcome.notRun.length === rules.length };
}

export function classNameIndex(year: number): Map<string, string> {
  const years = builtinYears('function');
  const nearest = [...years].sort((a, b) => Math.abs(a - year) - Math.abs(b - year));
  const out = new Map<string, string>();
  for (const y of nearest) {
    const cat: Catalogue | undefined = builtinCatalogue('function', y);
    if (!cat) continue;
    for (const e of cat.entries.values()) {
      if (e.level !== '类') continue;
      const k = fold(e.name);
      if (!out.has(k)) out.set(k, e.code);
    }
  }
  return out;
}
