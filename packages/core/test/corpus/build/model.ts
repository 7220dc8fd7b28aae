/**
 * The figures of one invented unit, in 分, built so that every identity of DOMAIN.md §5 holds exactly
 * (income total = expenditure total, T5 = Σ 项, 基本支出 = 人员经费 + 公用经费, "三公" = Σ items …).
 * Amounts are kept to the 元 (multiples of 100 分), as the MoF software keeps them; documents in 万元
 * then round each printed cell on its own, as real publications do. Prior-year and budget figures
 * are invented beside them so that the narrative can compare.
 */
import { builtinCatalogue, builtinYears } from '../../../src/classification/builtin.ts';
import type { Catalogue } from '../../../src/classification/catalogue.ts';
import type { Fen } from '../../../src/money/amount.ts';
import { prng } from '../../../src/testing/generate-unit.ts';

export type UnitKind = '行政' | '参公' | '事业';

export interface Item {
  code: string;
  lei: string;
  kuan: string;
  xiang: string;
  /** 一般公共预算财政拨款 基本 / 项目. */
  gBasic: Fen;
  gProject: Fen;
  /** 政府性基金预算财政拨款 (项目). */
  fund: Fen;
  /** Non-fiscal money spent on this 项. */
  nBasic: Fen;
  nProject: Fen;
  /** 一般公共预算财政拨款: last year's final and this year's 年初预算. */
  prior: Fen;
  budget: Fen;
}

export interface Pair {
  budget: Fen;
  final: Fen;
  prior: Fen;
}

export interface UnitSpec {
  seed: number;
  year: number;
  name: string;
  kind: UnitKind;
  /** Rough size of 本年支出合计 in 万元. */
  size: number;
  /** 7-digit 项 codes of the general budget (names come from the year's catalogue). */
  codes: readonly string[];
  /** A 政府性基金 项 (code), if the unit had fund money. */
  fundCode?: string;
  /** Non-fiscal income: 事业收入 / 上级补助收入 / 其他收入. */
  business?: boolean;
  superior?: boolean;
  other?: boolean;
  /** Non-zero carry-overs. */
  carry?: boolean;
  /** "三公": trips abroad, vehicles held, a vehicle bought, receptions. */
  abroad?: boolean;
  vehiclesHeld?: number;
  purchase?: boolean;
  reception?: boolean;
  /** Figures whose prior-year value equals this year's (a "持平" to state). */
  flat?: readonly ('abroad' | 'reception' | 'adminCost' | 'vehicleOperation' | 'threePublic')[];
  divisions: readonly string[];
  staff?: { authorised: number; active: number; retired: number; retiredCadre?: number };
}

