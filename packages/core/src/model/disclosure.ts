/**
 * The in-memory disclosure model: everything a publication states, with amounts as integer 分.
 * An amount that is `undefined` is unknown, which is distinct from 0. Built from the data file by
 * `loadDisclosure` (load.ts); rules, builders and the auditor all work on this model.
 */
import type { Fen, MoneyUnit } from '../money/amount.ts';
import type { TableId } from './tables.ts';

/** Where a value came from in the data file (or a read publication). */
export interface SourceRef {
  /** Field path, e.g. `tables.t5.rows[2].total`. */
  path: string;
  line?: number;
}

export const ClassLevel = { Total: 'total', Class: '类', Section: '款', Item: '项' } as const;
export type ClassLevel = (typeof ClassLevel)[keyof typeof ClassLevel];

/** Per compared item: the main reasons (主要原因) for a change against last year and against the budget. */
export interface Reasons {
  /** 与上年相比 */
  prior?: string;
  /** 与年初预算相比 */
  budget?: string;
}

export interface Row {
  /** Fixed row id ('total', 'incomeTotal' …) or the classification code. */
  key: string;
  /** Classification code, for code rows. */
  code?: string;
  /** Label as printed (the catalogue name for code rows). */
  name: string;
  level: ClassLevel | 'fixed';
  /** Current-year amounts by column id. Missing key = unknown. */
  values: Record<string, Fen | undefined>;
  /** 上年决算数 by column id, where the publication compares with last year. */
  prior?: Record<string, Fen | undefined>;
  /** 年初预算数 by column id, where the publication compares with the budget. */
  budget?: Record<string, Fen | undefined>;
  reasons?: Reasons;
  source?: SourceRef;
  /** Source of each value, by column id (values), `prior.<col>` and `budget.<col>`. */
  cellSources?: Record<string, SourceRef>;
}

export interface Table {
  id: TableId;
  rows: Row[];
  byKey: Map<string, Row>;
  /** The statement printed when the table is empty ("本表为空表" …), if the data gives it. */
  emptyStatement?: string;
  source?: SourceRef;
  /** 类/款/项 structure, built once when the table is read (see table-index.ts). */
  index?: TableIndex;
}

export interface TableIndex {
  /** Code rows whose parent rows are not listed: what the 合计 row adds up. */
  tops: Row[];
  /** Listed child rows by parent code. */
  children: Map<string, Row[]>;
}

export const UnitKind = { Administrative: '行政', CivilServiceManaged: '参公', Institution: '事业' } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export interface StaffCounts {
  /** 实有人数 */
  actual?: number;
  /** 在职人员 */
  active?: number;
  /** 离休人员 */
  retiredCadre?: number;
  /** 退休人员 */
  retired?: number;
  /** 编制数 */
  authorised?: number;
}

export interface UnitProfile {
  name: string;
  /** 统一社会信用代码 or the finance system's unit code. */
  code?: string;
  region?: string;
  kind: UnitKind;
  /** 部门 (consolidates units) or 单位. */
  level?: '部门' | '单位';
  supervisor?: string;
  functions?: string;
  organisation?: string;
  internalDivisions?: string[];
  staff?: StaffCounts;
  consolidatedUnits?: string[];
}

export interface CompareAmount {
  amount?: Fen;
  prior?: Fen;
  budget?: Fen;
  reasons?: Reasons;
  source?: SourceRef;
}

/** "三公" counts and descriptions (T7 gives the amounts). */
export interface ThreePublicDetails {
  /** 因公出国（境）团组数 */
  abroadGroups?: number;
  /** 因公出国（境）人次 */
  abroadPeople?: number;
  abroadContent?: string;
  /** 公务用车购置数 */
  vehiclesPurchased?: number;
  /** 公务用车保有量 */
  vehiclesHeld?: number;
  vehicleOperationContent?: string;
  /** 国内公务接待批次 */
  receptionBatches?: number;
  /** 国内公务接待人次 */
  receptionPeople?: number;
  /** 外事接待批次/人次 (some regions list them separately) */
  foreignReceptionBatches?: number;
  foreignReceptionPeople?: number;
  receptionContent?: string;
  /** Statement when the unit has no "三公" expenditure at all. */
  emptyStatement?: string;
}

