/**
 * 部门决算 from its units' 单位决算: every table and fact summed, with the transfers inside the
 * department offset — 对附属单位补助支出 of the superior against 上级补助收入 of the subsidiary, and
 * 上缴上级支出 of the subsidiary against 附属单位上缴收入 of the superior — so that money moving
 * between two units of one department is not counted twice. Pairs are given, or found where one
 * unit's grant equals the other units' subsidies. The consolidated units are listed in the profile.
 * Units of different years, or that give one code two different names, are refused.
 */
import { sameClassName } from '../classification/catalogue.ts';
import { fenText } from '../excel/amounts.ts';
import { orderRows, type DataFile } from '../excel/import.ts';
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_IDS, TABLE_SPECS, fixedRowLabel, type TableId } from '../model/tables.ts';
import { formatAmount, parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';

type Obj = Record<string, unknown>;

export const TransferKind = { Subsidy: 'subsidy', Remittance: 'remittance' } as const;
export type TransferKind = (typeof TransferKind)[keyof typeof TransferKind];

/**
 * A transfer inside the department. `subsidy`: `from` (the superior) paid 对附属单位补助支出 that `to`
 * booked as 上级补助收入. `remittance`: `from` (the subsidiary) paid 上缴上级支出 that `to` booked as
 * 附属单位上缴收入. Units are named as in their data files; the amount is in 万元 unless it says 元.
 */
export interface TransferPair {
  kind: TransferKind;
  from: string;
  to: string;
  amount: string | number;
}

export interface ConsolidateOptions {
  /** Name of the department (部门). */
  department: string;
  kind?: '行政' | '参公' | '事业';
  code?: string;
  region?: string;
  profile?: string;
  /** Transfers to offset; when omitted they are found (see `findTransfers`). */
  pairs?: TransferPair[];
  /** Look for transfers when no pairs are given (default true). */
  findPairs?: boolean;
  /** File names of the units, for messages (same order as the units). */
  files?: string[];
}

export interface AppliedOffset {
  kind: TransferKind;
  from: string;
  to: string;
  /** 万元 with the data's decimals. */
  amount: string;
  found: boolean;
}

export interface ConsolidateResult {
  data: DataFile;
  offsets: AppliedOffset[];
  /** What the consolidation could not do exactly (unknown figures, transfers not matched …). */
  notes: string[];
  /** The units differ in kind and none was given: the department's kind was taken from the first unit. */
  kindGuessed?: true;
}

interface MRow {
  key: string;
  code?: string;
  name: string;
  fixed: boolean;
  values: Map<string, Fen | undefined>;
  prior?: Map<string, Fen | undefined>;
  budget?: Map<string, Fen | undefined>;
  reasons: { prior: string[]; budget: string[] };
}

interface MTable {
  given: boolean;
  rows: Map<string, MRow>;
  order: string[];
  emptyStatement?: string;
}

interface MUnit {
  name: string;
  d: Disclosure;
  tables: Record<TableId, MTable>;
}

function mapOf(bag: Record<string, Fen | undefined> | undefined): Map<string, Fen | undefined> | undefined {
  return bag ? new Map(Object.entries(bag)) : undefined;
}

function mutable(d: Disclosure): MUnit {
  const tables = {} as Record<TableId, MTable>;
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    const rows = new Map<string, MRow>();
    for (const r of t.rows) {
      const m: MRow = {
        key: r.key,
        name: r.name,
        fixed: r.code === undefined,
        values: new Map(Object.entries(r.values)),
        reasons: {
          prior: r.reasons?.prior ? [r.reasons.prior] : [],
          budget: r.reasons?.budget ? [r.reasons.budget] : [],
        },
      };
      if (r.code !== undefined) m.code = r.code;
      const p = mapOf(r.prior);
      const b = mapOf(r.budget);
      if (p) m.prior = p;
      if (b) m.budget = b;
      rows.set(r.key, m);
    }
    const mt: MTable = {
      given: t.source !== undefined || t.rows.length > 0,
      rows,
      order: t.rows.map((r) => r.key),
    };
    if (t.emptyStatement !== undefined) mt.emptyStatement = t.emptyStatement;
    tables[id] = mt;
  }
  return { name: d.unit.name, d, tables };
}

