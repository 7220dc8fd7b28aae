/**
 * The editor's data helpers: amounts typed or pasted (as exact text, never floats), grid rows of a
 * table and back, live totals in integer hundredths, the local draft that survives a reload or a
 * dropped connection, and merging one's own edits onto a newer version after a 409.
 */

import { columnWords } from '../../src/shared/column-words.ts';

export { columnWords };
export type Obj = Record<string, unknown>;
export interface RowData {
  row?: string;
  code?: string;
  name?: string;
  prior?: Obj;
  initialBudget?: Obj;
  reasons?: { prior?: string; budget?: string };
  [column: string]: unknown;
}
export interface TableData {
  emptyStatement?: string;
  rows?: RowData[];
}

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A plain deep copy of JSON data. The editor's data lives in Vue reactive proxies, which
 * structuredClone refuses (DataCloneError); the data is JSON throughout, so a JSON round trip is exact.
 */
export function plainCopy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** What a cell's text became: an amount as exact text (undefined for "not given"), with a hint to show; or a refusal saying why. */
export type CellAmountInput =
  | { ok: true; value: string | undefined; hint?: string | undefined }
  | { ok: false; text: string; message: string };

/** Dashes read as zero, as core's workbook importer reads them (Excel's accounting format prints a zero as "-"). */
const ZERO_DASHES = new Set(['-', '--', '—', '——', '—-']);

/**
 * An amount as the grid shows it: thousands separated as the printed tables are ("2,940.05"); what is
 * not a plain number (empty, 未提供, text being typed) is shown as it is. Only the display: the cell's
 * value, and what the editor opens with, stay the plain text.
 */
export function groupedAmount(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s);
  if (!m) return s;
  return m[1]! + m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[3] ?? '');
}

/**
 * What a cell accepts, in the table's unit: an amount as exact text, or empty / 未提供 for "not given".
 * Full-width digits, thousands separators and (accounting) negatives are read; a dash is 0, as in
 * core's workbook import; a unit suffix other than the table's (1234元 in a 万元 table) is refused
 * with the converted figure, never silently taken as 1234 万元; more decimals than the data's
 * `decimals` are kept exactly, with a warning.
 */
export function normaliseAmount(
  input: unknown,
  opts: { unit?: AmountUnit | undefined; decimals?: number | undefined } = {},
): CellAmountInput {
  const unit = opts.unit ?? '万元';
  const decimals = opts.decimals ?? 2;
  if (input === undefined || input === null) return { ok: true, value: undefined };
  const typed = String(input);
  let s = typed
    .normalize('NFKC')
    .replace(/[,\s\u00a0\u3000]/g, '')
    .replace(/[\u2212\u2012\u2013\ufe63]/g, '-');
  if (s === '' || s === '未提供') return { ok: true, value: undefined };
  if (ZERO_DASHES.has(s))
    return {
      ok: true,
      value: '0',
      hint: `「${typed.trim()}」按 0 填入（Excel 会计格式用“-”表示零）；不知道的数请留空`,
    };
  if (/^\(.*\)$/.test(s)) s = `-${s.slice(1, -1)}`;
  const m = /^(-?\d+(?:\.(\d+))?)(元|万元|万|亿元|亿)?$/.exec(s);
  if (!m)
    return {
      ok: false,
      text: typed,
      message: `「${typed}」不是金额：请只填数字（单位${unit}，可带小数点和负号），不知道的数留空`,
    };
  const written =
    m[3] === undefined ? unit : m[3].startsWith('万') ? '万元' : m[3].startsWith('亿') ? '亿元' : '元';
  if (written !== unit)
    return {
      ok: false,
      text: typed,
      message: `「${typed}」带了单位“${written}”，本表金额单位是${unit}：请填${unit}数（${m[1]} ${written} = ${shiftDecimal(m[1]!, UNIT_EXP[written] - UNIT_EXP[unit])} ${unit}），不带单位`,
    };
  const value = m[1]!.replace(/^(-?)0+(?=\d)/, '$1');
  const places = m[2]?.length ?? 0;
  return places > decimals
    ? {
        ok: true,
        value,
        hint: `「${typed.trim()}」有 ${places} 位小数，本表金额保留 ${decimals} 位小数（单位${unit}）：已按所填保存，请核对是否多填了小数`,
      }
    : { ok: true, value };
}