export interface Unit {
  spec: UnitSpec;
  name: string;
  year: number;
  kind: UnitKind;
  items: Item[];
  /** The fund 项, when there is one (also in items, with fund > 0). */
  fundItem?: Item;
  // 表一 income side
  generalBudget: Fen;
  governmentFund: Fen;
  stateCapital: Fen;
  superiorSubsidy: Fen;
  businessIncome: Fen;
  operatingIncome: Fen;
  subsidiaryRemittance: Fen;
  otherIncome: Fen;
  incomeTotal: Fen;
  useOfNonFiscalBalance: Fen;
  openingCarryover: Fen;
  incomeGrandTotal: Fen;
  // 表一 expenditure side / 表三 total
  basic: Fen;
  project: Fen;
  remittance: Fen;
  operatingExp: Fen;
  subsidiaryGrant: Fen;
  expenditureTotal: Fen;
  surplusDistribution: Fen;
  closingCarryover: Fen;
  expenditureGrandTotal: Fen;
  // 表四
  fiscal: {
    gOpening: Fen;
    gClosing: Fen;
    fOpening: Fen;
    fClosing: Fen;
    incomeTotal: Fen;
    opening: Fen;
    grand: Fen;
    expenditureTotal: Fen;
    closing: Fen;
    /** 年初预算 of 财政拨款收支总计, and last year's. */
    budget: Fen;
    prior: Fen;
  };
  // 表五
  t5: { total: Fen; basic: Fen; project: Fen; budget: Fen; prior: Fen };
  // 表六
  personnel: [string, string, Fen][];
  publicItems: [string, string, Fen][];
  personnelTotal: Fen;
  publicTotal: Fen;
  priorBasic: { personnel: Fen; public: Fen };
  // 表七 and counts
  abroad: Pair;
  vehiclePurchase: Pair;
  vehicleOperation: Pair;
  reception: Pair;
  threePublic: Pair;
  vehicle: Pair;
  counts: {
    abroadGroups: number;
    abroadPeople: number;
    vehiclesPurchased: number;
    vehiclesHeld: number;
    receptionBatches: number;
    receptionPeople: number;
    priorVehiclesHeld: number;
  };
  /** 会议费 / 培训费 (Hunan, Shaanxi "一般性支出"). */
  meeting: Pair & { count: number; people: number };
  training: Pair & { count: number; people: number };
  adminCost: { amount: Fen; prior: Fen; budget: Fen };
  procurement: { goods: Fen; works: Fen; services: Fen; total: Fen; sme: Fen; smallMicro: Fen; prior: Fen };
  assets: {
    fixedAssetsOriginal: Fen;
    buildingArea: string;
    vehicles: number;
    vehicleValue: Fen;
    byCategory: { lawEnforcement: number; emergency: number; other: number; principal: number };
    equipmentOver1m: number;
  };
  performance: { projects: number; budget: Fen; executed: Fen };
  staff: { authorised: number; actual: number; active: number; retired: number; retiredCadre: number };
  divisions: readonly string[];
  prior: {
    incomeGrandTotal: Fen;
    incomeTotal: Fen;
    expenditureTotal: Fen;
    generalBudget: Fen;
    basic: Fen;
    project: Fen;
  };
  budget: { incomeTotal: Fen; expenditureTotal: Fen };
}

function catalogueNear(year: number): Catalogue {
  const years = builtinYears('function');
  const y = years.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  const c = builtinCatalogue('function', y);
  if (!c) throw new Error(`no function catalogue near ${year}`);
  return c;
}

function names(c: Catalogue, code: string): { lei: string; kuan: string; xiang: string } {
  const x = c.entries.get(code);
  const k = c.entries.get(code.slice(0, 5));
  const l = c.entries.get(code.slice(0, 3));
  if (!x || !k || !l) throw new Error(`code ${code} not in the catalogue`);
  return { lei: l.name, kuan: k.name, xiang: x.name };
}

/** 项 whose spending is 基本支出 (running costs, insurance, housing fund). */
const BASIC_ITEMS = /^(\d{5}(01|50)|2080505|2080506|2080501|2080502|21011\d\d|22102\d\d)$/;