function val(t: MTable, key: string, col: string): Fen | undefined {
  return t.rows.get(key)?.values.get(col);
}

/** Lowers a cell by `d` where it is known. */
function lower(t: MTable, key: string, col: string, d: Fen): void {
  const r = t.rows.get(key);
  const v = r?.values.get(col);
  if (r && v !== undefined) r.values.set(col, v - d);
}

/**
 * Takes `amount` out of `column` of a classified table (T2 or T3): from its leaf rows in order, each
 * decrement carried to the row's total column, its 款 and 类 rows and the 合计 row; returns the
 * decrements by 类 (for T1's class rows).
 */
function takeOut(t: MTable, column: string, amount: Fen): { byClass: Map<string, Fen>; left: Fen } {
  const codes = [...t.rows.values()].filter((r) => r.code !== undefined).map((r) => r.code!);
  const hasChild = (c: string) => codes.some((x) => x !== c && x.startsWith(c));
  const leaves = codes.filter((c) => !hasChild(c));
  const byClass = new Map<string, Fen>();
  let left = amount;
  for (const leaf of leaves) {
    if (left <= 0) break;
    const v = val(t, leaf, column) ?? 0;
    if (v <= 0) continue;
    const d = Math.min(v, left);
    left -= d;
    const chain = [
      leaf,
      ...(leaf.length === 7
        ? [leaf.slice(0, 5), leaf.slice(0, 3)]
        : leaf.length === 5
          ? [leaf.slice(0, 3)]
          : []),
    ];
    for (const k of new Set(chain)) {
      lower(t, k, column, d);
      lower(t, k, 'total', d);
    }
    byClass.set(leaf.slice(0, 3), (byClass.get(leaf.slice(0, 3)) ?? 0) + d);
  }
  lower(t, 'total', column, amount);
  lower(t, 'total', 'total', amount);
  // A table listed by 合计 only: the whole amount comes off that row (done above).
  if (leaves.length === 0) left = 0;
  return { byClass, left };
}

const INCOME_OF: Record<TransferKind, { t1: string; t2: string }> = {
  subsidy: { t1: 'superiorSubsidy', t2: 'superiorSubsidy' },
  remittance: { t1: 'subsidiaryRemittance', t2: 'subsidiaryRemittance' },
};
const EXPENDITURE_OF: Record<TransferKind, string> = { subsidy: 'subsidiaryGrant', remittance: 'remittance' };
const KIND_TEXT: Record<TransferKind, string> = {
  subsidy: '对附属单位补助支出 / 上级补助收入',
  remittance: '上缴上级支出 / 附属单位上缴收入',
};

function applyOffset(
  payer: MUnit,
  payee: MUnit,
  kind: TransferKind,
  amount: Fen,
  problems: InputProblem[],
  w: (f: Fen) => string,
): void {
  const col = EXPENDITURE_OF[kind];
  const paid = val(payer.tables.t3, 'total', col) ?? val(payer.tables.t3, 'total', 'total');
  const inc = INCOME_OF[kind];
  const got = val(payee.tables.t1, inc.t1, 'amount') ?? val(payee.tables.t2, 'total', inc.t2);
  if (paid === undefined || paid < amount)
    problems.push({
      message: `抵消 ${KIND_TEXT[kind]} ${w(amount)}：${payer.name} 表三“${col === 'remittance' ? '上缴上级支出' : '对附属单位补助支出'}”${paid === undefined ? '未知' : '只有 ' + w(paid)}，不够抵消`,
    });
  if (got === undefined || got < amount)
    problems.push({
      message: `抵消 ${KIND_TEXT[kind]} ${w(amount)}：${payee.name} 表一“${inc.t1 === 'superiorSubsidy' ? '上级补助收入' : '附属单位上缴收入'}”${got === undefined ? '未知' : '只有 ' + w(got)}，不够抵消`,
    });
  if (problems.length > 0) return;
  // The payer's expenditure.
  const { byClass } = takeOut(payer.tables.t3, col, amount);
  for (const [cls, d] of byClass) lower(payer.tables.t1, cls, 'amount', d);
  lower(payer.tables.t1, 'expenditureTotal', 'amount', amount);
  lower(payer.tables.t1, 'expenditureGrandTotal', 'amount', amount);
  // The payee's income.
  takeOut(payee.tables.t2, inc.t2, amount);
  lower(payee.tables.t1, inc.t1, 'amount', amount);
  lower(payee.tables.t1, 'incomeTotal', 'amount', amount);
  lower(payee.tables.t1, 'incomeGrandTotal', 'amount', amount);
}