/** Hundredths of the amount text (exact integer arithmetic); undefined for empty or more than 2 decimals. */
export function hundredths(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(v));
  if (!m) return undefined;
  const n = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -n : n;
}

export function formatHundredths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A grid column of a table: a current-year column, or its 上年 / 年初预算 companion. */
export interface GridColumn {
  prop: string;
  label: string;
  column: string;
  which?: 'prior' | 'budget';
}

export interface TableSpecLite {
  id: string;
  number: string;
  name: string;
  columns: { id: string; label: string }[];
  fixedRows: { id: string; label: string }[];
}

/** Columns shown for a table: its own, then 上年 for its first column and any the data gives, and 年初预算 where given. */
export function gridColumns(spec: TableSpecLite, table: TableData | undefined): GridColumn[] {
  const rows = table?.rows ?? [];
  const out: GridColumn[] = spec.columns.map((c) => ({
    prop: c.id,
    label: columnWords(c.label),
    column: c.id,
  }));
  const first = spec.columns.find((c) => c.id !== 'budget') ?? spec.columns[0]!;
  for (const c of spec.columns) {
    if (c === first || rows.some((r) => isObj(r.prior) && r.prior[c.id] !== undefined))
      out.push({ prop: `prior.${c.id}`, label: columnWords(c.label, 'prior'), column: c.id, which: 'prior' });
  }
  for (const c of spec.columns) {
    if (
      (c === first && ['t1', 't4', 't5'].includes(spec.id)) ||
      rows.some((r) => isObj(r.initialBudget) && r.initialBudget[c.id] !== undefined)
    )
      out.push({
        prop: `initialBudget.${c.id}`,
        label: columnWords(c.label, 'budget'),
        column: c.id,
        which: 'budget',
      });
  }
  return out;
}

export const rowKey = (r: RowData): string => String(r.row ?? r.code ?? '');

// ------------------------------------------------------------------------------------------------
// Where a reviewer's comment on a cell points: a table, a row by its name, a column by its label and,
// for the 上年决算数 / 年初预算数 columns, which of them.

/** A spec column (by label or id) and which figure of it, as a grid column prop (`total`, `prior.total`). */
export function commentColumnProp(
  spec: TableSpecLite | undefined,
  column: string | undefined,
  which: string | undefined,
): string {
  if (!column) return '';
  const c = spec?.columns.find((x) => x.id === column || x.label === column);
  const id = c?.id ?? column;
  return which === 'prior' ? `prior.${id}` : which === 'budget' ? `initialBudget.${id}` : id;
}

/** The location's column (the spec column's label) and which figure, from a grid column prop. */
export function commentColumnOf(
  spec: TableSpecLite | undefined,
  prop: string,
): { column?: string; which?: 'prior' | 'budget' } {
  if (!prop) return {};
  const [a, b] = prop.split('.');
  const which = b === undefined ? undefined : a === 'prior' ? 'prior' : 'budget';
  const id = b ?? a!;
  const label = spec?.columns.find((x) => x.id === id)?.label ?? id;
  return which ? { column: label, which } : { column: label };
}

/** A finding's row (a fixed row's id or a classification code) as the name the comment dialog offers. */
export function commentRowName(
  spec: TableSpecLite | undefined,
  table: TableData | undefined,
  row: string | undefined,
): string {
  if (!row) return '';
  const fixed = spec?.fixedRows.find((r) => r.id === row);
  if (fixed) return fixed.label;
  const coded = (table?.rows ?? []).find((r) => r.code === row);
  return coded && typeof coded.name === 'string' ? `${coded.code} ${coded.name}` : row;
}

/** Whether a grid column (`column` id, `which`) is the one a comment location names (its column by label or id). */
export function commentNamesColumn(
  loc: { column?: string | undefined; which?: string | undefined },
  col: { id: string; label: string },
  which: 'prior' | 'budget' | undefined,
): boolean {
  if ((loc.which ?? undefined) !== which) return false;
  return !loc.column || loc.column === col.id || loc.column === col.label;
}

/** Reads a grid prop of a data row. */
export function getProp(r: RowData, prop: string): unknown {
  const [a, b] = prop.split('.');
  if (b === undefined) return r[a!];
  const o = r[a!];
  return isObj(o) ? o[b] : undefined;
}

