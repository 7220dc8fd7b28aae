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

/** The relations among the amounts a data file gives (only those whose cells are all given). */
export function printedRelations(data: Obj, cells: AmountCells, options: RelationOptions = {}): Relation[] {
  const out: Relation[] = [];
  const has = (p: string | undefined): p is string => p !== undefined && cells.fen.has(p);
  const add = (kind: Relation['kind'], terms: [string | undefined, number][], what: string) => {
    if (terms.length < 2 || !terms.every(([p]) => has(p))) return;
    out.push({ kind, terms: terms as [string, number][], what });
  };
  /** total = Σ parts */
  const sum = (total: string | undefined, parts: (string | undefined)[], what: string) =>
    add('eq', [[total, 1], ...parts.map((p): [string | undefined, number] => [p, -1])], what);
  const eq = (a: string | undefined, b: string | undefined, what: string) => sum(a, [b], what);
  const le = (a: string | undefined, b: string | undefined, what: string) =>
    add(
      'le',
      [
        [a, 1],
        [b, -1],
      ],
      what,
    );

  const tablesObj = isObj(data['tables']) ? data['tables'] : {};
  const T = {} as Record<TableId, TableCells>;
  for (const id of Object.keys(TABLE_SPECS) as TableId[]) {
    const t = tablesObj[id];
    T[id] = new TableCells(id, isObj(t) && Array.isArray(t['rows']) ? (t['rows'] as Obj[]) : []);
  }
  const whiches: Which[] = ['value', 'prior', 'budget'];

  // Row totals and 类/款/项 sums of the classified tables.
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
          sum(
            t.path(key, total, w),
            parts.map((p) => t.path(key, p, w)),
            `${TABLE_SPECS[t.id].number}「${key}」行合计`,
          );
  }
  for (const id of ['t8', 't9'] as const) {
    const t = T[id];
    for (const key of t.keys.keys())
      for (const w of whiches)
        add(
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
          if (has(p)) return [p];
          const kids = t.childrenOf(code);
          return kids.length > 0 ? kids.flatMap(expand) : [undefined];
        };
        sum(t.path('total', col, w), t.tops().flatMap(expand), `${TABLE_SPECS[id].number}合计 = Σ类`);
        for (const code of t.codes) {
          const kids = t.childrenOf(code);
          if (kids.length > 0)
            sum(t.path(code, col, w), kids.flatMap(expand), `${TABLE_SPECS[id].number}「${code}」= Σ下级`);
        }
      }
  }

  // T1.
  const t1 = T.t1;
  const classes1 = t1.codes.filter((c) => c.length === 3);
  for (const w of whiches) {
    const p = (k: string) => t1.path(k, 'amount', w);
    sum(p('incomeTotal'), T1_INCOME_ROWS.map(p), '表一本年收入合计 = Σ各项收入');
    sum(
      p('incomeGrandTotal'),
      [p('incomeTotal'), p('useOfNonFiscalBalance'), p('openingCarryover')],
      '表一收入总计',
    );
    if (classes1.length > 0) sum(p('expenditureTotal'), classes1.map(p), '表一本年支出合计 = Σ类');
    sum(
      p('expenditureGrandTotal'),
      [p('expenditureTotal'), p('surplusDistribution'), p('closingCarryover')],
      '表一支出总计',
    );
    eq(p('incomeGrandTotal'), p('expenditureGrandTotal'), '表一收入总计 = 支出总计');
  }

  // T4.
  const t4 = T.t4;
  const classes4 = t4.codes.filter((c) => c.length === 3);
  for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
    for (const w of whiches) {
      const p = (k: string) => t4.path(k, col, w);
      sum(p('incomeGrandTotal'), [p('incomeTotal'), p('openingCarryover')], '表四收入总计');
      sum(p('expenditureGrandTotal'), [p('expenditureTotal'), p('closingCarryover')], '表四支出总计');
      eq(p('incomeGrandTotal'), p('expenditureGrandTotal'), '表四收入总计 = 支出总计');
      if (classes4.length > 0) sum(p('expenditureTotal'), classes4.map(p), '表四本年支出合计 = Σ类');
    }

  // T6.
  const t6 = T.t6;
  const personnel = new Set(options.personnelClasses ?? ['301', '303']);
  const econClasses = t6.codes.filter((c) => c.length === 3);
  const econSections = t6.codes.filter((c) => c.length === 5);
  for (const w of whiches) {
    const p = (k: string) => t6.path(k, 'amount', w);
    for (const cls of econClasses) {
      const kids = econSections.filter((s) => s.startsWith(cls));
      if (kids.length > 0) sum(p(cls), kids.map(p), `表六「${cls}」= Σ款`);
    }
    const members = (isPersonnel: boolean) => {
      const cls = econClasses.filter((c) => personnel.has(c) === isPersonnel);
      const loose = econSections.filter(
        (s) => personnel.has(s.slice(0, 3)) === isPersonnel && !t6.keys.has(s.slice(0, 3)),
      );
      return [...cls, ...loose];
    };
    if (t6.codes.length > 0) {
      sum(p('personnelTotal'), members(true).map(p), '表六人员经费合计');
      sum(p('publicTotal'), members(false).map(p), '表六公用经费合计');
    }
  }

  // T7.
  const t7 = T.t7;
  for (const col of ['budget', 'final'])
    for (const w of whiches) {
      const p = (k: string) => t7.path(k, col, w);
      sum(p('total'), [p('abroad'), p('vehicle'), p('reception')], '表七合计');
      sum(p('vehicle'), [p('vehiclePurchase'), p('vehicleOperation')], '表七公务用车小计');
    }

  // Across tables.
  const t2 = T.t2;
  const t3 = T.t3;
  const t5 = T.t5;
  const v1 = (k: string) => t1.path(k, 'amount');
  eq(v1('incomeTotal'), t2.path('total', 'total'), '表一本年收入合计 = 表二合计');
  for (const k of [
    'superiorSubsidy',
    'businessIncome',
    'operatingIncome',
    'subsidiaryRemittance',
    'otherIncome',
  ])
    eq(v1(k), t2.path('total', k), `表一「${k}」= 表二`);
  sum(
    t2.path('total', 'fiscal'),
    [v1('generalBudget'), v1('governmentFund'), v1('stateCapital')],
    '表二财政拨款收入 = 表一三项',
  );
  eq(v1('expenditureTotal'), t3.path('total', 'total'), '表一本年支出合计 = 表三合计');
  for (const c of classes1) eq(v1(c), t3.path(c, 'total'), `表一「${c}」= 表三`);
  for (const [k, row] of [
    ['generalBudget', 'generalBudget'],
    ['governmentFund', 'governmentFund'],
    ['stateCapital', 'stateCapital'],
  ] as const)
    eq(t4.path('incomeTotal', k), v1(row), `表四本年收入 = 表一「${row}」`);
  eq(t4.path('incomeTotal', 'total'), t2.path('total', 'fiscal'), '表四本年收入合计 = 表二财政拨款收入');
  eq(t5.path('total', 'total'), t4.path('expenditureTotal', 'generalBudget'), '表五合计 = 表四一般公共预算');
  for (const c of classes4) eq(t5.path(c, 'total'), t4.path(c, 'generalBudget'), `表五「${c}」= 表四`);
  sum(
    t5.path('total', 'basic'),
    [t6.path('personnelTotal', 'amount'), t6.path('publicTotal', 'amount')],
    '表五基本支出 = 表六人员经费 + 公用经费',
  );
  for (const [id, col] of [
    ['t8', 'governmentFund'],
    ['t9', 'stateCapital'],
  ] as const) {
    const t = T[id];
    eq(t.path('total', 'opening'), t4.path('openingCarryover', col), `${TABLE_SPECS[id].number}年初 = 表四`);
    eq(t.path('total', 'income'), t4.path('incomeTotal', col), `${TABLE_SPECS[id].number}收入 = 表四`);
    eq(
      t.path('total', 'expenditure'),
      t4.path('expenditureTotal', col),
      `${TABLE_SPECS[id].number}支出 = 表四`,
    );
    eq(t.path('total', 'closing'), t4.path('closingCarryover', col), `${TABLE_SPECS[id].number}年末 = 表四`);
  }
  // Carry-overs stated with last year's figures.
  eq(v1('openingCarryover'), t1.path('closingCarryover', 'amount', 'prior'), '表一年初 = 上年年末');
  for (const col of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
    eq(t4.path('openingCarryover', col), t4.path('closingCarryover', col, 'prior'), '表四年初 = 上年年末');
  for (const id of ['t8', 't9'] as const)
    for (const key of T[id].keys.keys())
      eq(T[id].path(key, 'opening'), T[id].path(key, 'closing', 'prior'), '年初 = 上年年末');

  // Facts.
  const unit = isObj(data['unit']) ? data['unit'] : {};
  if (unit['kind'] === '行政' || unit['kind'] === '参公')
    eq('adminCost.amount', t6.path('publicTotal', 'amount'), '机关运行经费 = 公用经费');
  else le('adminCost.amount', t6.path('publicTotal', 'amount'), '机关运行经费 ≤ 公用经费');
  sum(
    'procurement.total',
    ['procurement.goods', 'procurement.works', 'procurement.services'],
    '政府采购总额',
  );
  le('procurement.sme', 'procurement.total', '中小企业 ≤ 总额');
  le('procurement.smallMicro', 'procurement.sme', '小微企业 ≤ 中小企业');
  const perf = isObj(data['performance']) ? data['performance'] : {};
  const projects = Array.isArray(perf['projects']) ? (perf['projects'] as unknown[]) : [];
  projects.forEach((_, i) => {
    const f = (line: string, c: string) => `performance.projects[${i}].funds.${line}.${c}`;
    for (const c of FUND_COLS)
      sum(f('total', c), [f('fiscal', c), f('carryover', c), f('other', c)], '绩效资金总额 = 各来源之和');
    for (const line of FUND_LINES) le(f(line, 'executed'), f(line, 'annualBudget'), '执行数 ≤ 全年预算数');
  });
  if (projects.length > 0) {
    sum(
      'performance.budgetTotal',
      projects.map((_, i) => `performance.projects[${i}].funds.total.annualBudget`),
      '评价项目全年预算数',
    );
    sum(
      'performance.executedTotal',
      projects.map((_, i) => `performance.projects[${i}].funds.total.executed`),
      '评价项目全年执行数',
    );
  }

  // Order relations a rounding must keep: T5 ≤ T3, T4 类 ≤ T3, T4 carry-overs ≤ T1.
  for (const code of ['total', ...t5.codes])
    for (const col of ['total', 'basic', 'project'])
      le(t5.path(code, col), t3.path(code, col), '表五 ≤ 表三');
  for (const c of classes4) le(t4.path(c, 'total'), t3.path(c, 'total'), '表四 ≤ 表三');
  le(t4.path('openingCarryover', 'total'), v1('openingCarryover'), '表四年初 ≤ 表一');
  le(t4.path('closingCarryover', 'total'), v1('closingCarryover'), '表四年末 ≤ 表一');
  // A figure against its 上年数 / 预算数, and "三公" 决算 against 预算: the comparison's direction stays.
  const compare = (a: string | undefined, b: string | undefined) => {
    if (!has(a) || !has(b)) return;
    const x = cells.fen.get(a)!;
    const y = cells.fen.get(b)!;
    if (x === y) eq(a, b, '与上年/预算持平');
    else if (x < y) le(a, b, '小于上年/预算');
    else le(b, a, '大于上年/预算');
  };
  for (const id of Object.keys(TABLE_SPECS) as TableId[]) {
    const t = T[id];
    for (const key of t.keys.keys())
      for (const col of TABLE_SPECS[id].columns.map((c) => c.id)) {
        compare(t.path(key, col), t.path(key, col, 'prior'));
        compare(t.path(key, col), t.path(key, col, 'budget'));
      }
  }
  for (const key of t7.keys.keys()) compare(t7.path(key, 'final'), t7.path(key, 'budget'));
  compare('adminCost.amount', 'adminCost.prior');
  compare('adminCost.amount', 'adminCost.budget');
  return out;
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