/** Transfers that match exactly: one payer whose amount equals the payees' total, or unique 1:1 equal amounts. */
export function findTransfers(
  units: Disclosure[],
): { kind: TransferKind; from: string; to: string; amount: Fen }[] {
  const out: { kind: TransferKind; from: string; to: string; amount: Fen }[] = [];
  for (const kind of ['subsidy', 'remittance'] as const) {
    const col = EXPENDITURE_OF[kind];
    const inc = INCOME_OF[kind];
    const payers = units
      .map((d) => ({ name: d.unit.name, v: d.tables.t3.byKey.get('total')?.values[col] ?? 0 }))
      .filter((x) => x.v > 0);
    const payees = units
      .map((d) => ({
        name: d.unit.name,
        v:
          d.tables.t1.byKey.get(inc.t1)?.values['amount'] ??
          d.tables.t2.byKey.get('total')?.values[inc.t2] ??
          0,
      }))
      .filter((x) => x.v > 0);
    if (payers.length === 1) {
      const p = payers[0]!;
      const others = payees.filter((x) => x.name !== p.name);
      if (others.reduce((s, x) => s + x.v, 0) === p.v) {
        for (const x of others) out.push({ kind, from: p.name, to: x.name, amount: x.v });
        continue;
      }
    }
    for (const p of payers) {
      const match = payees.filter((x) => x.name !== p.name && x.v === p.v);
      if (match.length === 1 && payers.filter((q) => q.v === p.v).length === 1)
        out.push({ kind, from: p.name, to: match[0]!.name, amount: p.v });
    }
  }
  return out;
}

const UNIT_RANK: Record<MoneyUnit, number> = { 元: 0, 万元: 1, 亿元: 2 };

function joinTexts(texts: (string | undefined)[]): string | undefined {
  const xs = [
    ...new Set(texts.filter((t): t is string => t !== undefined && t.trim() !== '').map((t) => t.trim())),
  ];
  return xs.length === 0 ? undefined : xs.join('；');
}

function sumKnown(xs: (number | undefined)[]): number | undefined {
  if (xs.length === 0 || xs.some((x) => x === undefined)) return undefined;
  return (xs as number[]).reduce((a, b) => a + b, 0);
}

/** Exact sum of decimal strings (房屋面积). */
function sumDecimals(xs: string[]): string {
  const scale = Math.max(0, ...xs.map((x) => (x.split('.')[1] ?? '').length));
  const total = xs.reduce((s, x) => {
    const [i, f = ''] = x.trim().split('.');
    return s + BigInt((i ?? '0') + f.padEnd(scale, '0'));
  }, 0n);
  const t = total.toString().padStart(scale + 1, '0');
  return scale === 0 ? t : `${t.slice(0, -scale)}.${t.slice(-scale)}`;
}