/** Writes a grid prop of a data row; undefined removes it (unknown, not zero). */
export function setProp(r: RowData, prop: string, value: string | undefined): void {
  const [a, b] = prop.split('.');
  if (b === undefined) {
    if (value === undefined) delete r[a!];
    else r[a!] = value;
    return;
  }
  const o: Obj = isObj(r[a!]) ? (r[a!] as Obj) : {};
  if (value === undefined) delete o[b];
  else o[b] = value;
  if (Object.keys(o).length > 0) r[a!] = o;
  else delete r[a!];
}

/** Where a new code row goes: code rows in code order (类 before its 款 before its 项), fixed rows where they are. */
export function insertCodeRow(rows: RowData[], row: RowData): number {
  const code = row.code!;
  let at = rows.length;
  let lastCode = -1;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i]!.code;
    if (c === undefined) continue;
    lastCode = i;
    if (c > code) {
      at = i;
      break;
    }
  }
  if (at === rows.length && lastCode >= 0) at = lastCode + 1;
  rows.splice(at, 0, row);
  return at;
}

/**
 * Totals computed as one types: for a table with code rows, the sum of its top code rows (those whose
 * parent is not listed) per column, beside what its 合计 row states.
 */
export function liveTotals(rows: RowData[], props: string[]): Record<string, string> | null {
  const codes = new Set(rows.map((r) => r.code).filter((c): c is string => c !== undefined));
  if (codes.size === 0) return null;
  const tops = rows.filter((r) => {
    const c = r.code;
    if (c === undefined) return false;
    return (
      !(c.length === 7 && (codes.has(c.slice(0, 5)) || codes.has(c.slice(0, 3)))) &&
      !(c.length === 5 && codes.has(c.slice(0, 3)))
    );
  });
  const out: Record<string, string> = {};
  for (const p of props) {
    let sum = 0;
    let any = false;
    for (const r of tops) {
      const h = hundredths(getProp(r, p));
      if (h === undefined) continue;
      sum += h;
      any = true;
    }
    if (any) out[p] = formatHundredths(sum);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// The local draft: every edit is kept in the browser until the server has it.

export interface LocalDraft {
  baseVersion: number;
  baseData: Obj;
  data: Obj;
  at: string;
}

/**
 * Drafts are kept per user (`juesuan-draft:<user>:<disclosure>`): a browser shared by two people
 * never offers one person's unsaved edits to the other, and signing out removes the user's drafts.
 */
const DRAFT_PREFIX = 'juesuan-draft:';
const draftKey = (user: string, id: string) => `${DRAFT_PREFIX}${user}:${id}`;

interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
/** The browser's localStorage (absent under Node, where these helpers are tested). */
const storage = (): KeyValueStore | undefined =>
  (globalThis as { localStorage?: KeyValueStore }).localStorage;

export function loadDraft(user: string, id: string): LocalDraft | null {
  try {
    // A draft from before drafts had a user is nobody's to restore.
    storage()?.removeItem(`${DRAFT_PREFIX}${id}`);
    const t = storage()?.getItem(draftKey(user, id));
    return t ? (JSON.parse(t) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function storeDraft(user: string, id: string, d: LocalDraft): void {
  try {
    storage()?.setItem(draftKey(user, id), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the page still holds the edit; the save warns when it fails.
  }
}

export function clearDraft(user: string, id: string): void {
  try {
    storage()?.removeItem(draftKey(user, id));
  } catch {
    // nothing to do
  }
}

/** The keys of the user's drafts, and of drafts kept before drafts had a user (those are nobody's). */
function draftKeysOf(user: string): string[] {
  const s = storage();
  const out: string[] = [];
  if (!s) return out;
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(DRAFT_PREFIX)) continue;
    const rest = k.slice(DRAFT_PREFIX.length);
    if (rest.startsWith(`${user}:`) || !rest.includes(':')) out.push(k);
  }
  return out;
}

/** How many unsaved drafts the user has in this browser. */
export function countDrafts(user: string): number {
  try {
    return draftKeysOf(user).filter((k) => k.startsWith(`${DRAFT_PREFIX}${user}:`)).length;
  } catch {
    return 0;
  }
}

/** Removes the user's drafts from this browser (on signing out). */
export function clearUserDrafts(user: string): void {
  try {
    for (const k of draftKeysOf(user)) storage()?.removeItem(k);
  } catch {
    // nothing to do
  }
}

// ------------------------------------------------------------------------------------------------
// Merging after a conflict.

export interface LeafChange {
  path: (string | number)[];
  before: unknown;
  after: unknown;
}

/** Leaf-level differences between two JSON values (arrays by index). */
export function leafChanges(
  before: unknown,
  after: unknown,
  path: (string | number)[] = [],
  out: LeafChange[] = [],
): LeafChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return out;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      leafChanges(before[i], after[i], [...path, i], out);
    return out;
  }
  if (isObj(before) && isObj(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      leafChanges(before[k], after[k], [...path, k], out);
    return out;
  }
  out.push({ path, before, after });
  return out;
}

/** The newer version with one's own edits (since one's base) applied on top; the paths both changed are listed. */
export function mergeOnto(base: Obj, mine: Obj, theirs: Obj): { data: Obj; overlapping: string[] } {
  const data = plainCopy(theirs);
  const theirPaths = new Set(leafChanges(base, theirs).map((c) => c.path.join('.')));
  const overlapping: string[] = [];
  for (const ch of leafChanges(base, mine)) {
    const key = ch.path.join('.');
    if (theirPaths.has(key)) overlapping.push(key);
    let cur: unknown = data;
    for (let i = 0; i < ch.path.length - 1; i++) {
      const k = ch.path[i]!;
      const next = (cur as Record<string | number, unknown>)[k];
      if (next === undefined || next === null || typeof next !== 'object')
        (cur as Record<string | number, unknown>)[k] = typeof ch.path[i + 1] === 'number' ? [] : {};
      cur = (cur as Record<string | number, unknown>)[k];
    }
    const last = ch.path[ch.path.length - 1]!;
    if (ch.after === undefined) {
      if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1);
      else delete (cur as Record<string | number, unknown>)[last];
    } else (cur as Record<string | number, unknown>)[last] = plainCopy(ch.after);
  }
  return { data, overlapping };
}

/** Reads a data path such as `tables.t5.rows[12].reasons.prior`. */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === undefined || cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Writes a data path; an empty text removes the field. */
export function setPath(data: Obj, path: string, value: string): void {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cur: Record<string, unknown> = data;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    if (!isObj(cur[k]) && !Array.isArray(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value.trim() === '') delete cur[last];
  else cur[last] = value;
}

// ------------------------------------------------------------------------------------------------
// Amounts outside the tables, typed in 元 and stored in the data file's unit: exact decimal text
// shifted by powers of ten (元 → 万元 is four places), never a binary float.

export type AmountUnit = '元' | '万元' | '亿元';
const UNIT_EXP: Record<AmountUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** The data file's amount unit (default 万元, as core reads it). */
export function amountUnitOf(data: Obj): AmountUnit {
  const u = data['amountUnit'];
  return u === '元' || u === '亿元' ? u : '万元';
}

/** Decimal text × 10^exp (exp may be negative), exactly, without leading or trailing zeros. */
export function shiftDecimal(text: string, exp: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const digits = `${m[2]}${m[3] ?? ''}`;
  let point = m[2]!.length + exp;
  let all = digits;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  } else if (point > all.length) all = all + '0'.repeat(point - all.length);
  const int = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = all.slice(point).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return m[1] && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Plain decimal text of a stored amount and the unit it is in (an amount may carry its own unit, "360.44万元"). */
function storedDecimal(v: unknown, unit: AmountUnit): { text: string; unit: AmountUnit } | undefined {
  if (typeof v !== 'number' && typeof v !== 'string') return undefined;
  const s = String(v)
    .normalize('NFKC')
    .replace(/[,\s\u00a0]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(元|万元|万|亿元|亿)?$/.exec(s);
  if (!m) return undefined;
  const u =
    m[2] === undefined ? unit : m[2].startsWith('万') ? '万元' : m[2].startsWith('亿') ? '亿元' : '元';
  return { text: m[1]!, unit: u };
}

/**
 * A stored amount shown in 元 with two decimals ("128.40" 万元 → "1284000.00"); finer figures keep
 * every digit; text that is not an amount is shown as it is (the server says what is wrong with it).
 */
export function yuanText(v: unknown, unit: AmountUnit): string {
  if (v === undefined || v === null) return '';
  const d = storedDecimal(v, unit);
  if (!d) return String(v);
  const y = shiftDecimal(d.text, UNIT_EXP[d.unit]);
  const [int, frac = ''] = y.split('.');
  return frac.length <= 2 ? `${int}.${frac.padEnd(2, '0')}` : y;
}

/**
 * What a person typed in 元 as the data file's amount text ("1,284,000.00" → "128.4" 万元): undefined
 * for empty (not given, not zero), or an error for text that is not a number. Figures finer than 1 分
 * or negative are passed on as written, for the server's check to name.
 */
export function yuanToStored(
  typed: string,
  unit: AmountUnit,
): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const s = typed
    .normalize('NFKC')
    .replace(/[,，\s\u00a0]/g, '')
    .replace(/[－−]/g, '-')
    .replace(/元$/, '');
  if (s === '') return { ok: true, value: undefined };
  if (!/^-?\d+(\.\d+)?$/.test(s))
    return { ok: false, message: `「${typed}」不是金额：请填写以元为单位的数字，如 12345.60` };
  return { ok: true, value: shiftDecimal(s, -UNIT_EXP[unit]) };
}

const pathParts = (path: string): (string | number)[] =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Writes any JSON value at a data path such as `performance.projects[0].funds.total.executed`,
 * creating objects and lists on the way; undefined removes the field (unknown, not zero).
 */
export function setValue(data: Obj, path: string, value: unknown): void {
  const parts = pathParts(path);
  let cur = data as Record<string | number, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    const next = cur[k];
    if (next === null || typeof next !== 'object') {
      if (value === undefined) return;
      cur[k] = typeof parts[i + 1] === 'number' ? [] : {};
    }
    cur = cur[k] as Record<string | number, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

// ------------------------------------------------------------------------------------------------
// Data paths in words (the conflict dialog): never `tables.t1.rows[1].amount`.

const WHICH_WORDS: Record<string, true> = { prior: true, initialBudget: true };
const ROW_FIELD_WORDS: Record<string, string> = { code: '科目编码', name: '科目名称', row: '行' };

/**
 * A data path in words: a table cell by table, row and column (`表五 …「2101102 事业单位医疗」行「合计
 * （上年决算数）」`), another field by the data format's description (`labels`, from the server, array
 * items as `[]`). The server's describeField says the same for 待补内容清单.txt.
 */
export function describePath(
  path: string,
  data: Obj,
  specs: readonly TableSpecLite[],
  labels: Record<string, string>,
): string {
  const t = /^tables\.(t\d)(?:\.rows\[(\d+)\](?:\.(.+))?|\.(emptyStatement))?$/.exec(path);
  if (t) {
    const spec = specs.find((s) => s.id === t[1]);
    if (!spec) return path;
    const table = `${spec.number} ${spec.name}`;
    if (t[4]) return `${table} 空表说明`;
    if (t[2] === undefined) return table;
    const tables = isObj(data['tables']) ? (data['tables'] as Record<string, TableData>) : {};
    const row = tables[t[1]!]?.rows?.[Number(t[2])];
    const rowName = row
      ? row.code !== undefined
        ? `${row.code} ${row.name ?? ''}`.trim()
        : (spec.fixedRows.find((r) => r.id === row.row)?.label ?? String(row.row ?? ''))
      : `第 ${Number(t[2]) + 1} 行`;
    const rest = t[3];
    if (!rest) return `${table}「${rowName}」行`;
    const parts = rest.split('.');
    const colLabel = (id: string | undefined) => spec.columns.find((c) => c.id === id)?.label ?? id ?? '';
    const col =
      parts[0] === 'reasons'
        ? `主要原因（${parts[1] === 'budget' ? '与年初预算相比' : '与上年相比'}）`
        : parts.length === 2 && WHICH_WORDS[parts[0]!]
          ? columnWords(colLabel(parts[1]), parts[0] === 'prior' ? 'prior' : 'budget')
          : (ROW_FIELD_WORDS[parts[0]!] ?? columnWords(colLabel(parts[0])));
    return `${table}「${rowName}」行「${col}」`;
  }
  const words = labels[path.replace(/\[\d+\]/g, '[]')];
  if (!words) return path;
  const n = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  return n.length ? `${words}（第 ${n.join('、')} 项）` : words;
}

/** A time as people in China write it, in the browser's time zone: 2026年12月3日 15:39. */
export function formatLocalTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}
