/**
 * The printed identities of a data file (DOMAIN.md §5) as linear relations between its amount cells,
 * each cell named by its data-file path: sums within tables (row totals, 合计 = Σ 类, 类 = Σ 款 = Σ 项),
 * the same figure in two tables (T1↔T2/T3, T4↔T1/T2/T5/T8/T9, T5↔T6), carry-overs, "三公" subtotals,
 * 政府采购, 机关运行经费 and the 绩效 fund lines; plus the order relations a rounding must not turn
 * round (T5 ≤ T3, a figure against its 上年数 and 预算数). Used by 舍位平衡 and by its tests.
 */
import { ErrorCode, JuesuanError } from '../errors.ts';
import { parseAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { TABLE_SPECS, T1_INCOME_ROWS, type TableId } from '../model/tables.ts';

type Obj = Record<string, unknown>;

/** Σ coef·cell = 0 ('eq') or ≤ 0 ('le'). */
export interface Relation {
  kind: 'eq' | 'le';
  terms: [path: string, coef: number][];
  /** What the relation says, for messages. */
  what: string;
}

export interface AmountCells {
  unit: MoneyUnit;
  /** Data-file path → amount in 分, for every amount the data gives. */
  fen: Map<string, Fen>;
}

const FUND_LINES = ['total', 'fiscal', 'carryover', 'other'] as const;
const FUND_COLS = ['initialBudget', 'annualBudget', 'executed'] as const;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Every amount cell of a data file with its path. */
export function amountCells(data: Obj): AmountCells {
  const unit = (data['amountUnit'] as MoneyUnit | undefined) ?? '万元';
  const fen = new Map<string, Fen>();
  const put = (path: string, v: unknown) => {
    if (v === undefined || v === null) return;
    try {
      fen.set(path, parseAmount(String(v), unit).fen);
    } catch (e) {
      throw new JuesuanError(ErrorCode.BadAmount, `${path}：${(e as Error).message}`);
    }
  };
  const tables = isObj(data['tables']) ? data['tables'] : {};
  for (const id of Object.keys(TABLE_SPECS) as TableId[]) {
    const t = tables[id];
    if (!isObj(t) || !Array.isArray(t['rows'])) continue;
    const cols = TABLE_SPECS[id].columns.map((c) => c.id);
    (t['rows'] as Obj[]).forEach((r, i) => {
      const base = `tables.${id}.rows[${i}]`;
      for (const c of cols) put(`${base}.${c}`, r[c]);
      for (const k of ['prior', 'initialBudget'])
        if (isObj(r[k])) for (const c of cols) put(`${base}.${k}.${c}`, (r[k] as Obj)[c]);
    });
  }
  const admin = data['adminCost'];
  if (isObj(admin)) for (const k of ['amount', 'prior', 'budget']) put(`adminCost.${k}`, admin[k]);
  const proc = data['procurement'];
  if (isObj(proc))
    for (const k of ['total', 'goods', 'works', 'services', 'sme', 'smallMicro', 'smeReserved'])
      put(`procurement.${k}`, proc[k]);
  const assets = data['assets'];
  if (isObj(assets)) {
    put('assets.fixedAssetsOriginal', assets['fixedAssetsOriginal']);
    put('assets.buildingValue', assets['buildingValue']);
    if (isObj(assets['vehicles'])) put('assets.vehicles.value', assets['vehicles']['value']);
  }
  const perf = data['performance'];
  if (isObj(perf)) {
    put('performance.budgetTotal', perf['budgetTotal']);
    put('performance.executedTotal', perf['executedTotal']);
    if (Array.isArray(perf['projects']))
      (perf['projects'] as Obj[]).forEach((p, i) => {
        const funds = isObj(p['funds']) ? p['funds'] : {};
        for (const line of FUND_LINES) {
          const l = funds[line];
          if (isObj(l)) for (const c of FUND_COLS) put(`performance.projects[${i}].funds.${line}.${c}`, l[c]);
        }
      });
  }
  return { unit, fen };
}

type Which = 'value' | 'prior' | 'budget';

/** Paths of a table's rows by key, for building relations. */
class TableCells {
  readonly keys = new Map<string, number>();
  readonly codes: string[] = [];
  constructor(
    readonly id: TableId,
    rows: Obj[],
  ) {
    rows.forEach((r, i) => {
      const key = (r['row'] ?? r['code']) as string | undefined;
      if (key !== undefined && !this.keys.has(key)) this.keys.set(key, i);
      if (typeof r['code'] === 'string') this.codes.push(r['code']);
    });
  }
  path(key: string, col: string, which: Which = 'value'): string | undefined {
    const i = this.keys.get(key);
    if (i === undefined) return undefined;
    const base = `tables.${this.id}.rows[${i}]`;
    return which === 'value'
      ? `${base}.${col}`
      : `${base}.${which === 'prior' ? 'prior' : 'initialBudget'}.${col}`;
  }
  /** Codes whose parent is not listed: what 合计 adds up (model/table-index.ts). */
  tops(): string[] {
    return this.codes.filter(
      (c) =>
        c.length === 3 ||
        (!this.keys.has(c.slice(0, 3)) && !(c.length === 7 && this.keys.has(c.slice(0, 5)))),
    );
  }
  childrenOf(code: string): string[] {
    if (code.length === 3)
      return this.codes.filter(
        (c) =>
          (c.length === 5 && c.startsWith(code)) ||
          (c.length === 7 && c.startsWith(code) && !this.keys.has(c.slice(0, 5))),
      );
    if (code.length === 5) return this.codes.filter((c) => c.length === 7 && c.startsWith(code));
    return [];
  }
}

export interface RelationOptions {
  /** 人员经费 类 of the economic classification (DOMAIN.md §3); default 301 and 303. */
  personnelClasses?: readonly string[];
}

/** Collects relations, keeping only those whose cells the data file gives. */
class Relations {
  readonly out: Relation[] = [];
  constructor(private readonly cells: AmountCells) {}
  has(p: string | undefined): p is string {
    return p !== undefined && this.cells.fen.has(p);
  }
  add(kind: Relation['kind'], terms: [string | undefined, number][], what: string): void {
    if (terms.length < 2 || !terms.every(([p]) => this.has(p))) return;
    this.out.push({ kind, terms: terms as [string, number][], what });
  }
  /** total = Σ parts */
  sum(total: string | undefined, parts: (string | undefined)[], what: string): void {
    this.add('eq', [[total, 1], ...parts.map((p): [string | undefined, number] => [p, -1])], what);
  }
  eq(a: string | undefined, b: string | undefined, what: string): void {
    this.sum(a, [b], what);
  }
  le(a: string | undefined, b: string | undefined, what: string): void {
    this.add(
      'le',
      [
        [a, 1],
        [b, -1],
      ],
      what,
    );
  }
  /** A figure against its 上年数 / 预算数 (or "三公" 决算 against 预算): the comparison's direction stays. */
  compare(a: string | undefined, b: string | undefined): void {
    if (!this.has(a) || !this.has(b)) return;
    const x = this.cells.fen.get(a)!;
    const y = this.cells.fen.get(b)!;
    if (x === y) this.eq(a, b, '与上年/预算持平');
    else if (x < y) this.le(a, b, '小于上年/预算');
    else this.le(b, a, '大于上年/预算');
  }
}

type Tables = Record<TableId, TableCells>;

/** 类 rows of a table. */
const classCodes = (t: TableCells) => t.codes.filter((c) => c.length === 3);
/** The 本年 amount of a 表一 row. */
const t1Amount = (T: Tables) => (k: string) => T.t1.path(k, 'amount');

const whiches: Which[] = ['value', 'prior', 'budget'];

/** The relations among the amounts a data file gives (only those whose cells are all given). */
export function printedRelations(data: Obj, cells: AmountCells, options: RelationOptions = {}): Relation[] {
  const b = new Relations(cells);
  const tablesObj = isObj(data['tables']) ? data['tables'] : {};
  const T = {} as Tables;
  for (const id of Object.keys(TABLE_SPECS) as TableId[]) {
    const t = tablesObj[id];
    T[id] = new TableCells(id, isObj(t) && Array.isArray(t['rows']) ? (t['rows'] as Obj[]) : []);
  }
  // The order matters to the balancing (balance.ts): keep it.
  tableSums(b, T);
  t1Relations(b, T);
  t4Relations(b, T);
  t6Relations(b, T, new Set(options.personnelClasses ?? ['301', '303']));
  t7Relations(b, T);
  acrossTables(b, T);
  carryovers(b, T);
  factRelations(b, T, data);
  orderRelations(b, T);
  return b.out;
}

/** Row totals and 类/款/项 sums of the classified tables, and 年初 + 收入 − 支出 = 年末 of 表八、表九. */
function tableSums(b: Relations, T: Tables): void {
  const rowTotals: Partial<Record<TableId, [string, string[]][]>> = {
    t2: [
      [
        'total',
        [
          'fiscal',
          'superiorSubsidy',
          'businessIncome',
          'operatingIncome',
          'subsidiaryRemittance',
          'otherIncome',
        ],
      ],
    ],
    t3: [['total', ['basic', 'project', 'remittance', 'operating', 'subsidiaryGrant']]],
    t4: [['total', ['generalBudget', 'governmentFund', 'stateCapital']]],
    t5: [['total', ['basic', 'project']]],
    t8: [['expenditure', ['basic', 'project']]],
    t9: [['expenditure', ['basic', 'project']]],
  };
  for (const [idText, defs] of Object.entries(rowTotals)) {
    const t = T[idText as TableId];
    for (const key of t.keys.keys())
      for (const w of whiches)
        for (const [total, parts] of defs)
          b.sum(
            t.path(key, total, w),
            parts.map((p) => t.path(key, p, w)),
            `${TABLE_SPECS[t.id].number}「${key}」行合计`,
          );
  }
  for (const id of ['t8', 't9'] as const) {
    const t = T[id];
    for (const key of t.keys.keys())
      for (const w of whiches)
        b.add(
          'eq',
          [
            [t.path(key, 'opening', w), 1],
            [t.path(key, 'income', w), 1],
            [t.path(key, 'expenditure', w), -1],
            [t.path(key, 'closing', w), -1],
          ],
          `${TABLE_SPECS[id].number}「${key}」行 年初 + 收入 − 支出 = 年末`,
        );
  }
  for (const id of ['t2', 't3', 't5', 't8', 't9'] as const) {
    const t = T[id];
    if (t.codes.length === 0) continue;
    for (const col of TABLE_SPECS[id].columns.map((c) => c.id))
      for (const w of whiches) {
        // A row without this figure (上年数 given only for the 项, say) stands for the sum of its rows.
        const expand = (code: string): (string | undefined)[] => {
          const p = t.path(code, col, w);
          if (b.has(p)) return [p];
          const kids = t.childrenOf(code);
          return kids.length > 0 ? kids.flatMap(expand) : [undefined];
        };
        b.sum(t.path('total', col, w), t.tops().flatMap(expand), `${TABLE_SPECS[id].number}合计 = Σ类`);
        for (const code of t.codes) {
          const kids = t.childrenOf(code);
          if (kids.length > 0)
            b.sum(t.path(code, col, w), kids.flatMap(expand), `${TABLE_SPECS[id].number}「${code}」= Σ下级`);
        }
      }
  }
}

/** 表一: the income and expenditure totals. */
function t1Relations(b: Relations, T: Tables): void {
  const t1 = T.t1;
  const classes1 = t1.codes.filter((c) => c.length === 3);
  for (const w of whiches) {
    const p = (k: string) => t1.path(k, 'amount', w);
    b.sum(p('incomeTotal'), T1_INCOME_ROWS.map(p), '表一本年收入合计 = Σ各项收入');
    b.sum(
      p('incomeGrandTotal'),
      [p('incomeTotal'), p('useOfNonFiscalBalance'), p('openingCarryover')],
      '表一收入总计',
    );
    if (classes1.length > 0) b.sum(p('expenditureTotal'), classes1.map(p), '表一本年支出合计 = Σ类');
    b.sum(
      p('expenditureGrandTotal'),
      [p('expenditureTotal'), p('surplusDistribution'), p('closingCarryover')],
      '表一支出总计',
    );
    b.eq(p('incomeGrandTotal'), p('expenditureGrandTotal'), '表一收入总计 = 支出总计');
  }
}

/** 表四: both sides of each column. */
function t4Relations(b: Relations, T: Tables): void {
  const t4 = T.t4;
  const classes4 = t4.codes.filter((c) => c.length === 3);
  for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
    for (const w of whiches) {
      const p = (k: string) => t4.path(k, col, w);
      b.sum(p('incomeGrandTotal'), [p('incomeTotal'), p('openingCarryover')], '表四收入总计');
      b.sum(p('expenditureGrandTotal'), [p('expenditureTotal'), p('closingCarryover')], '表四支出总计');
      b.eq(p('incomeGrandTotal'), p('expenditureGrandTotal'), '表四收入总计 = 支出总计');
      if (classes4.length > 0) b.sum(p('expenditureTotal'), classes4.map(p), '表四本年支出合计 = Σ类');
    }
}

/** 表六: 类 = Σ款, 人员经费 and 公用经费 totals. */
function t6Relations(b: Relations, T: Tables, personnel: ReadonlySet<string>): void {
  const t6 = T.t6;
  const econClasses = t6.codes.filter((c) => c.length === 3);
  const econSections = t6.codes.filter((c) => c.length === 5);
  for (const w of whiches) {
    const p = (k: string) => t6.path(k, 'amount', w);
    for (const cls of econClasses) {
      const kids = econSections.filter((s) => s.startsWith(cls));
      if (kids.length > 0) b.sum(p(cls), kids.map(p), `表六「${cls}」= Σ款`);
    }
    const members = (isPersonnel: boolean) => {
      const cls = econClasses.filter((c) => personnel.has(c) === isPersonnel);
      const loose = econSections.filter(
        (s) => personnel.has(s.slice(0, 3)) === isPersonnel && !t6.keys.has(s.slice(0, 3)),
      );
      return [...cls, ...loose];
    };
    if (t6.codes.length > 0) {
      b.sum(p('personnelTotal'), members(true).map(p), '表六人员经费合计');
      b.sum(p('publicTotal'), members(false).map(p), '表六公用经费合计');
    }
  }
}

/** 表七: 合计 and the 公务用车 小计. */
function t7Relations(b: Relations, T: Tables): void {
  const t7 = T.t7;
  for (const col of ['budget', 'final'])
    for (const w of whiches) {
      const p = (k: string) => t7.path(k, col, w);
      b.sum(p('total'), [p('abroad'), p('vehicle'), p('reception')], '表七合计');
      b.sum(p('vehicle'), [p('vehiclePurchase'), p('vehicleOperation')], '表七公务用车小计');
    }
}

/** The same figure in two tables. */
function acrossTables(b: Relations, T: Tables): void {
  const { t1, t2, t3, t4, t5, t6 } = T;
  const classes1 = classCodes(t1);
  const classes4 = classCodes(t4);
  const v1 = t1Amount(T);
  b.eq(v1('incomeTotal'), t2.path('total', 'total'), '表一本年收入合计 = 表二合计');
  for (const k of [
    'superiorSubsidy',
    'businessIncome',
    'operatingIncome',
    'subsidiaryRemittance',
    'otherIncome',
  ])
    b.eq(v1(k), t2.path('total', k), `表一「${k}」= 表二`);
  b.sum(
    t2.path('total', 'fiscal'),
    [v1('generalBudget'), v1('governmentFund'), v1('stateCapital')],
    '表二财政拨款收入 = 表一三项',
  );
  b.eq(v1('expenditureTotal'), t3.path('total', 'total'), '表一本年支出合计 = 表三合计');
  for (const c of classes1) b.eq(v1(c), t3.path(c, 'total'), `表一「${c}」= 表三`);
  for (const [k, row] of [
    ['generalBudget', 'generalBudget'],
    ['governmentFund', 'governmentFund'],
    ['stateCapital', 'stateCapital'],
  ] as const)
    b.eq(t4.path('incomeTotal', k), v1(row), `表四本年收入 = 表一「${row}」`);
  b.eq(t4.path('incomeTotal', 'total'), t2.path('total', 'fiscal'), '表四本年收入合计 = 表二财政拨款收入');
  b.eq(
    t5.path('total', 'total'),
    t4.path('expenditureTotal', 'generalBudget'),
    '表五合计 = 表四一般公共预算',
  );
  for (const c of classes4) b.eq(t5.path(c, 'total'), t4.path(c, 'generalBudget'), `表五「${c}」= 表四`);
  b.sum(
    t5.path('total', 'basic'),
    [t6.path('personnelTotal', 'amount'), t6.path('publicTotal', 'amount')],
    '表五基本支出 = 表六人员经费 + 公用经费',
  );
  for (const [id, col] of [
    ['t8', 'governmentFund'],
    ['t9', 'stateCapital'],
  ] as const) {
    const t = T[id];
    b.eq(
      t.path('total', 'opening'),
      t4.path('openingCarryover', col),
      `${TABLE_SPECS[id].number}年初 = 表四`,
    );
    b.eq(t.path('total', 'income'), t4.path('incomeTotal', col), `${TABLE_SPECS[id].number}收入 = 表四`);
    b.eq(
      t.path('total', 'expenditure'),
      t4.path('expenditureTotal', col),
      `${TABLE_SPECS[id].number}支出 = 表四`,
    );
    b.eq(
      t.path('total', 'closing'),
      t4.path('closingCarryover', col),
      `${TABLE_SPECS[id].number}年末 = 表四`,
    );
  }
}

/** Carry-overs stated with last year's figures. */
function carryovers(b: Relations, T: Tables): void {
  const { t1, t4 } = T;
  const v1 = t1Amount(T);
  b.eq(v1('openingCarryover'), t1.path('closingCarryover', 'amount', 'prior'), '表一年初 = 上年年末');
  for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
    b.eq(t4.path('openingCarryover', col), t4.path('closingCarryover', col, 'prior'), '表四年初 = 上年年末');
  for (const id of ['t8', 't9'] as const)
    for (const key of T[id].keys.keys())
      b.eq(T[id].path(key, 'opening'), T[id].path(key, 'closing', 'prior'), '年初 = 上年年末');
}

/** The figures outside the tables: 机关运行经费, 政府采购, 预算绩效. */
function factRelations(b: Relations, T: Tables, data: Obj): void {
  const { t6 } = T;
  const unit = isObj(data['unit']) ? data['unit'] : {};
  if (unit['kind'] === '行政' || unit['kind'] === '参公')
    b.eq('adminCost.amount', t6.path('publicTotal', 'amount'), '机关运行经费 = 公用经费');
  else b.le('adminCost.amount', t6.path('publicTotal', 'amount'), '机关运行经费 ≤ 公用经费');
  b.sum(
    'procurement.total',
    ['procurement.goods', 'procurement.works', 'procurement.services'],
    '政府采购总额',
  );
  b.le('procurement.sme', 'procurement.total', '中小企业 ≤ 总额');
  b.le('procurement.smallMicro', 'procurement.sme', '小微企业 ≤ 中小企业');
  const perf = isObj(data['performance']) ? data['performance'] : {};
  const projects = Array.isArray(perf['projects']) ? (perf['projects'] as unknown[]) : [];
  projects.forEach((_, i) => {
    const f = (line: string, c: string) => `performance.projects[${i}].funds.${line}.${c}`;
    for (const c of FUND_COLS)
      b.sum(f('total', c), [f('fiscal', c), f('carryover', c), f('other', c)], '绩效资金总额 = 各来源之和');
    for (const line of FUND_LINES) b.le(f(line, 'executed'), f(line, 'annualBudget'), '执行数 ≤ 全年预算数');
  });
  if (projects.length > 0) {
    b.sum(
      'performance.budgetTotal',
      projects.map((_, i) => `performance.projects[${i}].funds.total.annualBudget`),
      '评价项目全年预算数',
    );
    b.sum(
      'performance.executedTotal',
      projects.map((_, i) => `performance.projects[${i}].funds.total.executed`),
      '评价项目全年执行数',
    );
  }
}

/** Order relations a rounding must keep: T5 ≤ T3, T4 类 ≤ T3, T4 carry-overs ≤ T1; and each comparison's direction. */
function orderRelations(b: Relations, T: Tables): void {
  const { t3, t4, t5, t7 } = T;
  const classes4 = classCodes(t4);
  const v1 = t1Amount(T);
  // Order relations a rounding must keep: T5 ≤ T3, T4 类 ≤ T3, T4 carry-overs ≤ T1.
  for (const code of ['total', ...t5.codes])
    for (const col of ['total', 'basic', 'project'])
      b.le(t5.path(code, col), t3.path(code, col), '表五 ≤ 表三');
  for (const c of classes4) b.le(t4.path(c, 'total'), t3.path(c, 'total'), '表四 ≤ 表三');
  b.le(t4.path('openingCarryover', 'total'), v1('openingCarryover'), '表四年初 ≤ 表一');
  b.le(t4.path('closingCarryover', 'total'), v1('closingCarryover'), '表四年末 ≤ 表一');
  for (const id of Object.keys(TABLE_SPECS) as TableId[]) {
    const t = T[id];
    for (const key of t.keys.keys())
      for (const col of TABLE_SPECS[id].columns.map((c) => c.id)) {
        b.compare(t.path(key, col), t.path(key, col, 'prior'));
        b.compare(t.path(key, col), t.path(key, col, 'budget'));
      }
  }
  for (const key of t7.keys.keys()) b.compare(t7.path(key, 'final'), t7.path(key, 'budget'));
  b.compare('adminCost.amount', 'adminCost.prior');
  b.compare('adminCost.amount', 'adminCost.budget');
}

/** Relations that do not hold for the given amounts (in 分), with their residual. */
export function brokenRelations(
  rel: Relation[],
  fen: Map<string, Fen>,
): { relation: Relation; residual: Fen }[] {
  const out: { relation: Relation; residual: Fen }[] = [];
  for (const r of rel) {
    let s = 0;
    for (const [p, c] of r.terms) s += c * (fen.get(p) ?? 0);
    if (r.kind === 'eq' ? s !== 0 : s > 0) out.push({ relation: r, residual: s });
  }
  return out;
}