/** Consolidates units into their department's data file. */
export function consolidate(
  inputs: (DataFile | Disclosure)[],
  options: ConsolidateOptions,
): ConsolidateResult {
  if (inputs.length < 2) throw new JuesuanError(ErrorCode.BadInput, '合并至少需要两个单位的数据');
  const files = options.files ?? [];
  const models = inputs.map((x, i) =>
    isModel(x) ? x : disclosureFromData(x, files[i] !== undefined ? { file: files[i] } : {}),
  );
  const fileOf = (i: number) => files[i] ?? models[i]!.file ?? `第 ${i + 1} 个单位`;
  checkConsolidable(models, fileOf);
  const unit: MoneyUnit = models.map((d) => d.amountUnit).sort((a, b) => UNIT_RANK[a] - UNIT_RANK[b])[0]!;
  const decimals = Math.max(...models.map((d) => d.decimals));
  const units = models.map(mutable);
  const notes: string[] = [];
  const offsets = offsetTransfers(models, units, options, notes);
  const text = (f: Fen) => fenText(f, unit);
  const tables: Obj = {};
  for (const id of TABLE_IDS) {
    const t = sumTable(id, units, text);
    if (t) tables[id] = t;
  }
  const data: Obj = { format: FORMAT_ID, year: models[0]!.year, amountUnit: unit, decimals };
  const profiles = new Set(models.map((d) => d.profile).filter((p) => p !== undefined));
  const profile = options.profile ?? (profiles.size === 1 ? [...profiles][0] : undefined);
  if (profile !== undefined) data['profile'] = profile;
  const { unitOut, kindGuessed } = departmentUnit(models, options, notes);
  data['unit'] = unitOut;
  data['tables'] = tables;
  consolidateFacts(models, data, text, notes);
  // The result must load like any data file.
  try {
    disclosureFromData(data, { file: options.department });
  } catch (e) {
    if (e instanceof JuesuanError)
      throw new JuesuanError(e.code, `合并结果不是有效的数据：${e.message}`, e.problems);
    throw e;
  }
  return kindGuessed ? { data, offsets, notes, kindGuessed: true } : { data, offsets, notes };
}

/** Units that cannot be merged: different years, a unit twice, a code named differently. Throws. */
function checkConsolidable(models: Disclosure[], fileOf: (i: number) => string): void {
  const problems: InputProblem[] = [];
  const years = new Set(models.map((d) => d.year));
  if (years.size > 1)
    throw new JuesuanError(
      ErrorCode.BadInput,
      '各单位的决算年度不同，不能合并',
      models.map((d, i) => ({ file: fileOf(i), message: `${d.unit.name}：${d.year} 年度` })),
    );
  const names = new Map<string, number>();
  models.forEach((d, i) => {
    const j = names.get(d.unit.name);
    if (j !== undefined)
      problems.push({ file: fileOf(i), message: `单位「${d.unit.name}」出现两次（另见 ${fileOf(j)}）` });
    names.set(d.unit.name, i);
  });
  // One name per code across the units.
  for (const id of TABLE_IDS) {
    const seen = new Map<string, { name: string; i: number }>();
    models.forEach((d, i) => {
      for (const r of d.tables[id].rows) {
        if (r.code === undefined || r.name === '') continue;
        const s = seen.get(r.code);
        if (!s) seen.set(r.code, { name: r.name, i });
        else if (!sameClassName(s.name, r.name))
          problems.push({
            file: fileOf(i),
            message: `${TABLE_SPECS[id].number}科目编码「${r.code}」在 ${models[s.i]!.unit.name} 为「${s.name}」，在 ${d.unit.name} 为「${r.name}」：编码与名称冲突，请先统一科目`,
          });
      }
    });
  }
  if (problems.length > 0)
    throw new JuesuanError(ErrorCode.BadInput, `不能合并：${problems.length} 处冲突`, problems.slice(0, 50));
}

/**
 * Offsets the internal transfers (the pairs given, or those found) in the units' figures; notes the transfers
 * left (a receiving unit outside the department). Throws when a pair cannot be offset.
 */