export function makeUnit(spec: UnitSpec): Unit {
  const rnd = prng(spec.seed);
  const yuan = (lo: number, hi: number): Fen => {
    // lo/hi in 万元; result to the 元.
    const a = Math.round(lo * 10_000);
    const b = Math.round(hi * 10_000);
    return (a + Math.floor(rnd() * (b - a + 1))) * 100;
  };
  const around = (v: Fen, spread: number): Fen =>
    v === 0 ? 0 : Math.max(100, Math.round((v * (1 + (rnd() * 2 - 1) * spread)) / 100) * 100);
  const cat = catalogueNear(spec.year);
  const size = spec.size;
  const items: Item[] = spec.codes.map((code, i) => {
    const n = names(cat, code);
    const basicItem = BASIC_ITEMS.test(code);
    // Running costs carry most of the money; insurance and housing fund less; projects in between.
    const running = n.xiang === '行政运行' || n.xiang === '事业运行';
    const weight = running ? 0.45 : basicItem ? 0.06 : 0.25;
    const amount = yuan(size * weight * 0.5, size * weight * 1.2);
    const gBasic = basicItem ? amount : 0;
    const gProject = basicItem ? 0 : amount;
    const prior = i === spec.codes.length - 1 && spec.codes.length > 3 ? 0 : around(amount, 0.25);
    const budget = around(amount, 0.15);
    return { code, ...n, gBasic, gProject, fund: 0, nBasic: 0, nProject: 0, prior, budget };
  });
  let fundItem: Item | undefined;
  if (spec.fundCode) {
    const n = names(cat, spec.fundCode);
    fundItem = {
      code: spec.fundCode,
      ...n,
      gBasic: 0,
      gProject: 0,
      fund: yuan(size * 0.05, size * 0.2),
      nBasic: 0,
      nProject: 0,
      prior: 0,
      budget: 0,
    };
    items.push(fundItem);
  }
  const nonFiscalIncome = !!(spec.business || spec.superior || spec.other);
  if (nonFiscalIncome) {
    const first = items.find((x) => x.gBasic > 0) ?? items[0]!;
    first.nBasic = yuan(size * 0.02, size * 0.08);
    const proj = items.find((x) => x.gProject > 0);
    if (proj && spec.business) proj.nProject = yuan(size * 0.02, size * 0.1);
  }
  const sum = (f: (x: Item) => Fen, xs: readonly Item[] = items) => xs.reduce((s, x) => s + f(x), 0);
  const gExp = sum((x) => x.gBasic + x.gProject);
  const fExp = sum((x) => x.fund);
  const nExp = sum((x) => x.nBasic + x.nProject);
  const carry = spec.carry ?? false;
  const gOpening = carry ? yuan(size * 0.01, size * 0.06) : 0;
  const gClosing = carry ? yuan(size * 0.01, size * 0.05) : 0;
  const fOpening = fundItem && carry ? yuan(size * 0.01, size * 0.03) : 0;
  const fClosing = fundItem && carry ? yuan(size * 0.005, size * 0.02) : 0;
  const nOpening = carry && nonFiscalIncome ? yuan(size * 0.01, size * 0.04) : 0;
  const nClosing = carry && nonFiscalIncome ? yuan(size * 0.005, size * 0.03) : 0;
  const generalBudget = gExp + gClosing - gOpening;
  const governmentFund = fExp + fClosing - fOpening;
  const nIncome = nExp + nClosing - nOpening;
  let superiorSubsidy = 0;
  let businessIncome = 0;
  let otherIncome = 0;
  {
    const kinds = [spec.business, spec.superior, spec.other].filter(Boolean).length;
    let rest = nIncome;
    if (spec.business) {
      businessIncome = kinds === 1 ? rest : Math.round((rest * 0.6) / 100) * 100;
      rest -= businessIncome;
    }
    if (spec.superior) {
      superiorSubsidy = spec.other ? Math.round((rest * 0.5) / 100) * 100 : rest;
      rest -= superiorSubsidy;
    }
    if (spec.other) otherIncome = rest;
    else if (rest !== 0) businessIncome += rest;
  }
  const incomeTotal = generalBudget + governmentFund + superiorSubsidy + businessIncome + otherIncome;
  const openingCarryover = gOpening + fOpening + nOpening;
  const incomeGrandTotal = incomeTotal + openingCarryover;
  const basic = sum((x) => x.gBasic + x.nBasic);
  const project = sum((x) => x.gProject + x.nProject + x.fund);
  const expenditureTotal = basic + project;
  const closingCarryover = gClosing + fClosing + nClosing;
  if (incomeGrandTotal !== expenditureTotal + closingCarryover) throw new Error('unbalanced unit');

  // 表六: personnel 301/303 and public 302/310 of the general budget basic spending.
  const gBasic = sum((x) => x.gBasic);
  const publicTotal = Math.round((gBasic * (0.08 + rnd() * 0.1)) / 100) * 100;
  const personnelTotal = gBasic - publicTotal;
  const split = (total: Fen, parts: readonly [string, string][]): [string, string, Fen][] => {
    let rest = total;
    return parts.map(([c, n], i) => {
      const v = i === parts.length - 1 ? rest : Math.round((rest * (0.25 + rnd() * 0.3)) / 100) * 100;
      rest -= v;
      return [c, n, v];
    });
  };
  const personnel = split(personnelTotal, [
    ['30101', '基本工资'],
    ['30102', '津贴补贴'],
    ['30107', '绩效工资'],
    ['30108', '机关事业单位基本养老保险缴费'],
    ['30113', '住房公积金'],
    ['30302', '退休费'],
  ]);
  const vehiclesHeld = spec.vehiclesHeld ?? 0;
  const pub: [string, string][] = [
    ['30201', '办公费'],
    ['30211', '差旅费'],
    ['30228', '工会经费'],
  ];
  if (vehiclesHeld > 0) pub.push(['30231', '公务用车运行维护费']);
  pub.push(['30299', '其他商品和服务支出']);
  const publicItems = split(publicTotal, pub);

  // 表七.
  const flat = new Set(spec.flat ?? []);
  const pair = (final: Fen, over: number, priorSpread: number, isFlat: boolean): Pair => {
    const budget = final === 0 ? 0 : Math.round((final * (1 + over)) / 100) * 100;
    const prior = isFlat ? final : final === 0 ? 0 : around(final, priorSpread);
    return { budget, final, prior };
  };
  const abroad = spec.abroad
    ? pair(yuan(2, 12), 0.1, 0.4, flat.has('abroad'))
    : { budget: 0, final: 0, prior: 0 };
  const vehiclePurchase = spec.purchase
    ? { budget: yuan(18, 25), final: 0, prior: 0 }
    : { budget: 0, final: 0, prior: 0 };
  if (spec.purchase) vehiclePurchase.final = vehiclePurchase.budget - yuan(0, 0.8);
  const vehicleOperation =
    vehiclesHeld > 0
      ? pair(yuan(1.2 * vehiclesHeld, 2.5 * vehiclesHeld), 0.12, 0.2, flat.has('vehicleOperation'))
      : { budget: 0, final: 0, prior: 0 };
  const reception = spec.reception
    ? pair(yuan(0.3, size * 0.004 + 0.5), 0.2, 0.3, flat.has('reception'))
    : { budget: 0, final: 0, prior: 0 };
  const add = (...ps: Pair[]): Pair => ({
    budget: ps.reduce((s, p) => s + p.budget, 0),
    final: ps.reduce((s, p) => s + p.final, 0),
    prior: ps.reduce((s, p) => s + p.prior, 0),
  });
  const vehicle = add(vehiclePurchase, vehicleOperation);
  const threePublic = add(abroad, vehicle, reception);
  const counts = {
    abroadGroups: abroad.final > 0 ? 1 + Math.floor(rnd() * 2) : 0,
    abroadPeople: 0,
    vehiclesPurchased: vehiclePurchase.final > 0 ? 1 : 0,
    vehiclesHeld,
    receptionBatches: reception.final > 0 ? 5 + Math.floor(rnd() * 40) : 0,
    receptionPeople: 0,
    priorVehiclesHeld: vehiclesHeld + (rnd() < 0.3 ? 1 : 0),
  };
  counts.abroadPeople = counts.abroadGroups * (2 + Math.floor(rnd() * 3));
  counts.receptionPeople = counts.receptionBatches * (3 + Math.floor(rnd() * 6));

  const meetingFinal = yuan(0.5, 3);
  const trainingFinal = yuan(0.8, 5);
  const meeting = { ...pair(meetingFinal, 0.15, 0.3, false), count: 2 + Math.floor(rnd() * 6), people: 0 };
  meeting.people = meeting.count * (20 + Math.floor(rnd() * 40));
  const training = { ...pair(trainingFinal, 0.1, 0.3, false), count: 1 + Math.floor(rnd() * 4), people: 0 };
  training.people = training.count * (30 + Math.floor(rnd() * 50));

  const adminAmount = spec.kind === '事业' ? 0 : publicTotal;
  const adminCost = {
    amount: adminAmount,
    prior: flat.has('adminCost') ? adminAmount : around(adminAmount, 0.2),
    budget: around(adminAmount, 0.1),
  };
  const goods = yuan(size * 0.005, size * 0.03);
  const works = rnd() < 0.6 ? 0 : yuan(size * 0.01, size * 0.05);
  const services = yuan(size * 0.005, size * 0.04);
  const ptotal = goods + works + services;
  const sme = Math.round((ptotal * (0.7 + rnd() * 0.3)) / 100) * 100;
  const smallMicro = Math.round((sme * (0.5 + rnd() * 0.5)) / 100) * 100;
  const procurement = { goods, works, services, total: ptotal, sme, smallMicro, prior: around(ptotal, 0.3) };
  const lawEnforcement = Math.min(vehiclesHeld, Math.max(0, vehiclesHeld - 1));
  const emergency = vehiclesHeld - lawEnforcement;
  const assets = {
    fixedAssetsOriginal: yuan(size * 0.1, size * 0.6),
    buildingArea: String(300 + Math.floor(rnd() * 3000)),
    vehicles: vehiclesHeld + 1,
    vehicleValue: yuan(10 * (vehiclesHeld + 1), 22 * (vehiclesHeld + 1)),
    byCategory: { lawEnforcement, emergency, other: 1, principal: 0 },
    equipmentOver1m: 0,
  };
  const projectFiscal = sum((x) => x.gProject);
  const performance = {
    projects: Math.max(1, spec.codes.filter((c) => !BASIC_ITEMS.test(c)).length),
    budget: projectFiscal + yuan(0.5, size * 0.02),
    executed: projectFiscal,
  };
  const st = spec.staff ?? { authorised: 20, active: 18, retired: 5 };
  const staff = {
    authorised: st.authorised,
    active: st.active,
    retired: st.retired,
    retiredCadre: st.retiredCadre ?? 0,
    actual: st.active + st.retired + (st.retiredCadre ?? 0),
  };
  const fiscalGrand = generalBudget + governmentFund + gOpening + fOpening;
  const t5 = {
    total: gExp,
    basic: gBasic,
    project: projectFiscal,
    budget: sum((x) => x.budget),
    prior: sum((x) => x.prior),
  };
  const priorIncomeGrand = around(incomeGrandTotal, 0.2);
  return {
    spec,
    name: spec.name,
    year: spec.year,
    kind: spec.kind,
    items,
    ...(fundItem ? { fundItem } : {}),
    generalBudget,
    governmentFund,
    stateCapital: 0,
    superiorSubsidy,
    businessIncome,
    operatingIncome: 0,
    subsidiaryRemittance: 0,
    otherIncome,
    incomeTotal,
    useOfNonFiscalBalance: 0,
    openingCarryover,
    incomeGrandTotal,
    basic,
    project,
    remittance: 0,
    operatingExp: 0,
    subsidiaryGrant: 0,
    expenditureTotal,
    surplusDistribution: 0,
    closingCarryover,
    expenditureGrandTotal: expenditureTotal + closingCarryover,
    fiscal: {
      gOpening,
      gClosing,
      fOpening,
      fClosing,
      incomeTotal: generalBudget + governmentFund,
      opening: gOpening + fOpening,
      grand: fiscalGrand,
      expenditureTotal: gExp + fExp,
      closing: gClosing + fClosing,
      budget: around(fiscalGrand, 0.12),
      prior: around(fiscalGrand, 0.2),
    },
    t5,
    personnel,
    publicItems,
    personnelTotal,
    publicTotal,
    priorBasic: { personnel: around(personnelTotal, 0.15), public: around(publicTotal, 0.2) },
    abroad,
    vehiclePurchase,
    vehicleOperation,
    reception,
    threePublic,
    vehicle,
    counts,
    meeting,
    training,
    adminCost,
    procurement,
    assets,
    performance,
    staff,
    divisions: spec.divisions,
    prior: {
      incomeGrandTotal: priorIncomeGrand,
      incomeTotal: around(incomeTotal, 0.2),
      expenditureTotal: around(expenditureTotal, 0.2),
      generalBudget: around(generalBudget, 0.2),
      basic: around(basic, 0.15),
      project: around(project, 0.3),
    },
    budget: { incomeTotal: around(incomeTotal, 0.1), expenditureTotal: around(expenditureTotal, 0.1) },
  };
}

/** The 类 of the general budget items, in code order, with their totals. */
export function classesOf(
  u: Unit,
  which: 'general' | 'all' = 'general',
): { code: string; name: string; items: Item[]; total: Fen; prior: Fen; budget: Fen }[] {
  const out = new Map<
    string,
    { code: string; name: string; items: Item[]; total: Fen; prior: Fen; budget: Fen }
  >();
  for (const x of u.items) {
    const g = x.gBasic + x.gProject;
    if (which === 'general' && g === 0 && x.prior === 0) continue;
    const c = x.code.slice(0, 3);
    let e = out.get(c);
    if (!e) out.set(c, (e = { code: c, name: x.lei, items: [], total: 0, prior: 0, budget: 0 }));
    e.items.push(x);
    e.total += which === 'general' ? g : g + x.fund + x.nBasic + x.nProject;
    e.prior += x.prior;
    e.budget += x.budget;
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The general-budget 项 (those with this year's or last year's money). */
export function generalItems(u: Unit): Item[] {
  return u.items.filter((x) => x.gBasic + x.gProject > 0 || x.prior > 0);
}