export interface Procurement {
  total?: Fen;
  goods?: Fen;
  works?: Fen;
  services?: Fen;
  /** 授予中小企业合同金额 */
  sme?: Fen;
  /** 授予小微企业合同金额 */
  smallMicro?: Fen;
  /** 面向中小企业预留 (some regions) */
  smeReserved?: Fen;
  emptyStatement?: string;
  source?: SourceRef;
}

export const VEHICLE_CATEGORIES = [
  'ministerial',
  'principal',
  'confidential',
  'emergency',
  'lawEnforcement',
  'specialTechnical',
  'retiredCadres',
  'other',
] as const;
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];

export interface Assets {
  /** 截止年末固定资产原值 */
  fixedAssetsOriginal?: Fen;
  /** 房屋面积（平方米）, as a decimal string (it is not money). */
  buildingArea?: string;
  buildingValue?: Fen;
  vehicles?: {
    total?: number;
    value?: Fen;
    byCategory?: Partial<Record<VehicleCategory, number>>;
    otherNote?: string;
  };
  /** 单价 100 万元（含）以上设备（不含车辆）台（套） */
  equipmentOver1m?: number;
  /** 单价 50 万元以上通用设备 / 100 万元以上专用设备 (central form) */
  generalEquipmentOver500k?: number;
  specialEquipmentOver1m?: number;
  source?: SourceRef;
}

export const IndicatorOperator = {
  Ge: '>=',
  Le: '<=',
  Eq: '=',
  Gt: '>',
  Lt: '<',
  Qualitative: 'qualitative',
} as const;
export type IndicatorOperator = (typeof IndicatorOperator)[keyof typeof IndicatorOperator];

export interface Indicator {
  /** 一级指标: 产出指标 / 效益指标 / 满意度指标 / 成本指标 (2022+ forms put 成本 under 产出). */
  level1: string;
  level2: string;
  name: string;
  /** Target as printed, e.g. "=58 个", "<=80 万元", ">=90%". */
  target: string;
  operator: IndicatorOperator;
  /** Target number as a decimal string, for quantitative indicators. */
  targetValue?: string;
  actual: string;
  actualValue?: string;
  unit?: string;
  weight: string;
  score?: string;
  deviationReason?: string;
  source?: SourceRef;
}

export interface FundLine {
  initialBudget?: Fen;
  annualBudget?: Fen;
  executed?: Fen;
}

export interface ProjectEvaluation {
  name: string;
  department?: string;
  implementer?: string;
  funds: {
    total: FundLine;
    fiscal?: FundLine;
    carryover?: FundLine;
    other?: FundLine;
  };
  /** 预算执行率 weight (default 10). Decimal string. */
  executionWeight: string;
  /** 预算执行率得分 as stated. Decimal string. */
  executionScore?: string;
  goals?: { expected: string; actual: string }[];
  indicators: Indicator[];
  /** 总分 as stated. Decimal string. */
  totalScore?: string;
  /** 评价等级 as stated (优/良/中/差 or 优/良/合格/不合格). */
  grade?: string;
  source?: SourceRef;
}

export interface PerformanceSummary {
  /** 开展预算绩效评价项目个数 */
  evaluatedProjects?: number;
  budgetTotal?: Fen;
  executedTotal?: Fen;
  text?: string;
  projects: ProjectEvaluation[];
}

export interface Disclosure {
  format: string;
  year: number;
  /** Unit the amounts are written in and the decimals they carry in the data file. */
  amountUnit: MoneyUnit;
  decimals: number;
  /** Half the step of the last written digit, in 分: the rounding tolerance of one figure (DOMAIN.md §2). */
  halfStepFen: number;
  /** Region/year profile name for wording and required reasons. */
  profile?: string;
  unit: UnitProfile;
  tables: Record<TableId, Table>;
  threePublic: ThreePublicDetails;
  /** 机关运行经费 */
  adminCost?: CompareAmount;
  procurement?: Procurement;
  assets?: Assets;
  performance?: PerformanceSummary;
  /** Free narrative additions by section key. */
  notes?: Record<string, string>;
  /** File name the model was read from, for messages. */
  file?: string;
}