function offsetTransfers(
  models: Disclosure[],
  units: MUnit[],
  options: ConsolidateOptions,
  notes: string[],
): AppliedOffset[] {
  const w = (f: Fen) => `${formatAmount(f, { unit: '万元', decimals: 2 })} 万元`;
  const byName = new Map(units.map((u) => [u.name, u]));
  const problems: InputProblem[] = [];
  const offsets: AppliedOffset[] = [];
  const pairs: { kind: TransferKind; from: string; to: string; amount: Fen; found: boolean }[] = [];
  if (options.pairs) {
    for (const p of options.pairs) {
      let fen: Fen;
      try {
        fen = parseAmount(String(p.amount), '万元').fen;
      } catch (e) {
        throw new JuesuanError(
          ErrorCode.BadAmount,
          `内部往来「${p.from} → ${p.to}」的金额：${(e as Error).message}`,
        );
      }
      for (const n of [p.from, p.to])
        if (!byName.has(n))
          throw new JuesuanError(ErrorCode.BadInput, `内部往来中的单位「${n}」不在合并范围内`, [
            { message: `合并的单位：${[...byName.keys()].join('、')}` },
          ]);
      pairs.push({ kind: p.kind, from: p.from, to: p.to, amount: fen, found: false });
    }
  } else if (options.findPairs !== false) {
    for (const p of findTransfers(models)) pairs.push({ ...p, found: true });
  }
  for (const p of pairs) {
    const before = problems.length;
    applyOffset(byName.get(p.from)!, byName.get(p.to)!, p.kind, p.amount, problems, w);
    if (problems.length === before)
      offsets.push({
        kind: p.kind,
        from: p.from,
        to: p.to,
        amount: formatAmount(p.amount, { unit: '万元', decimals: 2 }),
        found: p.found,
      });
  }
  if (problems.length > 0) throw new JuesuanError(ErrorCode.BadInput, '内部往来无法抵消', problems);
  for (const kind of ['subsidy', 'remittance'] as const) {
    const col = EXPENDITURE_OF[kind];
    for (const u of units) {
      const left = val(u.tables.t3, 'total', col) ?? 0;
      if (left > 0)
        notes.push(
          `${u.name} 仍有 ${kind === 'subsidy' ? '对附属单位补助支出' : '上缴上级支出'} ${w(left)} 未抵消（收款单位不在合并范围内，或请用内部往来对指明）`,
        );
    }
  }
  return offsets;
}

/** One table of the department: each row the sum over the units that give the table; undefined when none does. */
function sumTable(id: TableId, units: MUnit[], text: (f: Fen) => string): Obj | undefined {
  const given = units.filter((u) => u.tables[id].given);
  if (given.length === 0) return undefined;
  const keys: { key: string; code?: string }[] = [];
  const seenKeys = new Set<string>();
  for (const u of given)
    for (const k of u.tables[id].order) {
      if (seenKeys.has(k)) continue;
      seenKeys.add(k);
      const r = u.tables[id].rows.get(k)!;
      keys.push(r.code !== undefined ? { key: k, code: r.code } : { key: k });
    }
  const codeSorted = [
    ...keys.filter((k) => k.code === undefined),
    ...keys.filter((k) => k.code !== undefined).sort((a, b) => (a.code! < b.code! ? -1 : 1)),
  ];
  const rows = orderRows(id, codeSorted).map(({ key, code }) => sumRow(id, given, key, code, text));
  const t: Obj = {};
  if (rows.length === 0) {
    const st = given.map((u) => u.tables[id].emptyStatement).find((s) => s !== undefined);
    if (st !== undefined) t['emptyStatement'] = st.replace(/^(?:我|本)单位/, '本部门');
  }
  t['rows'] = rows;
  return t;
}

/**
 * One row summed over the units giving the table: a code row a unit does not list counts as 0, a fixed row
 * as unknown unless the unit's table is empty. Figures, 上年 and 预算 figures, and the reasons joined.
 */
