/**
 * The glossary: every domain term of a 部门决算公开 once — its identifier, its official name, the name a
 * narrative states it by, and the labels real publications print for it (regional and yearly variants).
 * The schema's descriptions, the tables' labels, the narrative builder and the document readers all take
 * their words from here, so that a variant learnt from one publication is known everywhere.
 *
 * Official names follow the MoF 部门决算 forms (财预〔2016〕143号 templates) and the public tables of
 * DOMAIN.md §4; variants are those seen in the corpus (central, Xinjiang 2022, Shanghai 2024 and the
 * real publications under shared/fixtures). Labels are written as printed (full-width brackets, quotes);
 * readers fold them the same way they fold document text.
 */

export interface Term {
  /** Official name, as the MoF forms print it. */
  readonly name: string;
  /** The name a narrative sentence uses, where it differs from the printed form (人员经费 for 人员经费合计). */
  readonly spoken?: string;
  /** The shortest form running text uses (公务用车运行费). */
  readonly short?: string;
  /** Other labels printed for the same figure in real publications. */
  readonly variants?: readonly string[];
}

/** Terms of the tables, the narrative and the other matters, by identifier. */
export const GLOSSARY = {
  // ---- Generic column and row words (their meaning depends on the table they are printed in).
  total: { name: '合计' },
  grandTotal: { name: '总计' },
  subtotal: { name: '小计' },
  finalAmount: { name: '决算数', variants: ['决算金额', '本年决算数', '决算数合计'] },
  budgetAmount: { name: '预算数' },
  initialBudget: { name: '年初预算数', variants: ['年初预算'] },
  annualBudget: { name: '全年预算数', variants: ['全年预算'] },
  executed: { name: '全年执行数' },
  priorFinal: { name: '上年决算数', variants: ['上年决算'] },
  item: { name: '项目' },
  subjectName: { name: '科目名称' },
  functionCode: { name: '功能分类科目编码' },
  economicCode: { name: '经济分类科目编码' },
  income: { name: '收入' },
  expenditure: { name: '支出' },

  // ---- Income (表一、表二).
  generalBudgetIncome: {
    name: '一般公共预算财政拨款收入',
    variants: ['一般公共预算财政拨款', '一般公共预算拨款收入', '财政拨款收入（一般公共预算）'],
  },
  governmentFundIncome: {
    name: '政府性基金预算财政拨款收入',
    variants: ['政府性基金预算财政拨款', '政府性基金预算拨款收入', '财政拨款收入（政府性基金预算）'],
  },
  stateCapitalIncome: {
    name: '国有资本经营预算财政拨款收入',
    variants: ['国有资本经营预算财政拨款', '国有资本经营预算拨款收入', '财政拨款收入（国有资本经营预算）'],
  },
  fiscalIncome: { name: '财政拨款收入', variants: ['财政拨款'] },
  superiorSubsidy: { name: '上级补助收入' },
  businessIncome: { name: '事业收入' },
  operatingIncome: { name: '经营收入' },
  subsidiaryRemittance: { name: '附属单位上缴收入', variants: ['附属单位缴款收入'] },
  otherIncome: { name: '其他收入' },
  incomeTotal: { name: '本年收入合计', spoken: '本年收入', variants: ['收入合计'] },
  useOfNonFiscalBalance: { name: '使用非财政拨款结余', variants: ['使用非财政拨款结余（含专用结余）'] },
  openingCarryover: { name: '年初结转和结余', variants: ['年初结转结余'] },
  incomeGrandTotal: { name: '收入总计' },
  /** Some regions state the two equal grand totals as one figure. */
  incomeExpenditureGrandTotal: { name: '收入支出总计' },

  // ---- Expenditure (表一、表三).
  expenditureTotal: { name: '本年支出合计', spoken: '本年支出', variants: ['支出合计'] },
  surplusDistribution: { name: '结余分配' },
  closingCarryover: { name: '年末结转和结余', variants: ['年末结转结余'] },
  expenditureGrandTotal: { name: '支出总计' },
  basicExpenditure: { name: '基本支出' },
  projectExpenditure: { name: '项目支出' },
  remittanceToSuperior: { name: '上缴上级支出' },
  operatingExpenditure: { name: '经营支出' },
  subsidiaryGrant: { name: '对附属单位补助支出', variants: ['对附属单位补助'] },

  // ---- 财政拨款 (表四、表五、表六).
  generalBudgetFunds: { name: '一般公共预算财政拨款', short: '一般公共预算' },
  governmentFundFunds: { name: '政府性基金预算财政拨款', short: '政府性基金' },
  stateCapitalFunds: { name: '国有资本经营预算财政拨款', short: '国有资本经营' },
  fiscalOpeningCarryover: { name: '年初财政拨款结转和结余', variants: ['年初财政拨款结转结余'] },
  fiscalClosingCarryover: { name: '年末财政拨款结转和结余', variants: ['年末财政拨款结转结余'] },
  fiscalIncomeGrandTotal: { name: '财政拨款收入总计' },
  fiscalIncomeExpenditureGrandTotal: { name: '财政拨款收入支出总计' },
  fiscalIncomeTotal: { name: '财政拨款本年收入', variants: ['财政拨款本年收入合计'] },
  fiscalExpenditureGrandTotal: { name: '财政拨款支出总计' },
  fiscalExpenditureTotal: { name: '财政拨款本年支出', variants: ['财政拨款本年支出合计'] },
  generalBudgetExpenditure: { name: '一般公共预算财政拨款支出' },
  generalBudgetBasicExpenditure: { name: '一般公共预算财政拨款基本支出' },
  personnelTotal: { name: '人员经费合计', spoken: '人员经费' },
  publicTotal: { name: '公用经费合计', spoken: '公用经费', variants: ['日常公用经费', '日常公用经费合计'] },

  // ---- "三公" (表七).
  threePublicTotal: { name: '“三公”经费' },
  abroad: { name: '因公出国（境）费', variants: ['因公出国（境）费用'] },
  vehicle: {
    name: '公务用车购置及运行（维护）费',
    spoken: '公务用车购置及运行维护费',
    short: '公务用车购置及运行费',
  },
  vehiclePurchase: { name: '公务用车购置费' },
  vehicleOperation: {
    name: '公务用车运行（维护）费',
    spoken: '公务用车运行维护费',
    short: '公务用车运行费',
  },
  reception: { name: '公务接待费' },
  abroadGroups: { name: '因公出国（境）团组数' },
  abroadPeople: { name: '因公出国（境）人次' },
  vehiclesPurchased: { name: '公务用车购置数' },
  vehiclesHeld: { name: '公务用车保有量' },
  receptionBatches: { name: '国内公务接待批次' },
  receptionPeople: { name: '国内公务接待人次' },

  // ---- 其他重要事项.
  adminCost: { name: '机关运行经费' },
  procurementTotal: { name: '政府采购支出总额', variants: ['政府采购金额', '政府采购总额'] },
  procurementGoods: { name: '政府采购货物支出', variants: ['货物采购金额'] },
  procurementWorks: { name: '政府采购工程支出', variants: ['工程采购金额'] },
  procurementServices: { name: '政府采购服务支出', variants: ['服务采购金额'] },
  procurementSme: { name: '授予中小企业合同金额' },
  procurementSmallMicro: { name: '授予小微企业合同金额' },
  procurementSmeReserved: { name: '面向中小企业预留政府采购项目预算金额', short: '面向中小企业预留金额' },
  procurementSmallMicroReserved: { name: '面向小微企业预留政府采购项目预算金额' },
  /** Shanghai 2024: what of the reserved share small and medium firms won. */
  procurementSmeReservedAwarded: { name: '面向中小企业预留项目中由中小企业中标或成交的采购金额' },
  procurementSmallMicroReservedAwarded: { name: '面向小微企业预留项目中由小微企业中标或成交的采购金额' },
  procurementSmeOtherAwarded: { name: '其他政府采购项目中由中小企业中标或成交的采购金额' },
  fixedAssetsOriginal: { name: '固定资产原值' },
  buildingArea: { name: '房屋面积' },
  buildingValue: { name: '房屋价值' },
  vehiclesTotal: { name: '车辆总数', spoken: '车辆' },
  vehicleValue: { name: '车辆价值' },
  equipmentOver1m: { name: '单价100万元（含）以上设备（不含车辆）', spoken: '单价100万元（含）以上设备' },
  'vehicles.ministerial': {
    name: '副部（省）级及以上领导用车',
    variants: ['部级领导干部用车', '部级以上领导用车'],
  },
  'vehicles.principal': { name: '主要领导干部用车' },
  'vehicles.confidential': { name: '机要通信用车' },
  'vehicles.emergency': { name: '应急保障用车' },
  'vehicles.lawEnforcement': { name: '执法执勤用车' },
  'vehicles.specialTechnical': { name: '特种专业技术用车' },
  'vehicles.retiredCadres': { name: '离退休干部用车', variants: ['离退休干部服务用车'] },
  'vehicles.other': { name: '其他用车' },

  // ---- 单位概况.
  staffActual: { name: '实有人数' },
  staffActive: { name: '在职人员' },
  staffRetiredCadre: { name: '离休人员' },
  staffRetired: { name: '退休人员' },
  staffAuthorised: { name: '编制数', variants: ['编制'] },

  // ---- 预算绩效.
  evaluatedProjects: { name: '开展绩效评价（自评）项目数' },
  performanceTargetProjects: { name: '编报绩效目标项目数' },
  performanceTargetBudget: { name: '编报绩效目标项目涉及预算金额' },
  performanceTrackedProjects: { name: '绩效跟踪评价项目数' },
  performanceTrackedBudget: { name: '绩效跟踪评价项目涉及预算金额' },
  divisionCount: { name: '内设处室数' },

  // ---- 项目支出绩效自评表 (DOMAIN.md §7).
  projectName: { name: '项目名称' },
  projectDepartment: { name: '主管部门' },
  projectImplementer: { name: '实施单位' },
  projectFunds: { name: '项目资金（万元）', variants: ['项目资金'] },
  'funds.total': { name: '年度资金总额' },
  'funds.fiscal': { name: '其中：当年财政拨款', spoken: '当年财政拨款' },
  'funds.carryover': { name: '上年结转资金' },
  'funds.other': { name: '其他资金' },
  weight: { name: '分值' },
  executionRate: { name: '执行率', variants: ['预算执行率'] },
  score: { name: '得分' },
  goals: { name: '年度总体目标' },
  goalExpected: { name: '预期目标' },
  goalActual: { name: '实际完成情况' },
  indicators: { name: '年度绩效指标完成情况' },
  indicatorLevel1: { name: '一级指标' },
  indicatorLevel2: { name: '二级指标' },
  indicatorLevel3: { name: '三级指标' },
  indicatorTarget: { name: '年度指标值' },
  indicatorActual: { name: '实际完成值' },
  deviationReason: { name: '偏差原因分析及改进措施' },
  totalScore: { name: '总分' },

  // ---- The nine tables (DOMAIN.md §4): the MoF name, then the names other regions and years print.
  't1.name': { name: '收入支出决算总表', variants: ['部门收支决算总表', '收支决算总表'] },
  't2.name': { name: '收入决算表', variants: ['部门收入决算表'] },
  't3.name': { name: '支出决算表', variants: ['部门支出决算表'] },
  't4.name': { name: '财政拨款收入支出决算总表', variants: ['财政拨款收支决算总表'] },
  't5.name': { name: '一般公共预算财政拨款支出决算表', variants: ['一般公共预算财政拨款支出决算明细表'] },
  't6.name': {
    name: '一般公共预算财政拨款基本支出决算表',
    variants: ['一般公共预算财政拨款基本支出决算明细表', '一般公共预算基本支出决算表'],
  },
  't7.name': {
    name: '财政拨款“三公”经费支出决算表',
    variants: ['一般公共预算财政拨款“三公”经费支出决算表', '财政拨款“三公”经费支出决算情况表'],
  },
  't8.name': {
    name: '政府性基金预算财政拨款收入支出决算表',
    variants: ['政府性基金预算财政拨款支出决算表'],
  },
  't9.name': {
    name: '国有资本经营预算财政拨款收入支出决算表',
    variants: ['国有资本经营预算财政拨款支出决算表'],
  },

  // ---- Parts and sections of a publication (DOMAIN.md §1, §6).
  'part.profile': { name: '单位概况' },
  'part.tables': { name: '部门决算报表' },
  'part.narrative': { name: '部门决算情况说明' },
  'part.glossary': { name: '名词解释' },
  'part.performanceTable': { name: '项目支出绩效自评表' },
  'section.overview': { name: '收入支出决算总体情况说明' },
  'section.income': { name: '收入决算情况说明' },
  'section.expenditure': { name: '支出决算情况说明' },
  'section.fiscal': { name: '财政拨款收入支出决算总体情况说明' },
  'section.general': { name: '一般公共预算财政拨款支出决算情况说明' },
  'section.basic': { name: '一般公共预算财政拨款基本支出决算情况说明' },
  'section.threePublic': { name: '财政拨款“三公”经费支出决算情况说明' },
  'section.fund': { name: '政府性基金预算财政拨款收入支出决算情况说明' },
  'section.capital': { name: '国有资本经营预算财政拨款收入支出决算情况说明' },
  'section.other': { name: '其他重要事项的情况说明' },
  'section.performance': { name: '预算绩效情况说明' },
  'subsection.general.total': { name: '一般公共预算财政拨款支出决算总体情况' },
  'subsection.general.structure': { name: '一般公共预算财政拨款支出决算结构情况' },
  'subsection.general.items': { name: '一般公共预算财政拨款支出决算具体情况' },
  'subsection.adminCost': { name: '机关运行经费支出情况' },
  'subsection.procurement': { name: '政府采购情况' },
  'subsection.assets': { name: '国有资产占用情况' },
} as const satisfies Readonly<Record<string, Term>>;

