/**
 * Rebuilds a disclosure model from what was read: the tables that were accepted and the figures the
 * narrative states. Table cells win over narrative figures (a disagreement between the two is a finding of
 * its own); last year's figures and budgets come from the stated changes; unknowns stay unknown.
 *
 * The figures are already exact (分): they go into the model as they are, through the same schema and
 * checks as a data file (`disclosureFromData(…, { amounts: 'fen' })`), never printed and read again — a
 * table printed in 元 keeps every 分.
 */
import type { Fen } from '../money/amount.ts';
import { VEHICLE_CATEGORIES, type Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { FORMAT_ID } from '../model/schema.ts';
import { TABLE_SPECS, type TableId } from '../model/tables.ts';
import type { ExtractedTable, StatedFigure } from './types.ts';

type Obj = Record<string, unknown>;

/** Default column of tables whose narrative keys name no column. */
const SINGLE_COLUMN: Partial<Record<TableId, string>> = { t1: 'amount', t6: 'amount' };
const T7_ROWS = new Set(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception']);

export interface CellAddress {
  table: TableId;
  row: string;
  column: string;
  which: 'value' | 'prior' | 'budget';
}

/** Where a narrative key puts its figure in the model, or undefined for non-table figures. */
export function cellOfKey(key: string): CellAddress | undefined {
  const parts = key.split('.');
  const head = parts[0]!;
  // Next year's budget (stated beside this year's final) has no cell in this year's tables.
  if (parts[parts.length - 1] === 'nextBudget') return undefined;
  if (head === 'threePublic' && parts[1] && T7_ROWS.has(parts[1])) {
    const budget = parts[2] === 'budget' || parts[2] === 'annualBudget';
    return { table: 't7', row: parts[1], column: budget ? 'budget' : 'final', which: 'value' };
  }
  if (!/^t[1-9]$/.test(head) || parts.length < 2) return undefined;
  const table = head as TableId;
  const row = parts[1]!;
  const single = SINGLE_COLUMN[table];
  let column = single ?? parts[2];
  let rest = single ? parts.slice(2) : parts.slice(3);
  if (table === 't7') {
    column = parts[2] ?? 'final';
    rest = parts.slice(3);
  }
  if (column === undefined) return undefined;
  if (!TABLE_SPECS[table].columns.some((c) => c.id === column)) return undefined;
  // A 项 whose names the catalogue did not resolve to a code has no row of the model (its rows are keyed by code).
  if (!/^\d+$/.test(row) && !TABLE_SPECS[table].fixedRows.some((r) => r.id === row)) return undefined;
  // 全年预算 (adjusted budget) has no place in the tables' model (which keeps 年初预算): not a cell.
  if (rest[0] === 'annualBudget') return undefined;
  const which = rest[0] === 'budget' ? 'budget' : 'value';
  return { table, row, column, which };
}

/** The prior figure implied by a stated change: this year − (±change). */
function priorOf(f: StatedFigure): Fen | undefined {
  const c = f.change;
  if (!c || c.against !== 'prior' || f.fen === undefined) return undefined;
  if (c.direction === '持平') return f.fen;
  if (c.amount === undefined) return undefined;
  if (c.direction === '增加') return f.fen - c.amount;
  if (c.direction === '减少') return f.fen + c.amount;
  return undefined;
}

function setPath(obj: Obj, path: readonly string[], value: unknown): void {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (cur[k] === undefined || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Obj;
  }
  const last = path[path.length - 1]!;
  if (cur[last] === undefined) cur[last] = value;
}

export interface RebuildInput {
  year: number;
  unit: string;
  kind: '行政' | '参公' | '事业';
  figures: readonly StatedFigure[];
  tables: readonly ExtractedTable[];
  /** Empty-table statements of the narrative (故“三公”经费支出决算表为空表), by table: see narrativeEmptyStatements. */
  emptyStatements?: Partial<Record<TableId, string>>;
}

/** Which table an empty-table statement of the narrative names. */
const EMPTY_TABLE_OF: readonly (readonly [RegExp, TableId])[] = [
  [/三公[^。]{0,40}(空表|无数据|没有数据)/, 't7'],
  [/政府性基金[^。]{0,60}(空表|无数据|没有数据)/, 't8'],
  [/国有资本经营[^。]{0,60}(空表|无数据|没有数据)/, 't9'],
];

/**
 * The narrative's own empty-table statements: a sentence that names the "三公", 政府性基金 or 国有资本经营 table
 * (or its spending) and, within a few words, says it is empty (为空表, 无数据). Line breaks inside the sentence are ignored: a statement
 * wrapped mid-word ("三公\n”经费") is still one statement. The first sentence for each table is kept.
 */
export function narrativeEmptyStatements(text: string): Partial<Record<TableId, string>> {
  const out: Partial<Record<TableId, string>> = {};
  for (const sentence of text.replace(/\n/g, '').split('。')) {
    // A sentence of the narrative, not a table's text run together (a statement is short).
    if (sentence.length > 120 || !/空表|无数据|没有数据/.test(sentence)) continue;
    for (const [re, id] of EMPTY_TABLE_OF)
      if (re.test(sentence) && out[id] === undefined) out[id] = `${sentence.trim()}。`;
  }
  return out;
}

/** The rows of the rebuilt tables by key, in the order first met. */
class RebuiltRows {
  readonly rows = new Map<TableId, Map<string, Obj>>();
  private readonly order = new Map<TableId, string[]>();

  /** The row of `key` in `table`, added (a fixed row by its id, a code row with its name) when not there yet. */
  rowOf(table: TableId, key: string, name?: string): Obj {
    let t = this.rows.get(table);
    if (!t) {
      t = new Map();
      this.rows.set(table, t);
      this.order.set(table, []);
    }
    let r = t.get(key);
    if (!r) {
      const fixed = TABLE_SPECS[table].fixedRows.some((x) => x.id === key);
      r = fixed ? { row: key } : { code: key };
      if (name && !fixed) r['name'] = name;
      t.set(key, r);
      this.order.get(table)!.push(key);
    }
    return r;
  }

  /** Each table's rows: 合计 and fixed rows first as the printed forms do; code rows in code order. */
  tables(): Obj {
    const tables: Obj = {};
    for (const [id, t] of this.rows) {
      const keys = this.order.get(id)!;
      const fixed = keys.filter((k) => !/^\d+$/.test(k));
      const codes = keys.filter((k) => /^\d+$/.test(k)).sort();
      tables[id] = { rows: [...fixed, ...codes].map((k) => t.get(k)!) };
    }
    return tables;
  }
}

/** The cells of the tables read (the publication's own figures); returns the tables the document calls empty. */
function addReadTables(tables: RebuildInput['tables'], rows: RebuiltRows): Set<TableId> {
  const emptyTables = new Set<TableId>();
  for (const t of tables) {
    const id = t.id as TableId;
    if (!(id in TABLE_SPECS)) continue;
    if (t.status === 'empty') emptyTables.add(id);
    if (t.status !== 'read' || !t.rows) continue;
    for (const r of t.rows) {
      const row = rows.rowOf(id, r.key, r.name);
      for (const [col, fen] of Object.entries(r.cells))
        if (fen !== undefined && row[col] === undefined) row[col] = fen;
    }
  }
  return emptyTables;
}

/** A narrative figure of a table cell: its value, 上年数, budget (年初预算, or T7's) and reasons, where not yet given. */
function addCellFigure(row: Obj, cell: CellAddress, f: StatedFigure & { fen: Fen }): void {
  if (cell.which === 'budget') {
    const b = (row['initialBudget'] ?? {}) as Obj;
    if (b[cell.column] === undefined) b[cell.column] = f.fen;
    row['initialBudget'] = b;
    return;
  }
  if (row[cell.column] === undefined) row[cell.column] = f.fen;
  const prior = priorOf(f);
  if (prior !== undefined && prior >= 0) {
    const p = (row['prior'] ?? {}) as Obj;
    if (p[cell.column] === undefined) p[cell.column] = prior;
    row['prior'] = p;
  }
  const c = f.change;
  if (c?.against === 'budget' && c.base !== undefined) {
    if (cell.table === 't7') {
      if (row['budget'] === undefined) row['budget'] = c.base;
    } else {
      const b = (row['initialBudget'] ?? {}) as Obj;
      if (b[cell.column] === undefined) b[cell.column] = c.base;
      row['initialBudget'] = b;
    }
  }
  if (c?.reason) {
    const reasons = (row['reasons'] ?? {}) as Obj;
    const k = c.against === 'budget' ? 'budget' : 'prior';
    if (reasons[k] === undefined) reasons[k] = c.reason;
    row['reasons'] = reasons;
  }
}

/** A figure outside the tables: the data-file path is the key (机关运行经费, 政府采购, 资产, 绩效, 三公, 人员). */
function addOtherFigure(data: Obj, f: StatedFigure): void {
  const path = f.key.split('.');
  const head = path[0];
  if (head === 'adminCost') {
    if (f.fen === undefined) return;
    setPath(data, ['adminCost', 'amount'], f.fen);
    const prior = priorOf(f);
    if (prior !== undefined && prior >= 0) setPath(data, ['adminCost', 'prior'], prior);
    if (f.change?.reason) setPath(data, ['adminCost', 'reasons', 'prior'], f.change.reason);
  } else if (
    head === 'procurement' ||
    head === 'assets' ||
    head === 'performance' ||
    head === 'threePublic' ||
    (head === 'unit' && path[1] === 'staff')
  ) {
    const allowed = ALLOWED_FIELDS[path.join('.')];
    if (!allowed) return;
    if (allowed === 'amount' && f.fen !== undefined) setPath(data, path, f.fen);
    else if (allowed === 'count' && f.value !== undefined && /^\d+$/.test(f.value))
      setPath(data, path, Number(f.value));
    else if (allowed === 'decimal' && f.value !== undefined) setPath(data, path, f.value);
  }
}

/** Data-file content for `disclosureFromData(…, { amounts: 'fen' })`: the data file's fields, amounts in 分. */
export function dataFromExtraction(input: RebuildInput): Obj {
  const rows = new RebuiltRows();
  // Accepted tables first: they are the publication's own figures.
  const emptyTables = addReadTables(input.tables, rows);
  const data: Obj = {
    format: FORMAT_ID,
    year: input.year,
    // The narrative prints 万元 with two decimals: the rounding tolerance of the rebuilt figures.
    amountUnit: '万元',
    decimals: 2,
    unit: { name: input.unit || '（未识别单位名称）', kind: input.kind },
    tables: {},
  };
  for (const f of input.figures) {
    const cell = cellOfKey(f.key);
    // A narrative names a 项 by its whole 类/款/项 path: the name comes from the tables or the catalogue.
    if (cell && f.fen !== undefined)
      addCellFigure(rows.rowOf(cell.table, cell.row), cell, f as StatedFigure & { fen: Fen });
    else addOtherFigure(data, f);
  }
  inheritThreePublicBudgetReason(rows.rows.get('t7'), input.figures);
  inferGeneralBudgetProject(rows.rows, input.figures);
  completeVehicleCategories(data);
  const tables = rows.tables();
  for (const id of emptyTables)
    if (!tables[id]) tables[id] = { emptyStatement: '（文档称本表为空表）', rows: [] };
  for (const [id, statement] of Object.entries(input.emptyStatements ?? {}) as [TableId, string][]) {
    const t = (tables[id] ?? { rows: [] }) as Obj;
    if (t['emptyStatement'] === undefined) t['emptyStatement'] = statement;
    tables[id] = t;
  }
  data['tables'] = tables;
  return data;
}

const T7_ITEM_KEY =
  /^threePublic\.(abroad|vehicle|vehiclePurchase|vehicleOperation|reception)(\.budget|\.annualBudget)?$/;

/**
 * A narrative that compares only the whole "三公" with the budget and gives one reason for it (the Shanghai form:
 * "“三公”经费支出决算数与预算数的差异，主要原因：…") explains the items' differences (read from 表七) with that
 * reason: the items take it when no item is compared with its budget on its own.
 */
function inheritThreePublicBudgetReason(
  t7: Map<string, Obj> | undefined,
  figures: readonly StatedFigure[],
): void {
  const reason = ((t7?.get('total')?.['reasons'] ?? {}) as Obj)['budget'];
  if (!t7 || typeof reason !== 'string') return;
  const itemCompared = figures.some((f) => {
    const m = T7_ITEM_KEY.exec(f.key);
    return m !== null && (m[2] !== undefined || f.change?.against === 'budget');
  });
  if (itemCompared) return;
  for (const [key, row] of t7) {
    if (key === 'total') continue;
    const reasons = (row['reasons'] ?? {}) as Obj;
    if (reasons['budget'] === undefined) reasons['budget'] = reason;
    row['reasons'] = reasons;
  }
}

const ALLOWED_FIELDS: Readonly<Record<string, 'amount' | 'count' | 'decimal'>> = {
  'procurement.total': 'amount',
  'procurement.goods': 'amount',
  'procurement.works': 'amount',
  'procurement.services': 'amount',
  'procurement.sme': 'amount',
  'procurement.smallMicro': 'amount',
  'procurement.smeReserved': 'amount',
  'assets.fixedAssetsOriginal': 'amount',
  'assets.buildingArea': 'decimal',
  'assets.buildingValue': 'amount',
  'assets.vehicles.total': 'count',
  'assets.vehicles.value': 'amount',
  'assets.vehicles.byCategory.ministerial': 'count',
  'assets.vehicles.byCategory.principal': 'count',
  'assets.vehicles.byCategory.confidential': 'count',
  'assets.vehicles.byCategory.emergency': 'count',
  'assets.vehicles.byCategory.lawEnforcement': 'count',
  'assets.vehicles.byCategory.specialTechnical': 'count',
  'assets.vehicles.byCategory.retiredCadres': 'count',
  'assets.vehicles.byCategory.other': 'count',
  'assets.equipmentOver1m': 'count',
  'performance.evaluatedProjects': 'count',
  'performance.budgetTotal': 'amount',
  'performance.executedTotal': 'amount',
  'threePublic.abroadGroups': 'count',
  'threePublic.abroadPeople': 'count',
  'threePublic.vehiclesPurchased': 'count',
  'threePublic.vehiclesHeld': 'count',
  'threePublic.receptionBatches': 'count',
  'threePublic.receptionPeople': 'count',
  'unit.staff.actual': 'count',
  'unit.staff.active': 'count',
  'unit.staff.retiredCadre': 'count',
  'unit.staff.retired': 'count',
  'unit.staff.authorised': 'count',
};

/**
 * 一般公共预算财政拨款项目支出 is rarely stated in the narrative, but often follows from what is: when there is
 * no government-fund or state-capital money, the non-fiscal spending (本年支出 − 一般公共预算财政拨款支出) and the
 * non-fiscal basic spending (基本支出 − 一般公共预算财政拨款基本支出) agree within rounding exactly when no project
 * was paid from non-fiscal money — then the fiscal 项目支出 is the stated 项目支出. A reviewer reasons the same way
 * (the seed: 236.23 − 214.73 = 21.50 and 146.46 − 124.97 = 21.49, so T5 项目支出 = 89.77).
 */
function inferGeneralBudgetProject(
  rows: Map<TableId, Map<string, Obj>>,
  figures: readonly StatedFigure[],
): void {
  const t5 = rows.get('t5')?.get('total');
  const t3 = rows.get('t3')?.get('total');
  const t1 = rows.get('t1');
  if (!t5 || !t3 || t5['project'] !== undefined) return;
  const fundOrCapital = figures.some(
    (f) =>
      (f.key.startsWith('t1.governmentFund') || f.key.startsWith('t1.stateCapital')) && (f.fen ?? 0) !== 0,
  );
  const t1Fund = t1?.get('governmentFund')?.['amount'];
  const t1Capital = t1?.get('stateCapital')?.['amount'];
  if (fundOrCapital || (t1Fund !== undefined && t1Fund !== 0) || (t1Capital !== undefined && t1Capital !== 0))
    return;
  const fen = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const [g, gb, a, ab, ap] = [
    fen(t5['total']),
    fen(t5['basic']),
    fen(t3['total'] ?? t1?.get('expenditureTotal')?.['amount']),
    fen(t3['basic']),
    fen(t3['project']),
  ];
  if (g === undefined || gb === undefined || a === undefined || ab === undefined || ap === undefined) return;
  const nonFiscalProject = a - g - (ab - gb);
  // Four printed figures of 0.01 万元: each may be off by half a unit.
  if (Math.abs(nonFiscalProject) <= 4 * 5_000) t5['project'] = t3['project'];
}

/**
 * 共有车辆 n 辆，其中：主要领导干部用车 a 辆、…、其他用车 d 辆. A list that names 其他用车 is complete: 其他 takes every
 * vehicle of a category not named, so the categories it leaves out have none (the Jiangsu form lists four or
 * five of the eight). Without 其他用车 the unnamed categories stay unknown (vehicles-category-sum then decides only
 * a listed sum above the total).
 */
function completeVehicleCategories(data: Obj): void {
  const v = (data['assets'] as Obj | undefined)?.['vehicles'] as Obj | undefined;
  const by = v?.['byCategory'] as Obj | undefined;
  if (!v || !by || v['total'] === undefined || by['other'] === undefined) return;
  for (const c of VEHICLE_CATEGORIES) if (by[c] === undefined) by[c] = 0;
}

/** The model of a read publication, checked as a data file is (amounts in 分 as read). */
export function disclosureFromExtraction(input: RebuildInput): Disclosure {
  return disclosureFromData(dataFromExtraction(input), { amounts: 'fen' });
}