function sumRow(
  id: TableId,
  members: MUnit[],
  key: string,
  code: string | undefined,
  text: (f: Fen) => string,
): Obj {
  const cols = TABLE_SPECS[id].columns.map((c) => c.id);
  const listed = members.map((u) => u.tables[id].rows.get(key));
  const bag = (pick: (r: MRow) => Map<string, Fen | undefined> | undefined, col: string): Fen | undefined => {
    const xs = members.map((u, i) => {
      const r = listed[i];
      if (!r) return code !== undefined || u.tables[id].rows.size === 0 ? 0 : undefined;
      return pick(r)?.get(col);
    });
    return sumKnown(xs);
  };
  const first = listed.find((r) => r !== undefined)!;
  const o: Obj = code !== undefined ? { code, name: first.name } : { row: key };
  if (code === undefined && first.name !== fixedRowLabel(id, key)) o['name'] = first.name;
  for (const c of cols) {
    if (!listed.some((r) => r?.values.has(c) && r.values.get(c) !== undefined)) continue;
    const v = bag((r) => r.values, c);
    if (v !== undefined) o[c] = text(v);
  }
  for (const [which, fileKey] of [
    ['prior', 'prior'],
    ['budget', 'initialBudget'],
  ] as const) {
    if (!listed.some((r) => r?.[which] !== undefined)) continue;
    const sub: Obj = {};
    for (const c of cols) {
      if (!listed.some((r) => r?.[which]?.get(c) !== undefined)) continue;
      const v = bag((r) => r[which], c);
      if (v !== undefined) sub[c] = text(v);
    }
    if (Object.keys(sub).length > 0) o[fileKey] = sub;
  }
  const rp = joinTexts(listed.flatMap((r) => r?.reasons.prior ?? []));
  const rb = joinTexts(listed.flatMap((r) => r?.reasons.budget ?? []));
  if (rp !== undefined || rb !== undefined) {
    const reasons: Obj = {};
    if (rp !== undefined) reasons['prior'] = rp;
    if (rb !== undefined) reasons['budget'] = rb;
    o['reasons'] = reasons;
  }
  return o;
}

/** The department's unit: name, kind (the units', or the first unit's when they differ), region, staff summed. */
function departmentUnit(
  models: Disclosure[],
  options: ConsolidateOptions,
  notes: string[],
): { unitOut: Obj; kindGuessed: boolean } {
  const kinds = new Set(models.map((d) => d.unit.kind));
  const kind = options.kind ?? (kinds.size === 1 ? [...kinds][0] : models[0]!.unit.kind);
  const kindGuessed = !options.kind && kinds.size > 1;
  if (kindGuessed)
    notes.push(
      `各单位性质不同（${[...kinds].join('、')}），部门性质按第一个单位（${models[0]!.unit.name}）取“${kind}”；可另行指明部门性质`,
    );
  const consolidated = [...new Set(models.flatMap((d) => d.unit.consolidatedUnits ?? [d.unit.name]))];
  const unitOut: Obj = { name: options.department, kind, level: '部门' };
  if (options.code !== undefined) unitOut['code'] = options.code;
  const regions = new Set(models.map((d) => d.unit.region).filter((r) => r !== undefined));
  const region = options.region ?? (regions.size === 1 ? [...regions][0] : undefined);
  if (region !== undefined) unitOut['region'] = region;
  const staffKeys = ['actual', 'active', 'retiredCadre', 'retired', 'authorised'] as const;
  const staff: Obj = {};
  for (const k of staffKeys) {
    const v = sumKnown(models.map((d) => d.unit.staff?.[k]));
    if (v !== undefined) staff[k] = v;
  }
  if (Object.keys(staff).length > 0) unitOut['staff'] = staff;
  unitOut['consolidatedUnits'] = consolidated;
  return { unitOut, kindGuessed };
}

function isModel(x: unknown): x is Disclosure {
  const t = (x as { tables?: { t1?: { byKey?: unknown } } }).tables;
  return t?.t1?.byKey instanceof Map;
}

