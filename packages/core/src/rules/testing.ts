/** Helpers for rule tests: a realistic unit, a way to change one figure, and running one rule. */
import { formatAmount, parseAmount } from '../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../model/load.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { generateUnitData, type GenerateOptions } from '../testing/generate-unit.ts';
import { runRules, type RunOptions } from './engine.ts';
import type { Finding, Rule, RuleOutcome } from './types.ts';

export type Data = Record<string, unknown>;

/** A generated, internally consistent unit (data-file form). */
export function unitData(options: GenerateOptions = {}): Data {
  return generateUnitData({ seed: 42, items: 8, withFund: true, kind: '行政', ...options });
}

/** Deep copy of data with one value changed; path like `tables.t5.rows[0].total`. */
export function withValue(data: Data, path: string, value: unknown): Data {
  const copy = structuredClone(data);
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let cur: Record<string, unknown> = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    const next = cur[k];
    if (next === undefined || next === null || typeof next !== 'object')
      throw new Error(`路径不存在：${path}（在 ${k}）`);
    cur = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** Index of the row with this `row` id or `code` in a table of the data. */
export function rowIndex(data: Data, table: string, key: string): number {
  const rows = ((data['tables'] as Data)[table] as { rows: Data[] }).rows;
  const i = rows.findIndex((r) => r['row'] === key || r['code'] === key);
  if (i < 0) throw new Error(`${table} 没有行 ${key}`);
  return i;
}

/** Path of a cell in the data: cellPath(data, 't5', 'total', 'basic'). */
export function cellPath(
  data: Data,
  table: string,
  key: string,
  column: string,
  which?: 'prior' | 'budget',
): string {
  const obj = which === 'budget' ? 'initialBudget' : which;
  return `tables.${table}.rows[${rowIndex(data, table, key)}]${obj ? '.' + obj : ''}.${column}`;
}

/** Reads a printed amount at a path, adds `deltaWan` 万元 (two decimals), writes it back. */
export function shifted(data: Data, path: string, deltaWan: string): Data {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let cur: unknown = data;
  for (const k of keys) cur = (cur as Record<string, unknown>)[k];
  const fen =
    (cur === undefined || cur === null ? 0 : parseAmount(String(cur)).fen) + parseAmount(deltaWan).fen;
  const text = formatAmount(fen, { unit: '万元', decimals: 2 });
  return withValue(data, path, text);
}

export function load(data: Data | string): Disclosure {
  return typeof data === 'string' ? loadDisclosure(data) : disclosureFromData(data);
}

/** Runs one rule on data or a model. */
export function runOne(rule: Rule, data: Data | Disclosure, options: RunOptions = {}): RuleOutcome {
  const d =
    'tables' in data && (data as Disclosure).halfStepFen !== undefined
      ? (data as Disclosure)
      : load(data as Data);
  return runRules(d, [rule], options);
}

export function errors(o: RuleOutcome): Finding[] {
  return o.findings.filter((f) => f.severity === 'error');
}

export function nonInfo(o: RuleOutcome): Finding[] {
  return o.findings.filter((f) => f.severity !== 'info');
}
