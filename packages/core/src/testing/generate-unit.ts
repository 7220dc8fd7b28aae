/**
 * Generates realistic, internally consistent disclosures in the data-file format, for tests and
 * benchmarks. Amounts are built in 分 so that every identity of DOMAIN.md §5 holds exactly; with
 * `rounded: true` each printed cell is rounded on its own to 0.01 万元, as real publications are, so
 * sums then hold only within the rounding tolerance.
 */
import { formatAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { FORMAT_ID } from '../model/schema.ts';

/** Common 支出功能分类 项 with their 款 and 类 (names from the MoF 2022 list). */
export const COMMON_FUNCTION_ITEMS: readonly (readonly [string, string, string, string])[] = [
  // [项 code, 项 name, 款 name, 类 name]
  ['2010301', '行政运行', '政府办公厅（室）及相关机构事务', '一般公共服务支出'],
  ['2010302', '一般行政管理事务', '政府办公厅（室）及相关机构事务', '一般公共服务支出'],
  ['2010350', '事业运行', '政府办公厅（室）及相关机构事务', '一般公共服务支出'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出', '政府办公厅（室）及相关机构事务', '一般公共服务支出'],
  ['2010401', '行政运行', '发展与改革事务', '一般公共服务支出'],
  ['2010402', '一般行政管理事务', '发展与改革事务', '一般公共服务支出'],
  ['2010450', '事业运行', '发展与改革事务', '一般公共服务支出'],
  ['2010499', '其他发展与改革事务支出', '发展与改革事务', '一般公共服务支出'],
  ['2010601', '行政运行', '财政事务', '一般公共服务支出'],
  ['2010602', '一般行政管理事务', '财政事务', '一般公共服务支出'],
  ['2050201', '学前教育', '普通教育', '教育支出'],
  ['2050202', '小学教育', '普通教育', '教育支出'],
  ['2050203', '初中教育', '普通教育', '教育支出'],
  ['2070101', '行政运行', '文化和旅游', '文化旅游体育与传媒支出'],
  ['2070109', '群众文化', '文化和旅游', '文化旅游体育与传媒支出'],
  ['2080101', '行政运行', '人力资源和社会保障管理事务', '社会保障和就业支出'],
  ['2080501', '行政单位离退休', '行政事业单位养老支出', '社会保障和就业支出'],
  ['2080502', '事业单位离退休', '行政事业单位养老支出', '社会保障和就业支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '行政事业单位养老支出', '社会保障和就业支出'],
  ['2080506', '机关事业单位职业年金缴费支出', '行政事业单位养老支出', '社会保障和就业支出'],
  ['2080599', '其他行政事业单位养老支出', '行政事业单位养老支出', '社会保障和就业支出'],
  ['2101101', '行政单位医疗', '行政事业单位医疗', '卫生健康支出'],
  ['2101102', '事业单位医疗', '行政事业单位医疗', '卫生健康支出'],
  ['2101103', '公务员医疗补助', '行政事业单位医疗', '卫生健康支出'],
  ['2101199', '其他行政事业单位医疗支出', '行政事业单位医疗', '卫生健康支出'],
  ['2120101', '行政运行', '城乡社区管理事务', '城乡社区支出'],
  ['2120104', '城管执法', '城乡社区管理事务', '城乡社区支出'],
  ['2130101', '行政运行', '农业农村', '农林水支出'],
  ['2130104', '事业运行', '农业农村', '农林水支出'],
  ['2210201', '住房公积金', '住房改革支出', '住房保障支出'],
  ['2210202', '提租补贴', '住房改革支出', '住房保障支出'],
  ['2210203', '购房补贴', '住房改革支出', '住房保障支出'],
];

/** A 政府性基金 项 used for T8 (彩票公益金). */
export const FUND_ITEM = [
  '2296002',
  '用于社会福利的彩票公益金支出',
  '彩票公益金安排的支出',
  '其他支出',
] as const;

const PERSONNEL_ECON: readonly (readonly [string, string])[] = [
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30113', '住房公积金'],
  ['30302', '退休费'],
];
const PUBLIC_ECON: readonly (readonly [string, string])[] = [
  ['30201', '办公费'],
  ['30205', '水费'],
  ['30206', '电费'],
  ['30211', '差旅费'],
  ['30228', '工会经费'],
  ['30231', '公务用车运行维护费'],
  ['30299', '其他商品和服务支出'],
  ['31002', '办公设备购置'],
];
const ECON_CLASS_NAMES: Readonly<Record<string, string>> = {
  '301': '工资福利支出',
  '302': '商品和服务支出',
  '303': '对个人和家庭的补助',
  '310': '资本性支出',
};

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed?: number;
  year?: number;
  /** Round each printed cell on its own (real publications); default false = exact sums. */
  rounded?: boolean;
  /** Number of 项 (5–30); default random 6–16. */
  items?: number;
  /** Include a 政府性基金 项 in T8; default random. */
  withFund?: boolean;
  kind?: '行政' | '参公' | '事业';
  profile?: string;
  /** Unit the amounts are written in (two decimals); default 万元. In 元 every figure is exact to 1 分. */
  amountUnit?: MoneyUnit;
}

type Obj = Record<string, unknown>;

/**
 * The random source and number helpers of one unit. The steps below draw from `rnd` in a fixed order (a seed
 * gives the same unit whatever changes elsewhere), so they are called in that order.
 */
interface Gen {
  options: GenerateOptions;
  rnd: () => number;
  kind: '行政' | '参公' | '事业';
  /** Base step: 1 元 = 100 分 when rounded, else 0.01 万元 = 10000 分, so printed sums are exact. */
  step: Fen;
  /** A random amount between two 万元 figures, on the step. */
  money: (minWan: number, maxWan: number) => Fen;
  /** An amount as the data file writes it. */
  p: (fen: Fen) => string;
  /** An amount as a 万元 publication prints it (texts and counts follow it, whatever the file's unit). */
  pw: (fen: Fen) => string;
}

/** One 项 of the unit with its money by source. */
interface Item {
  code: string;
  name: string;
  kuanName: string;
  leiName: string;
  gBasic: Fen;
  gProject: Fen;
  nBasic: Fen;
  nProject: Fen;
  operating: Fen;
  fund: Fen;
  prior: Fen;
  budget: Fen;
}

/** A code row of a classified table: 类, 款 or 项, with the items under it. */
interface CodeRow {
  code: string;
  name: string;
  g: Item[];
}

/** The items and the ways the tables group them. */
interface Structure {
  items: Item[];
  withFund: boolean;
  classes: string[];
  byClass: (c: string) => Item[];
  sum: (f: (x: Item) => Fen, xs?: Item[]) => Fen;
  /** 类, then each 款 with its 项, of the given items. */
  codeRows: (xs: Item[]) => CodeRow[];
}

/** The income side, carry-overs and T2's allocation of income to functions. */
interface Balances {
  gOpening: Fen;
  gClosing: Fen;
  fundOpening: Fen;
  fundClosing: Fen;
  nOpeningAdj: Fen;
  nClosing: Fen;
  useNonFiscalBalance: Fen;
  gExp: Fen;
  fundExp: Fen;
  nExp: Fen;
  gIncome: Fen;
  fundIncome: Fen;
  nIncome: Fen;
  operatingIncome: Fen;
  superiorSubsidy: Fen;
  businessIncome: Fen;
  otherIncome: Fen;
  t2Rows: T2Row[];
}

interface T2Row {
  x: Item;
  fiscal: Fen;
  nonFiscal: Fen;
  superiorSubsidy: Fen;
  businessIncome: Fen;
  operatingIncome: Fen;
  otherIncome: Fen;
}

/** Generates one unit as data-file content (plain object, amounts as strings in 万元). */
export function generateUnitData(options: GenerateOptions = {}): Obj {
  const rnd = prng(options.seed ?? 1);
  const rounded = options.rounded ?? false;
  const kind = options.kind ?? (['行政', '参公', '事业'] as const)[Math.floor(rnd() * 3)]!;
  const step = rounded ? 100 : 10_000;
  const money = (minWan: number, maxWan: number): Fen => {
    const lo = Math.round((minWan * 1_000_000) / step);
    const hi = Math.round((maxWan * 1_000_000) / step);
    return (lo + Math.floor(rnd() * (hi - lo + 1))) * step;
  };
  const amountUnit = options.amountUnit ?? '万元';
  const g: Gen = {
    options,
    rnd,
    kind,
    step,
    money,
    p: (fen) => formatAmount(fen, { unit: amountUnit, decimals: 2 }),
    pw: (fen) => formatAmount(fen, { unit: '万元', decimals: 2 }),
  };
  const st = structure(g);
  const b = balances(g, st);
  // Some draws cannot be published (a negative carry-over or T2 cell): draw again from another seed.
  if (typeof b === 'number') return generateUnitData({ ...options, seed: (options.seed ?? 1) + b });
  const tables = {
    t1: { rows: t1Rows(g, st, b) },
    t2: { rows: t2Rows(g, st, b) },
    t3: { rows: t3Rows(g, st, b) },
    t4: { rows: t4Rows(g, st, b) },
    t5: { rows: t5Rows(g, st, b) },
  };
  const basic = t6Rows(g, st);
  const threePublic = t7Rows(g);
  return assemble(g, { ...tables, t6: { rows: basic.rows }, t7: { rows: threePublic.rows } }, st, b, {
    publicShare: basic.publicShare,
    ...threePublic,
  });
}

/** The 项 of the unit (a random choice of common ones, and a 政府性基金 项 or not) and their grouping. */
function structure(g: Gen): Structure {
  const { options, rnd, money, kind } = g;
  const nItems = Math.max(
    3,
    Math.min(options.items ?? 6 + Math.floor(rnd() * 11), COMMON_FUNCTION_ITEMS.length),
  );
  const pool = [...COMMON_FUNCTION_ITEMS];
  const chosen: (typeof pool)[number][] = [];
  while (chosen.length < nItems) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  chosen.sort((a, b) => a[0].localeCompare(b[0]));
  const withFund = options.withFund ?? rnd() < 0.3;
  const items: Item[] = chosen.map(([code, name, kuanName, leiName], i) => {
    const projectHeavy = i % 3 === 2;
    const gBasic = projectHeavy ? 0 : money(1, 300);
    const gProject = projectHeavy || rnd() < 0.3 ? money(1, 500) : 0;
    const nBasic = rnd() < 0.3 ? money(0.5, 50) : 0;
    const nProject = rnd() < 0.2 ? money(0.5, 80) : 0;
    const operating = kind === '事业' && rnd() < 0.1 ? money(0.5, 20) : 0;
    const total = gBasic + gProject;
    const prior = rnd() < 0.1 ? 0 : Math.max(0, total + money(-50, 50));
    const budget = Math.max(0, total + money(-30, 30));
    return {
      code,
      name,
      kuanName,
      leiName,
      gBasic,
      gProject,
      nBasic,
      nProject,
      operating,
      fund: 0,
      prior,
      budget,
    };
  });
  if (withFund) {
    items.push({
      code: FUND_ITEM[0],
      name: FUND_ITEM[1],
      kuanName: FUND_ITEM[2],
      leiName: FUND_ITEM[3],
      gBasic: 0,
      gProject: 0,
      nBasic: 0,
      nProject: 0,
      operating: 0,
      fund: money(5, 200),
      prior: 0,
      budget: 0,
    });
  }
  // Ensure at least one item of general budget has a non-zero basic expenditure.
  if (items.every((x) => x.gBasic === 0)) items[0]!.gBasic = money(10, 100);

  const sum = (f: (x: Item) => Fen, xs: Item[] = items): Fen => xs.reduce((s, x) => s + f(x), 0);
  const classes = [...new Set(items.map((x) => x.code.slice(0, 3)))];
  const kuans = [...new Set(items.map((x) => x.code.slice(0, 5)))];
  const byClass = (c: string) => items.filter((x) => x.code.startsWith(c));
  const codeRows = (xs: Item[]): CodeRow[] => {
    const out: CodeRow[] = [];
    for (const c of classes) {
      const ci = byClass(c).filter((x) => xs.includes(x));
      if (ci.length === 0) continue;
      out.push({ code: c, name: ci[0]!.leiName, g: ci });
      for (const k of kuans.filter((k) => k.startsWith(c))) {
        const ki = ci.filter((x) => x.code.startsWith(k));
        if (ki.length === 0) continue;
        out.push({ code: k, name: ki[0]!.kuanName, g: ki });
        for (const x of ki) out.push({ code: x.code, name: x.name, g: [x] });
      }
    }
    return out;
  };
  return { items, withFund, classes, byClass, sum, codeRows };
}

/**
 * Carry-overs and income that balance the expenditure, and T2's allocation of income to functions; or, when
 * the draw cannot be published, the offset of the seed to draw again with.
 */
function balances(g: Gen, st: Structure): Balances | number {
  const { rnd, money, kind, step } = g;
  const { items, withFund, sum } = st;
  // Carry-overs (财政拨款 and 其他).
  const gOpening = rnd() < 0.5 ? 0 : money(1, 100);
  const gClosing = rnd() < 0.5 ? 0 : money(1, 100);
  const fundOpening = withFund ? money(0, 50) : 0;
  const fundClosing = withFund ? money(0, 50) : 0;
  const nOpening = rnd() < 0.5 ? 0 : money(1, 150);
  const nClosing = rnd() < 0.5 ? 0 : money(1, 150);
  const useNonFiscalBalance = rnd() < 0.1 ? money(0.5, 10) : 0;

  const gExp = sum((x) => x.gBasic + x.gProject);
  const fundExp = sum((x) => x.fund);
  const nExp = sum((x) => x.nBasic + x.nProject + x.operating);
  const gIncome = gExp + gClosing - gOpening;
  const fundIncome = fundExp + fundClosing - fundOpening;
  // Non-fiscal income balances non-fiscal expenditure and carry-overs; may not go negative.
  let nIncome = nExp + nClosing - nOpening - useNonFiscalBalance;
  let nOpeningAdj = nOpening;
  if (nIncome < 0) {
    nOpeningAdj = nOpening + nIncome;
    nIncome = 0;
  }
  // A negative 年初结转和结余 (使用非财政拨款结余 larger than all non-fiscal money) cannot be published.
  if (gIncome < 0 || fundIncome < 0 || nOpeningAdj < 0) return 7919;
  // Split non-fiscal income among sources.
  // 经营支出 is financed by 经营收入 (《事业单位财务规则》); regenerate when there is no income to book it to.
  const operatingExp = sum((x) => x.operating);
  const operatingIncome = Math.min(operatingExp, nIncome);
  if (operatingExp > 0 && operatingIncome <= 0) return 3571;
  const restIncome = nIncome - operatingIncome;
  const superiorSubsidy = kind === '事业' ? Math.floor((restIncome * 0.2) / step) * step : 0;
  const businessIncome = kind === '事业' ? Math.floor((restIncome * 0.5) / step) * step : 0;
  const otherIncome = restIncome - superiorSubsidy - businessIncome;
  const b = {
    gOpening,
    gClosing,
    fundOpening,
    fundClosing,
    nOpeningAdj,
    nClosing,
    useNonFiscalBalance,
    gExp,
    fundExp,
    nExp,
    gIncome,
    fundIncome,
    nIncome,
    operatingIncome,
    superiorSubsidy,
    businessIncome,
    otherIncome,
  };
  const t2Rows = allocateIncome(g, items, b);
  return typeof t2Rows === 'number' ? t2Rows : { ...b, t2Rows };
}

/**
 * T2 allocates income to functions: fiscal income = fiscal expenditure per item, the carry-over difference on
 * the first item; non-fiscal income split among its sources in proportion, the remainder on the first item.
 * A number when some cell would be negative (the seed offset to draw again with).
 */
function allocateIncome(g: Gen, items: Item[], b: Omit<Balances, 't2Rows'>): T2Row[] | number {
  const { step } = g;
  const { gClosing, gOpening, fundClosing, fundOpening, nIncome, nExp } = b;
  const first = items.find((x) => x.fund === 0)!;
  const t2Item = (x: Item) => {
    const fiscal =
      x.gBasic + x.gProject + x.fund + (x === first ? gClosing - gOpening + fundClosing - fundOpening : 0);
    const nonFiscal = x.nBasic + x.nProject + x.operating + (x === first ? nIncome - nExp : 0);
    return { fiscal, nonFiscal };
  };
  // Keep T2 cells non-negative: move the carry-over difference to the largest item when needed.
  const t2 = new Map(items.map((x) => [x.code, t2Item(x)]));
  for (const key of ['fiscal', 'nonFiscal'] as const) {
    let deficit = 0;
    for (const v of t2.values())
      if (v[key] < 0) {
        deficit += v[key];
        v[key] = 0;
      }
    if (deficit < 0) {
      const largest = [...t2.values()].sort((a, b) => b[key] - a[key])[0]!;
      largest[key] += deficit;
      if (largest[key] < 0) return 104729;
    }
  }
  const nonFiscalSplit = (nf: Fen) => {
    const sup = nIncome === 0 ? 0 : Math.floor((nf * b.superiorSubsidy) / nIncome / step) * step;
    const bus = nIncome === 0 ? 0 : Math.floor((nf * b.businessIncome) / nIncome / step) * step;
    const op = nIncome === 0 ? 0 : Math.floor((nf * b.operatingIncome) / nIncome / step) * step;
    return {
      superiorSubsidy: sup,
      businessIncome: bus,
      operatingIncome: op,
      otherIncome: nf - sup - bus - op,
    };
  };
  // Fix split rounding so column totals match exactly: put the remainder on the first item.
  const t2Rows: T2Row[] = items.map((x) => ({
    x,
    ...t2.get(x.code)!,
    ...nonFiscalSplit(t2.get(x.code)!.nonFiscal),
  }));
  const fixCol = (col: 'superiorSubsidy' | 'businessIncome' | 'operatingIncome', target: Fen) => {
    const diff = target - t2Rows.reduce((s, r) => s + r[col], 0);
    const r0 = t2Rows.find((r) => r.nonFiscal > 0) ?? t2Rows[0]!;
    r0[col] += diff;
    r0.otherIncome -= diff;
  };
  fixCol('superiorSubsidy', b.superiorSubsidy);
  fixCol('businessIncome', b.businessIncome);
  fixCol('operatingIncome', b.operatingIncome);
  if (
    t2Rows.some(
      (r) => r.otherIncome < 0 || r.superiorSubsidy < 0 || r.businessIncome < 0 || r.operatingIncome < 0,
    )
  )
    return 15485863;
  return t2Rows;
}

/** T5: general budget items (those with any general budget amount or a prior amount). */
function t5Rows(g: Gen, st: Structure, b: Balances): Obj[] {
  const { p } = g;
  const { items, sum } = st;
  const gItems = items.filter((x) => x.fund === 0);
  const rows: Obj[] = [
    {
      row: 'total',
      total: p(b.gExp),
      basic: p(sum((x) => x.gBasic)),
      project: p(sum((x) => x.gProject)),
      prior: { total: p(sum((x) => x.prior)) },
      initialBudget: { total: p(sum((x) => x.budget)) },
      reasons: { prior: '人员变动及项目安排调整。', budget: '年中追加和调减预算。' },
    },
  ];
  for (const r of st.codeRows(gItems)) {
    const row: Obj = {
      code: r.code,
      name: r.name,
      total: p(sum((x) => x.gBasic + x.gProject, r.g)),
      basic: p(sum((x) => x.gBasic, r.g)),
      project: p(sum((x) => x.gProject, r.g)),
    };
    if (r.code.length === 7) {
      row.prior = { total: p(sum((x) => x.prior, r.g)) };
      row.initialBudget = { total: p(sum((x) => x.budget, r.g)) };
      row.reasons = { prior: '本年人员和项目支出变动。', budget: '年中预算调整。' };
    }
    rows.push(row);
  }
  return rows;
}

/** T3: every item's expenditure by kind. */
function t3Rows(g: Gen, st: Structure, b: Balances): Obj[] {
  const { p } = g;
  const { items, sum } = st;
  const rows: Obj[] = [
    {
      row: 'total',
      total: p(b.gExp + b.fundExp + b.nExp),
      basic: p(sum((x) => x.gBasic + x.nBasic)),
      project: p(sum((x) => x.gProject + x.nProject + x.fund)),
      remittance: '0.00',
      operating: p(sum((x) => x.operating)),
      subsidiaryGrant: '0.00',
    },
  ];
  for (const r of st.codeRows(items)) {
    rows.push({
      code: r.code,
      name: r.name,
      total: p(sum((x) => x.gBasic + x.gProject + x.nBasic + x.nProject + x.fund + x.operating, r.g)),
      basic: p(sum((x) => x.gBasic + x.nBasic, r.g)),
      project: p(sum((x) => x.gProject + x.nProject + x.fund, r.g)),
      remittance: '0.00',
      operating: p(sum((x) => x.operating, r.g)),
      subsidiaryGrant: '0.00',
    });
  }
  return rows;
}

/** T2: income by source, allocated to functions. */
function t2Rows(g: Gen, st: Structure, b: Balances): Obj[] {
  const { p } = g;
  const t2Sum = (f: (r: T2Row) => Fen, xs: Item[]) =>
    b.t2Rows.filter((r) => xs.includes(r.x)).reduce((s, r) => s + f(r), 0);
  const t2RowObj = (xs: Item[]): Obj => ({
    total: p(t2Sum((r) => r.fiscal + r.nonFiscal, xs)),
    fiscal: p(t2Sum((r) => r.fiscal, xs)),
    superiorSubsidy: p(t2Sum((r) => r.superiorSubsidy, xs)),
    businessIncome: p(t2Sum((r) => r.businessIncome, xs)),
    operatingIncome: p(t2Sum((r) => r.operatingIncome, xs)),
    subsidiaryRemittance: '0.00',
    otherIncome: p(t2Sum((r) => r.otherIncome, xs)),
  });
  const rows: Obj[] = [{ row: 'total', ...t2RowObj(st.items) }];
  for (const r of st.codeRows(st.items)) rows.push({ code: r.code, name: r.name, ...t2RowObj(r.g) });
  return rows;
}

/** T1: the income and expenditure summary, with last year's grand totals. */
function t1Rows(g: Gen, st: Structure, b: Balances): Obj[] {
  const { p, money, step } = g;
  const { sum } = st;
  const incomeTotal = b.gIncome + b.fundIncome + b.nIncome;
  const expenditureTotal = b.gExp + b.fundExp + b.nExp;
  const openingAll = b.gOpening + b.fundOpening + b.nOpeningAdj;
  const closingAll = b.gClosing + b.fundClosing + b.nClosing;
  const grand = incomeTotal + b.useNonFiscalBalance + openingAll;
  const priorGrand = Math.max(step, grand + money(-80, 80));
  const rows: Obj[] = [
    { row: 'generalBudget', amount: p(b.gIncome) },
    { row: 'governmentFund', amount: p(b.fundIncome) },
    { row: 'stateCapital', amount: '0.00' },
    { row: 'superiorSubsidy', amount: p(b.superiorSubsidy) },
    { row: 'businessIncome', amount: p(b.businessIncome) },
    { row: 'operatingIncome', amount: p(b.operatingIncome) },
    { row: 'subsidiaryRemittance', amount: '0.00' },
    { row: 'otherIncome', amount: p(b.otherIncome) },
    { row: 'incomeTotal', amount: p(incomeTotal) },
    { row: 'useOfNonFiscalBalance', amount: p(b.useNonFiscalBalance) },
    { row: 'openingCarryover', amount: p(openingAll) },
    {
      row: 'incomeGrandTotal',
      amount: p(grand),
      prior: { amount: p(priorGrand) },
      reasons: { prior: '人员经费和项目支出变动。' },
    },
  ];
  for (const c of st.classes) {
    const ci = st.byClass(c);
    rows.push({
      code: c,
      name: ci[0]!.leiName,
      amount: p(sum((x) => x.gBasic + x.gProject + x.nBasic + x.nProject + x.fund + x.operating, ci)),
    });
  }
  rows.push(
    { row: 'expenditureTotal', amount: p(expenditureTotal) },
    { row: 'surplusDistribution', amount: p(grand - expenditureTotal - closingAll) },
    { row: 'closingCarryover', amount: p(closingAll), prior: { amount: p(openingAll) } },
    {
      row: 'expenditureGrandTotal',
      amount: p(grand),
      prior: { amount: p(priorGrand) },
      reasons: { prior: '人员经费和项目支出变动。' },
    },
  );
  return rows;
}

/** T4: fiscal income and expenditure by fund, with last year's and the budget's grand totals. */
function t4Rows(g: Gen, st: Structure, b: Balances): Obj[] {
  const { p, money, step } = g;
  const { sum } = st;
  const fourCols = (gen: Fen, f: Fen): Obj => ({
    total: p(gen + f),
    generalBudget: p(gen),
    governmentFund: p(f),
    stateCapital: '0.00',
  });
  const fiscalGrand = b.gIncome + b.fundIncome + b.gOpening + b.fundOpening;
  const rows: Obj[] = [
    { row: 'incomeTotal', ...fourCols(b.gIncome, b.fundIncome) },
    { row: 'openingCarryover', ...fourCols(b.gOpening, b.fundOpening) },
    {
      row: 'incomeGrandTotal',
      ...fourCols(b.gIncome + b.gOpening, b.fundIncome + b.fundOpening),
      prior: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      initialBudget: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      reasons: { prior: '财政拨款项目调整。', budget: '年中追加预算。' },
    },
  ];
  for (const c of st.classes) {
    const ci = st.byClass(c);
    rows.push({
      code: c,
      name: ci[0]!.leiName,
      ...fourCols(
        sum((x) => x.gBasic + x.gProject, ci),
        sum((x) => x.fund, ci),
      ),
    });
  }
  rows.push(
    { row: 'expenditureTotal', ...fourCols(b.gExp, b.fundExp) },
    { row: 'closingCarryover', ...fourCols(b.gClosing, b.fundClosing) },
    {
      row: 'expenditureGrandTotal',
      ...fourCols(b.gExp + b.gClosing, b.fundExp + b.fundClosing),
      prior: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      initialBudget: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      reasons: { prior: '财政拨款项目调整。', budget: '年中追加预算。' },
    },
  );
  // Keep T4 grand-total comparisons equal on both sides, as publications state them.
  (rows.at(-1) as Obj).prior = (rows[2] as Obj).prior;
  (rows.at(-1) as Obj).initialBudget = (rows[2] as Obj).initialBudget;
  return rows;
}

/** T6: the general budget basic expenditure split into economic 款; and its 公用经费. */
function t6Rows(g: Gen, st: Structure): { rows: Obj[]; publicShare: Fen } {
  const { rnd, p, step } = g;
  const basicTotal = st.sum((x) => x.gBasic);
  const publicShare = Math.floor((basicTotal * (0.08 + rnd() * 0.12)) / step) * step;
  const personnel = basicTotal - publicShare;
  const split = (total: Fen, parts: readonly (readonly [string, string])[]): [string, string, Fen][] => {
    const n = 3 + Math.floor(rnd() * (parts.length - 2));
    const picked = parts.slice(0, n);
    let rest = total;
    return picked.map(([code, name], i) => {
      const v = i === picked.length - 1 ? rest : Math.floor((rest * (0.2 + rnd() * 0.4)) / step) * step;
      rest -= v;
      return [code, name, v];
    });
  };
  const pers = split(personnel, PERSONNEL_ECON);
  const pub = split(publicShare, PUBLIC_ECON);
  const rows: Obj[] = [];
  for (const cls of ['301', '302', '303', '310']) {
    const members = [...pers, ...pub].filter(([code]) => code.startsWith(cls));
    if (members.length === 0) continue;
    rows.push({ code: cls, name: ECON_CLASS_NAMES[cls], amount: p(members.reduce((s, m) => s + m[2], 0)) });
    for (const [code, name, v] of members) rows.push({ code, name, amount: p(v) });
  }
  rows.push({ row: 'personnelTotal', amount: p(personnel) }, { row: 'publicTotal', amount: p(publicShare) });
  return { rows, publicShare };
}

/** The "三公" fees of T7, with the 决算数 the counts of the other matters follow. */
interface ThreePublicFees {
  rows: Obj[];
  abroadF: Fen;
  vpF: Fen;
  voF: Fen;
  recF: Fen;
}

/** T7 "三公". */
function t7Rows(g: Gen): ThreePublicFees {
  const { rnd, money, p } = g;
  const abroadB = rnd() < 0.8 ? 0 : money(1, 20);
  const abroadF = abroadB === 0 ? 0 : Math.min(abroadB, money(0, 20));
  const vpB = rnd() < 0.85 ? 0 : money(10, 30);
  const vpF = vpB;
  const voB = money(0, 15);
  const voF = Math.min(voB, money(0, 15));
  const recB = money(0, 5);
  const recF = Math.min(recB, money(0, 5));
  const t7 = (b: Fen, f: Fen, prior: Fen, reasonText: string): Obj => ({
    budget: p(b),
    final: p(f),
    prior: { final: p(prior) },
    reasons: { prior: reasonText, budget: reasonText },
  });
  const priorOf = (f: Fen) => (f === 0 ? 0 : Math.max(0, f + money(-3, 3)));
  const [pa, pvp, pvo, pr] = [priorOf(abroadF), priorOf(vpF), priorOf(voF), priorOf(recF)];
  const rows: Obj[] = [
    {
      row: 'total',
      ...t7(
        abroadB + vpB + voB + recB,
        abroadF + vpF + voF + recF,
        pa + pvp + pvo + pr,
        '严格执行中央八项规定，压减经费。',
      ),
    },
    {
      row: 'abroad',
      ...t7(abroadB, abroadF, pa, abroadF === 0 ? '本单位无因公出国（境）费。' : '按计划执行出访任务。'),
    },
    { row: 'vehicle', ...t7(vpB + voB, vpF + voF, pvp + pvo, '压减公务用车运行费。') },
    {
      row: 'vehiclePurchase',
      ...t7(vpB, vpF, pvp, vpF === 0 ? '本单位无公务用车购置费。' : '按规定更新车辆。'),
    },
    { row: 'vehicleOperation', ...t7(voB, voF, pvo, '压减公务用车运行费。') },
    { row: 'reception', ...t7(recB, recF, pr, recF === 0 ? '本单位无公务接待费。' : '压减公务接待。') },
  ];
  return { rows, abroadF, vpF, voF, recF };
}

/** T8 (the 政府性基金 项, or an empty table with its statement) and T9 (always empty). */
function fundTables(g: Gen, st: Structure, b: Balances): { t8: Obj; t9: Obj } {
  const { p } = g;
  const t8: Obj = st.withFund
    ? {
        rows: [
          {
            row: 'total',
            opening: p(b.fundOpening),
            income: p(b.fundIncome),
            expenditure: p(b.fundExp),
            basic: '0.00',
            project: p(b.fundExp),
            closing: p(b.fundClosing),
          },
          ...st.codeRows(st.items.filter((x) => x.fund > 0)).map((r) => ({
            code: r.code,
            name: r.name,
            opening: p(b.fundOpening),
            income: p(b.fundIncome),
            expenditure: p(st.sum((x) => x.fund, r.g)),
            basic: '0.00',
            project: p(st.sum((x) => x.fund, r.g)),
            closing: p(b.fundClosing),
          })),
        ],
      }
    : {
        emptyStatement: '本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，故本表为空表。',
        rows: [],
      };
  const t9: Obj = {
    emptyStatement: '本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，故本表为空表。',
    rows: [],
  };
  return { t8, t9 };
}

/** One evaluated project's self-evaluation (项目支出绩效自评表), from the general budget project money. */
function performance(g: Gen, st: Structure): Obj {
  const { money, p, pw, step } = g;
  const { sum } = st;
  const projectBudget = Math.max(
    step,
    sum((x) => x.gProject) > 0 ? sum((x) => x.gProject) + money(0, 20) : money(10, 50),
  );
  const projectExecuted = Math.min(
    projectBudget,
    sum((x) => x.gProject) > 0 ? sum((x) => x.gProject) : projectBudget,
  );
  // 执行率得分 = 10 × 执行率, capped at 10, two decimals half-up.
  const execScoreHundredths = Math.min(1000, Math.round(((projectExecuted / projectBudget) * 100000) / 100));
  const execScore = (execScoreHundredths / 100).toFixed(2);
  const indicators = [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '完成项目数量',
      target: '=10 个',
      actual: '10 个',
      weight: 20,
      score: 20,
    },
    {
      level1: '产出指标',
      level2: '质量指标',
      name: '验收合格率',
      target: '>=95%',
      actual: '100%',
      weight: 15,
      score: 15,
    },
    {
      level1: '产出指标',
      level2: '时效指标',
      name: '按期完成率',
      target: '=100%',
      actual: '100%',
      weight: 5,
      score: 5,
    },
    {
      level1: '产出指标',
      level2: '成本指标',
      name: '项目成本控制',
      target: `<=${pw(projectBudget)} 万元`,
      actual: `${pw(projectExecuted)} 万元`,
      weight: 10,
      score: 10,
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '服务对象覆盖面',
      target: '提高',
      actual: '提高',
      weight: 30,
      score: 30,
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      name: '服务对象满意度',
      target: '>=90%',
      actual: '95%',
      weight: 10,
      score: 10,
    },
  ];
  const total = (Number(execScoreHundredths) + 9000) / 100;
  return {
    evaluatedProjects: 1,
    budgetTotal: p(projectBudget),
    executedTotal: p(projectExecuted),
    projects: [
      {
        name: '业务工作经费',
        funds: {
          total: {
            initialBudget: p(projectBudget),
            annualBudget: p(projectBudget),
            executed: p(projectExecuted),
          },
          fiscal: {
            initialBudget: p(projectBudget),
            annualBudget: p(projectBudget),
            executed: p(projectExecuted),
          },
          carryover: { initialBudget: '0.00', annualBudget: '0.00', executed: '0.00' },
          other: { initialBudget: '0.00', annualBudget: '0.00', executed: '0.00' },
        },
        executionWeight: 10,
        executionScore: execScore,
        indicators,
        totalScore: total.toFixed(2),
        grade: total >= 90 ? '优' : total >= 80 ? '良' : total >= 60 ? '中' : '差',
      },
    ],
  };
}

/** The data file: unit, the nine tables, and the other matters (三公 counts, 机关运行经费, 采购, 资产, 绩效). */
function assemble(
  g: Gen,
  tables: Record<'t1' | 't2' | 't3' | 't4' | 't5' | 't6' | 't7', Obj>,
  st: Structure,
  b: Balances,
  fees: Omit<ThreePublicFees, 'rows'> & { publicShare: Fen },
): Obj {
  const { rnd, money, p, pw, step, kind, options } = g;
  const { t8, t9 } = fundTables(g, st, b);
  const { abroadF, vpF, voF, recF, publicShare } = fees;
  const vehiclesHeld = voF > 0 ? 1 + Math.floor(rnd() * 5) : 0;
  const otherVehicles = Math.floor(rnd() * 3);
  const goods = money(0, 50);
  const works = rnd() < 0.8 ? 0 : money(1, 100);
  const services = money(0, 80);
  const procurementTotal = goods + works + services;
  const sme = Math.floor((procurementTotal * (0.5 + rnd() * 0.5)) / step) * step;
  const smallMicro = Math.floor((sme * (0.5 + rnd() * 0.5)) / step) * step;
  const performanceData = performance(g, st);
  const adminCost = kind === '事业' ? Math.floor((publicShare * 0.8) / step) * step : publicShare;
  return {
    format: FORMAT_ID,
    year: options.year ?? 2022,
    amountUnit: options.amountUnit ?? '万元',
    decimals: 2,
    profile: options.profile ?? 'xinjiang-2022',
    unit: {
      name: `示例单位${options.seed ?? 1}`,
      kind,
      level: '单位',
      functions: '负责本单位职责范围内的各项工作。',
      internalDivisions: ['办公室', '业务科'],
      staff: { actual: 20, active: 15, retiredCadre: 0, retired: 5 },
      consolidatedUnits: [`示例单位${options.seed ?? 1}`],
    },
    tables: { ...tables, t8, t9 },
    threePublic: {
      // Counts follow the printed amount: a rounded fee of 0.00 万元 goes with a count of 0.
      abroadGroups: pw(abroadF) !== '0.00' ? 1 : 0,
      abroadPeople: pw(abroadF) !== '0.00' ? 3 : 0,
      vehiclesPurchased: pw(vpF) !== '0.00' ? 1 : 0,
      vehiclesHeld,
      receptionBatches: pw(recF) !== '0.00' ? 4 : 0,
      receptionPeople: pw(recF) !== '0.00' ? 30 : 0,
    },
    adminCost: {
      amount: p(adminCost),
      prior: p(Math.max(0, adminCost + money(-5, 5))),
      reasons: { prior: '办公费用变动。' },
    },
    procurement: {
      total: p(procurementTotal),
      goods: p(goods),
      works: p(works),
      services: p(services),
      sme: p(sme),
      smallMicro: p(smallMicro),
    },
    assets: {
      fixedAssetsOriginal: p(money(5, 2000)),
      buildingArea: '0',
      buildingValue: '0.00',
      vehicles: {
        total: vehiclesHeld + otherVehicles,
        value: p(money(0, 100)),
        byCategory: {
          ministerial: 0,
          principal: 0,
          confidential: 0,
          emergency: 0,
          lawEnforcement: vehiclesHeld,
          specialTechnical: 0,
          retiredCadres: 0,
          other: otherVehicles,
        },
      },
      equipmentOver1m: 0,
    },
    performance: performanceData,
  };
}