/** The units' figures summed, as the data file writes them; undefined when some unit does not give the figure. */
type Amount = (xs: (Fen | undefined)[]) => string | undefined;

const put = (o: Obj, k: string, v: unknown) => {
  if (v !== undefined) o[k] = v;
};

/** The figures outside the tables: "三公" counts, 机关运行经费, 政府采购, 国有资产, 预算绩效 and notes. */
function consolidateFacts(models: Disclosure[], data: Obj, text: (f: Fen) => string, notes: string[]): void {
  const amount: Amount = (xs) => {
    const v = sumKnown(xs);
    return v === undefined ? undefined : text(v);
  };
  threePublicFacts(models, data, notes);
  adminCostFacts(models, data, amount);
  procurementFacts(models, data, amount);
  assetFacts(models, data, amount);
  performanceFacts(models, data, amount, text);
  notesFacts(models, data);
}

/** "三公" counts (unknown when a unit does not give one) and contents. */
function threePublicFacts(models: Disclosure[], data: Obj, notes: string[]): void {
  const tp: Obj = {};
  const counts = [
    'abroadGroups',
    'abroadPeople',
    'vehiclesPurchased',
    'vehiclesHeld',
    'receptionBatches',
    'receptionPeople',
    'foreignReceptionBatches',
    'foreignReceptionPeople',
  ] as const;
  for (const k of counts) {
    const xs = models.map((d) => d.threePublic[k]);
    if (xs.every((x) => x === undefined)) continue;
    const v = sumKnown(xs);
    if (v === undefined) notes.push(`“三公”经费的${k}有单位未填，合计未知`);
    put(tp, k, v);
  }
  for (const k of ['abroadContent', 'vehicleOperationContent', 'receptionContent'] as const)
    put(tp, k, joinTexts(models.map((d) => d.threePublic[k])));
  if (models.every((d) => d.threePublic.emptyStatement !== undefined))
    put(tp, 'emptyStatement', models[0]!.threePublic.emptyStatement);
  if (Object.keys(tp).length > 0) data['threePublic'] = tp;
}

function adminCostFacts(models: Disclosure[], data: Obj, amount: Amount): void {
  if (models.some((d) => d.adminCost)) {
    const ac: Obj = {};
    put(ac, 'amount', amount(models.map((d) => d.adminCost?.amount)));
    put(ac, 'prior', amount(models.map((d) => d.adminCost?.prior)));
    put(ac, 'budget', amount(models.map((d) => d.adminCost?.budget)));
    const rp = joinTexts(models.map((d) => d.adminCost?.reasons?.prior));
    const rb = joinTexts(models.map((d) => d.adminCost?.reasons?.budget));
    if (rp !== undefined || rb !== undefined)
      ac['reasons'] = { ...(rp ? { prior: rp } : {}), ...(rb ? { budget: rb } : {}) };
    data['adminCost'] = ac;
  }
}

function procurementFacts(models: Disclosure[], data: Obj, amount: Amount): void {
  if (models.some((d) => d.procurement)) {
    const p: Obj = {};
    for (const k of ['total', 'goods', 'works', 'services', 'sme', 'smallMicro', 'smeReserved'] as const) {
      if (models.every((d) => d.procurement?.[k] === undefined)) continue;
      put(p, k, amount(models.map((d) => d.procurement?.[k])));
    }
    if (Object.keys(p).length === 0)
      put(
        p,
        'emptyStatement',
        models.find((d) => d.procurement?.emptyStatement)?.procurement?.emptyStatement,
      );
    data['procurement'] = p;
  }
}