export type TermId = keyof typeof GLOSSARY;

const TERMS: Readonly<Record<TermId, Term>> = GLOSSARY;

/** The term of an identifier. */
export function glossaryTerm(id: TermId): Term {
  return TERMS[id];
}

/** Official name of a term. */
export function glossaryName(id: TermId): string {
  return TERMS[id].name;
}

/** The name a narrative states the term by (the official name unless the term says otherwise). */
export function spokenName(id: TermId): string {
  const t = TERMS[id];
  return t.spoken ?? t.name;
}

/** The shortest form of the term in running text. */
export function shortName(id: TermId): string {
  const t = TERMS[id];
  return t.short ?? t.spoken ?? t.name;
}

/** Every label of a term: official name, spoken and short forms, variants; each once, in that order. */
export function glossaryLabels(id: TermId): readonly string[] {
  const t = TERMS[id];
  const out: string[] = [t.name];
  for (const l of [t.spoken, t.short, ...(t.variants ?? [])])
    if (l !== undefined && !out.includes(l)) out.push(l);
  return out;
}

/** Labels of several terms, each once, folded with the reader's folding (`fold`). */
export function foldedLabels(fold: (s: string) => string, ...ids: readonly TermId[]): string[] {
  const out: string[] = [];
  for (const id of ids)
    for (const l of glossaryLabels(id)) {
      const f = fold(l);
      if (!out.includes(f)) out.push(f);
    }
  return out;
}

/** Escapes a label for use inside a regular expression. */
export function escapeLabel(label: string): string {
  return label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every term's identifier and entry, for documentation and tests. */
export function glossaryEntries(): [TermId, Term][] {
  return Object.entries(TERMS) as [TermId, Term][];
}
