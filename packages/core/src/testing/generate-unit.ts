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

/** Generates one unit as data-file content (plain object, amounts as strings in 万元). */
export function generateUnitData(options: GenerateOptions = {}): Obj {
  const rnd = prng(options.seed ?? 1);
  const year = options.year ?? 2022;
  const rounded = options.rounded ?? false;
  const kind = options.kind ?? (['行政', '参公', '事业'] as const)[Math.floor(rnd() * 3)]!;
  // Base step: 1 元 = 100 分 when rounded, else 0.01 万元 = 10000 分, so printed sums are exact.
  const step = rounded ? 100 : 10_000;
  const money = (minWan: number, maxWan: number): Fen => {
    const lo = Math.round((minWan * 1_000_000) / step);
    const hi = Math.round((maxWan * 1_000_000) / step);
    return (lo + Math.floor(rnd() * (hi - lo + 1))) * step;
  };
  const amountUnit = options.amountUnit ?? '万元';
  const p = (fen: Fen): string => formatAmount(fen, { unit: amountUnit, decimals: 2 });
  // Texts and counts follow the figure as a 万元 publication prints it, whatever the file's unit.
  const pw = (fen: Fen): string => formatAmount(fen, { unit: '万元', decimals: 2 });

  const nItems = Math.max(
    3,
    Math.min(options.items ?? 6 + Math.floor(rnd() * 11), COMMON_FUNCTION_ITEMS.length),
  );
  const pool = [...COMMON_FUNCTION_ITEMS];
  const chosen: (typeof pool)[number][] = [];
  while (chosen.length < nItems) chosen.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  chosen.sort((a, b) => a[0].localeCompare(b[0]));
  const withFund = options.withFund ?? rnd() < 0.3;

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
  if (gIncome < 0 || fundIncome < 0 || nOpeningAdj < 0)
    return generateUnitData({ ...options, seed: (options.seed ?? 1) + 7919 });
  // Split non-fiscal income among sources.
  // 经营支出 is financed by 经营收入 (《事业单位财务规则》); regenerate when there is no income to book it to.
  const operatingExp = sum((x) => x.operating);
  const operatingIncome = Math.min(operatingExp, nIncome);
  if (operatingExp > 0 && operatingIncome <= 0)
    return generateUnitData({ ...options, seed: (options.seed ?? 1) + 3571 });
  const restIncome = nIncome - operatingIncome;
  const superiorSubsidy = kind === '事业' ? Math.floor((restIncome * 0.2) / step) * step : 0;
  const businessIncome = kind === '事业' ? Math.floor((restIncome * 0.5) / step) * step : 0;
  const otherIncome = restIncome - superiorSubsidy - businessIncome;

  const first = items.find((x) => x.fund === 0)!;
  // T2 allocates income to functions: fiscal income = fiscal expenditure per item, carry-over difference on the first item.
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
      if (largest[key] < 0) return generateUnitData({ ...options, seed: (options.seed ?? 1) + 104729 });
    }
  }
  const nonFiscalSplit = (nf: Fen) => {
    const sup = nIncome === 0 ? 0 : Math.floor((nf * superiorSubsidy) / nIncome / step) * step;
    const bus = nIncome === 0 ? 0 : Math.floor((nf * businessIncome) / nIncome / step) * step;
    const op = nIncome === 0 ? 0 : Math.floor((nf * operatingIncome) / nIncome / step) * step;
    return {
      superiorSubsidy: sup,
      businessIncome: bus,
      operatingIncome: op,
      otherIncome: nf - sup - bus - op,
    };
  };
  // Fix split rounding so column totals match exactly: put the remainder on the first item.
  const t2Rows = items.map((x) => ({ x, ...t2.get(x.code)!, ...nonFiscalSplit(t2.get(x.code)!.nonFiscal) }));
  const fixCol = (col: 'superiorSubsidy' | 'businessIncome' | 'operatingIncome', target: Fen) => {
    const diff = target - t2Rows.reduce((s, r) => s + r[col], 0);
    const r0 = t2Rows.find((r) => r.nonFiscal > 0) ?? t2Rows[0]!;
    r0[col] += diff;
    r0.otherIncome -= diff;
  };
  fixCol('superiorSubsidy', superiorSubsidy);
  fixCol('businessIncome', businessIncome);
  fixCol('operatingIncome', operatingIncome);
  if (
    t2Rows.some(
      (r) => r.otherIncome < 0 || r.superiorSubsidy < 0 || r.businessIncome < 0 || r.operatingIncome < 0,
    )
  ) {
    return generateUnitData({ ...options, seed: (options.seed ?? 1) + 15485863 });
  }

  const codeRows = <T>(
    xs: Item[],
    f: (g: Item[]) => T,
  ): { code: string; name: string; g: Item[]; vals: T }[] => {
    const out: { code: string; name: string; g: Item[]; vals: T }[] = [];
    for (const c of classes) {
      const ci = byClass(c).filter((x) => xs.includes(x));
      if (ci.length === 0) continue;
      out.push({ code: c, name: ci[0]!.leiName, g: ci, vals: f(ci) });
      for (const k of kuans.filter((k) => k.startsWith(c))) {
        const ki = ci.filter((x) => x.code.startsWith(k));
        if (ki.length === 0) continue;
        out.push({ code: k, name: ki[0]!.kuanName, g: ki, vals: f(ki) });
        for (const x of ki) out.push({ code: x.code, name: x.name, g: [x], vals: f([x]) });
      }
    }
    return out;
  };

  // T5: general budget items (those with any general budget amount or a prior amount).
  const gItems = items.filter((x) => x.fund === 0);
  const t5Rows: Obj[] = [
    {
      row: 'total',
      total: p(gExp),
      basic: p(sum((x) => x.gBasic)),
      project: p(sum((x) => x.gProject)),
      prior: { total: p(sum((x) => x.prior)) },
      initialBudget: { total: p(sum((x) => x.budget)) },
      reasons: { prior: '人员变动及项目安排调整。', budget: '年中追加和调减预算。' },
    },
  ];
  for (const r of codeRows(gItems, (g) => g)) {
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
    t5Rows.push(row);
  }

  const t3Rows: Obj[] = [
    {
      row: 'total',
      total: p(gExp + fundExp + nExp),
      basic: p(sum((x) => x.gBasic + x.nBasic)),
      project: p(sum((x) => x.gProject + x.nProject + x.fund)),
      remittance: '0.00',
      operating: p(sum((x) => x.operating)),
      subsidiaryGrant: '0.00',
    },
  ];
  for (const r of codeRows(items, (g) => g)) {
    t3Rows.push({
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

  const t2Sum = (f: (r: (typeof t2Rows)[number]) => Fen, xs: Item[]) =>
    t2Rows.filter((r) => xs.includes(r.x)).reduce((s, r) => s + f(r), 0);
  const t2RowObj = (xs: Item[]): Obj => ({
    total: p(t2Sum((r) => r.fiscal + r.nonFiscal, xs)),
    fiscal: p(t2Sum((r) => r.fiscal, xs)),
    superiorSubsidy: p(t2Sum((r) => r.superiorSubsidy, xs)),
    businessIncome: p(t2Sum((r) => r.businessIncome, xs)),
    operatingIncome: p(t2Sum((r) => r.operatingIncome, xs)),
    subsidiaryRemittance: '0.00',
    otherIncome: p(t2Sum((r) => r.otherIncome, xs)),
  });
  const t2Out: Obj[] = [{ row: 'total', ...t2RowObj(items) }];
  for (const r of codeRows(items, (g) => g)) t2Out.push({ code: r.code, name: r.name, ...t2RowObj(r.g) });

  const incomeTotal = gIncome + fundIncome + nIncome;
  const expenditureTotal = gExp + fundExp + nExp;
  const openingAll = gOpening + fundOpening + nOpeningAdj;
  const closingAll = gClosing + fundClosing + nClosing;
  const grand = incomeTotal + useNonFiscalBalance + openingAll;
  const priorGrand = Math.max(step, grand + money(-80, 80));
  const t1Rows: Obj[] = [
    { row: 'generalBudget', amount: p(gIncome) },
    { row: 'governmentFund', amount: p(fundIncome) },
    { row: 'stateCapital', amount: '0.00' },
    { row: 'superiorSubsidy', amount: p(superiorSubsidy) },
    { row: 'businessIncome', amount: p(businessIncome) },
    { row: 'operatingIncome', amount: p(operatingIncome) },
    { row: 'subsidiaryRemittance', amount: '0.00' },
    { row: 'otherIncome', amount: p(otherIncome) },
    { row: 'incomeTotal', amount: p(incomeTotal) },
    { row: 'useOfNonFiscalBalance', amount: p(useNonFiscalBalance) },
    { row: 'openingCarryover', amount: p(openingAll) },
    {
      row: 'incomeGrandTotal',
      amount: p(grand),
      prior: { amount: p(priorGrand) },
      reasons: { prior: '人员经费和项目支出变动。' },
    },
  ];
  for (const c of classes) {
    const ci = byClass(c);
    t1Rows.push({
      code: c,
      name: ci[0]!.leiName,
      amount: p(sum((x) => x.gBasic + x.gProject + x.nBasic + x.nProject + x.fund + x.operating, ci)),
    });
  }
  t1Rows.push(
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

  const fourCols = (g: Fen, f: Fen): Obj => ({
    total: p(g + f),
    generalBudget: p(g),
    governmentFund: p(f),
    stateCapital: '0.00',
  });
  const fiscalGrand = gIncome + fundIncome + gOpening + fundOpening;
  const t4Rows: Obj[] = [
    { row: 'incomeTotal', ...fourCols(gIncome, fundIncome) },
    { row: 'openingCarryover', ...fourCols(gOpening, fundOpening) },
    {
      row: 'incomeGrandTotal',
      ...fourCols(gIncome + gOpening, fundIncome + fundOpening),
      prior: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      initialBudget: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      reasons: { prior: '财政拨款项目调整。', budget: '年中追加预算。' },
    },
  ];
  for (const c of classes) {
    const ci = byClass(c);
    t4Rows.push({
      code: c,
      name: ci[0]!.leiName,
      ...fourCols(
        sum((x) => x.gBasic + x.gProject, ci),
        sum((x) => x.fund, ci),
      ),
    });
  }
  t4Rows.push(
    { row: 'expenditureTotal', ...fourCols(gExp, fundExp) },
    { row: 'closingCarryover', ...fourCols(gClosing, fundClosing) },
    {
      row: 'expenditureGrandTotal',
      ...fourCols(gExp + gClosing, fundExp + fundClosing),
      prior: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      initialBudget: { total: p(Math.max(step, fiscalGrand + money(-40, 40))) },
      reasons: { prior: '财政拨款项目调整。', budget: '年中追加预算。' },
    },
  );
  // Keep T4 grand-total comparisons equal on both sides, as publications state them.
  (t4Rows.at(-1) as Obj).prior = (t4Rows[2] as Obj).prior;
  (t4Rows.at(-1) as Obj).initialBudget = (t4Rows[2] as Obj).initialBudget;

  // T6: split the general budget basic expenditure into economic 款.
  const basicTotal = sum((x) => x.gBasic);
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
  const t6Rows: Obj[] = [];
  for (const cls of ['301', '302', '303', '310']) {
    const members = [...pers, ...pub].filter(([code]) => code.startsWith(cls));
    if (members.length === 0) continue;
    t6Rows.push({ code: cls, name: ECON_CLASS_NAMES[cls], amount: p(members.reduce((s, m) => s + m[2], 0)) });
    for (const [code, name, v] of members) t6Rows.push({ code, name, amount: p(v) });
  }
  t6Rows.push(
    { row: 'personnelTotal', amount: p(personnel) },
    { row: 'publicTotal', amount: p(publicShare) },
  );

  // T7 "三公".
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
  const t7Rows: Obj[] = [
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

  const t8: Obj = withFund
    ? {
        rows: [
          {
            row: 'total',
            opening: p(fundOpening),
            income: p(fundIncome),
            expenditure: p(fundExp),
            basic: '0.00',
            project: p(fundExp),
            closing: p(fundClosing),
          },
          ...codeRows(
            items.filter((x) => x.fund > 0),
            (g) => g,
          ).map((r) => ({
            code: r.code,
            name: r.name,
            opening: p(fundOpening),
            income: p(fundIncome),
            expenditure: p(sum((x) => x.fund, r.g)),
            basic: '0.00',
            project: p(sum((x) => x.fund, r.g)),
            closing: p(fundClosing),
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

  const vehiclesHeld = voF > 0 ? 1 + Math.floor(rnd() * 5) : 0;
  const otherVehicles = Math.floor(rnd() * 3);
  const goods = money(0, 50);
  const works = rnd() < 0.8 ? 0 : money(1, 100);
  const services = money(0, 80);
  const procurementTotal = goods + works + services;
  const sme = Math.floor((procurementTotal * (0.5 + rnd() * 0.5)) / step) * step;
  const smallMicro = Math.floor((sme * (0.5 + rnd() * 0.5)) / step) * step;

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

  const adminCost = kind === '事业' ? Math.floor((publicShare * 0.8) / step) * step : publicShare;
  const data: Obj = {
    format: FORMAT_ID,
    year,
    amountUnit,
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
    tables: {
      t1: { rows: t1Rows },
      t2: { rows: t2Out },
      t3: { rows: t3Rows },
      t4: { rows: t4Rows },
      t5: { rows: t5Rows },
      t6: { rows: t6Rows },
      t7: { rows: t7Rows },
      t8,
      t9,
    },
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
    performance: {
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
    },
  };
  return data;
}