function assetFacts(models: Disclosure[], data: Obj, amount: Amount): void {
  if (models.some((d) => d.assets)) {
    const a: Obj = {};
    put(a, 'fixedAssetsOriginal', amount(models.map((d) => d.assets?.fixedAssetsOriginal)));
    const areas = models.map((d) => d.assets?.buildingArea);
    if (areas.every((x) => x !== undefined)) a['buildingArea'] = sumDecimals(areas as string[]);
    put(a, 'buildingValue', amount(models.map((d) => d.assets?.buildingValue)));
    if (models.some((d) => d.assets?.vehicles)) {
      const v: Obj = {};
      put(v, 'total', sumKnown(models.map((d) => d.assets?.vehicles?.total)));
      put(v, 'value', amount(models.map((d) => d.assets?.vehicles?.value)));
      const cats = [
        'ministerial',
        'principal',
        'confidential',
        'emergency',
        'lawEnforcement',
        'specialTechnical',
        'retiredCadres',
        'other',
      ] as const;
      const by: Obj = {};
      for (const c of cats) put(by, c, sumKnown(models.map((d) => d.assets?.vehicles?.byCategory?.[c])));
      if (Object.keys(by).length > 0) v['byCategory'] = by;
      put(v, 'otherNote', joinTexts(models.map((d) => d.assets?.vehicles?.otherNote)));
      a['vehicles'] = v;
    }
    for (const k of ['equipmentOver1m', 'generalEquipmentOver500k', 'specialEquipmentOver1m'] as const)
      if (models.some((d) => d.assets?.[k] !== undefined))
        put(a, k, sumKnown(models.map((d) => d.assets?.[k])));
    data['assets'] = a;
  }
}

/** 预算绩效: the totals summed, the projects side by side (each naming its unit as implementer). */
function performanceFacts(models: Disclosure[], data: Obj, amount: Amount, text: (f: Fen) => string): void {
  if (models.some((d) => d.performance)) {
    const p: Obj = {};
    if (models.some((d) => d.performance?.evaluatedProjects !== undefined))
      put(p, 'evaluatedProjects', sumKnown(models.map((d) => d.performance?.evaluatedProjects ?? 0)));
    put(
      p,
      'budgetTotal',
      amount(models.map((d) => d.performance?.budgetTotal ?? (d.performance ? undefined : 0))),
    );
    put(
      p,
      'executedTotal',
      amount(models.map((d) => d.performance?.executedTotal ?? (d.performance ? undefined : 0))),
    );
    put(p, 'text', joinTexts(models.map((d) => d.performance?.text)));
    const projects = models.flatMap((d) =>
      (d.performance?.projects ?? []).map((pr) => {
        const o: Obj = { name: pr.name };
        put(o, 'department', pr.department);
        o['implementer'] = pr.implementer ?? d.unit.name;
        const funds: Obj = {};
        for (const k of ['total', 'fiscal', 'carryover', 'other'] as const) {
          const l = pr.funds[k];
          if (!l) continue;
          const lo: Obj = {};
          for (const c of ['initialBudget', 'annualBudget', 'executed'] as const)
            put(lo, c, l[c] === undefined ? undefined : text(l[c]));
          funds[k] = lo;
        }
        o['funds'] = funds;
        o['executionWeight'] = pr.executionWeight;
        put(o, 'executionScore', pr.executionScore);
        if (pr.goals) o['goals'] = pr.goals.map((g) => ({ ...g }));
        o['indicators'] = pr.indicators.map((i) => {
          const io: Obj = {
            level1: i.level1,
            level2: i.level2,
            name: i.name,
            target: i.target,
            actual: i.actual,
            weight: i.weight,
          };
          put(io, 'score', i.score);
          put(io, 'deviationReason', i.deviationReason);
          return io;
        });
        put(o, 'totalScore', pr.totalScore);
        put(o, 'grade', pr.grade);
        return o;
      }),
    );
    if (projects.length > 0) p['projects'] = projects;
    data['performance'] = p;
  }
}

function notesFacts(models: Disclosure[], data: Obj): void {
  const notesOut: Obj = {};
  for (const d of models)
    for (const [k, v] of Object.entries(d.notes ?? {}))
      notesOut[k] = joinTexts([notesOut[k] as string | undefined, v]);
  if (Object.keys(notesOut).length > 0) data['notes'] = notesOut;
}
