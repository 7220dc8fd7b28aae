/**
 * The data-entry workbook's layout, shared by the writer (template.ts) and the reader
 * (read-template.ts): sheet names, the fields of the fact sheets with their data-file paths and
 * kinds, the list sheets of the 绩效自评 tables, and the column keys of the table sheets. Each sheet
 * carries its keys in a hidden column (rows) or a hidden row (columns), so the reader never depends on
 * labels or positions a person may change.
 */
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';

/** Marker of the workbook (hidden sheet `_juesuan`, cell A1). */
export const TEMPLATE_FORMAT = 'juesuan-template/1';
export const MARKER_SHEET = '_juesuan';
export const CODES_SHEET = '科目表';
export const INSTRUCTIONS_SHEET = '填报说明';

export type FieldKind = 'text' | 'longText' | 'count' | 'amount' | 'decimal' | 'list' | 'year' | 'enum';

export interface FieldDef {
  /** Data-file path, e.g. `unit.staff.actual`. */
  path: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  note?: string;
  required?: boolean;
}

export interface FieldSheet {
  name: string;
  title: string;
  intro: string;
  fields: readonly FieldDef[];
  /** Fields whose value is a formula of others: path → the paths summed. */
  sums?: Readonly<Record<string, readonly string[]>>;
}

const count = (path: string, label: string, note?: string): FieldDef => ({
  path,
  label,
  kind: 'count',
  ...(note ? { note } : {}),
});
const amount = (path: string, label: string, note?: string): FieldDef => ({
  path,
  label,
  kind: 'amount',
  ...(note ? { note } : {}),
});
const text = (path: string, label: string, note?: string): FieldDef => ({
  path,
  label,
  kind: 'text',
  ...(note ? { note } : {}),
});
const long = (path: string, label: string, note?: string): FieldDef => ({
  path,
  label,
  kind: 'longText',
  ...(note ? { note } : {}),
});

export const FIELD_SHEETS: readonly FieldSheet[] = [
  {
    name: '单位概况',
    title: '单位概况',
    intro: '填写单位的基本情况。带 * 的为必填项；列表项（内设机构、纳入决算的单位）用顿号“、”分隔。',
    fields: [
      {
        path: 'year',
        label: '决算年度',
        kind: 'year',
        required: true,
        note: '模板按此年度的科目表生成，请勿修改',
      },
      {
        path: 'amountUnit',
        label: '金额单位',
        kind: 'enum',
        options: ['万元', '元'],
        required: true,
        note: '本工作簿各表金额的单位',
      },
      { path: 'decimals', label: '金额小数位数', kind: 'count', note: '一般为 2' },
      {
        path: 'profile',
        label: '公开格式（口径）',
        kind: 'enum',
        options: ['xinjiang-2022', 'central', 'shanghai-2024'],
        note: '生成公开文本时的地区格式',
      },
      { path: 'unit.name', label: '单位（部门）全称', kind: 'text', required: true },
      text('unit.code', '单位代码'),
      text('unit.region', '所在地区'),
      {
        path: 'unit.kind',
        label: '单位性质',
        kind: 'enum',
        options: ['行政', '参公', '事业'],
        required: true,
        note: '行政单位、参照公务员法管理事业单位、事业单位',
      },
      {
        path: 'unit.level',
        label: '决算级次',
        kind: 'enum',
        options: ['部门', '单位'],
        note: '部门决算（汇总所属单位）或单位决算',
      },
      text('unit.supervisor', '主管部门'),
      long('unit.functions', '主要职能'),
      long('unit.organisation', '机构设置情况'),
      { path: 'unit.internalDivisions', label: '内设机构', kind: 'list', note: '用顿号“、”分隔' },
      count('unit.staff.actual', '实有人数'),
      count('unit.staff.active', '其中：在职人员'),
      count('unit.staff.retiredCadre', '离休人员'),
      count('unit.staff.retired', '退休人员'),
      count('unit.staff.authorised', '编制数'),
      {
        path: 'unit.consolidatedUnits',
        label: '纳入部门决算编制范围的单位',
        kind: 'list',
        note: '用顿号“、”分隔',
      },
    ],
  },
  {
    name: '三公经费情况',
    title: '“三公”经费的数量与开支内容',
    intro: '金额见“表七”；这里填写团组、人次、车辆数和开支内容。',
    fields: [
      count('threePublic.abroadGroups', '因公出国（境）团组数'),
      count('threePublic.abroadPeople', '因公出国（境）人次'),
      long('threePublic.abroadContent', '因公出国（境）费开支内容'),
      count('threePublic.vehiclesPurchased', '公务用车购置数（辆）'),
      count('threePublic.vehiclesHeld', '公务用车保有量（辆）'),
      long('threePublic.vehicleOperationContent', '公务用车运行维护费开支内容'),
      count('threePublic.receptionBatches', '国内公务接待批次'),
      count('threePublic.receptionPeople', '国内公务接待人次'),
      count('threePublic.foreignReceptionBatches', '外事接待批次'),
      count('threePublic.foreignReceptionPeople', '外事接待人次'),
      long('threePublic.receptionContent', '公务接待费开支内容'),
      long('threePublic.emptyStatement', '无“三公”经费时的说明'),
    ],
  },
  {
    name: '机关运行经费',
    title: '机关运行经费',
    intro: '行政单位和参公单位的机关运行经费等于表六的公用经费；事业单位公开公用经费。',
    fields: [
      amount('adminCost.amount', '本年决算数'),
      amount('adminCost.prior', '上年决算数'),
      amount('adminCost.budget', '年初预算数'),
      long('adminCost.reasons.prior', '与上年相比变动的主要原因'),
      long('adminCost.reasons.budget', '与年初预算相比差异的主要原因'),
    ],
  },
  {
    name: '政府采购',
    title: '政府采购情况',
    intro: '政府采购支出总额 = 货物 + 工程 + 服务（公式自动计算）。',
    fields: [
      amount('procurement.total', '政府采购支出总额'),
      amount('procurement.goods', '其中：政府采购货物支出'),
      amount('procurement.works', '政府采购工程支出'),
      amount('procurement.services', '政府采购服务支出'),
      amount('procurement.sme', '授予中小企业合同金额'),
      amount('procurement.smallMicro', '其中：授予小微企业合同金额'),
      amount('procurement.smeReserved', '面向中小企业预留金额'),
      long('procurement.emptyStatement', '无政府采购时的说明'),
    ],
    sums: { 'procurement.total': ['procurement.goods', 'procurement.works', 'procurement.services'] },
  },
  {
    name: '国有资产',
    title: '国有资产占用情况',
    intro: '截至本年末的资产情况。车辆总数 = 各类车辆之和。',
    fields: [
      amount('assets.fixedAssetsOriginal', '固定资产原值'),
      { path: 'assets.buildingArea', label: '房屋面积（平方米）', kind: 'decimal' },
      amount('assets.buildingValue', '房屋价值'),
      count('assets.vehicles.total', '车辆总数（辆）'),
      amount('assets.vehicles.value', '车辆价值'),
      count('assets.vehicles.byCategory.ministerial', '其中：副部（省）级及以上领导用车'),
      count('assets.vehicles.byCategory.principal', '主要领导干部用车'),
      count('assets.vehicles.byCategory.confidential', '机要通信用车'),
      count('assets.vehicles.byCategory.emergency', '应急保障用车'),
      count('assets.vehicles.byCategory.lawEnforcement', '执法执勤用车'),
      count('assets.vehicles.byCategory.specialTechnical', '特种专业技术用车'),
      count('assets.vehicles.byCategory.retiredCadres', '离退休干部用车'),
      count('assets.vehicles.byCategory.other', '其他用车'),
      text('assets.vehicles.otherNote', '其他用车主要是'),
      count('assets.equipmentOver1m', '单价 100 万元（含）以上设备（不含车辆）台（套）'),
      count('assets.generalEquipmentOver500k', '单价 50 万元以上通用设备台（套）'),
      count('assets.specialEquipmentOver1m', '单价 100 万元以上专用设备台（套）'),
    ],
  },
  {
    name: '预算绩效',
    title: '预算绩效情况',
    intro: '开展绩效评价的项目个数和金额；各项目的自评表填在“绩效项目”“绩效目标”“绩效指标”三页。',
    fields: [
      count('performance.evaluatedProjects', '开展绩效评价的项目个数'),
      amount('performance.budgetTotal', '评价项目全年预算数'),
      amount('performance.executedTotal', '评价项目全年执行数'),
      long('performance.text', '预算绩效情况说明'),
    ],
  },
];

/** Columns of a list sheet: key (data path relative to the item), header, kind. */
export interface ListColumn {
  key: string;
  label: string;
  kind: FieldKind;
  group?: string;
}

export interface ListSheet {
  name: string;
  title: string;
  intro: string;
  columns: readonly ListColumn[];
}

const FUND_GROUPS: readonly [string, string][] = [
  ['total', '年度资金总额'],
  ['fiscal', '其中：当年财政拨款'],
  ['carryover', '上年结转资金'],
  ['other', '其他资金'],
];
const FUND_COLS: readonly [string, string][] = [
  ['initialBudget', '年初预算数'],
  ['annualBudget', '全年预算数'],
  ['executed', '全年执行数'],
];

export const PROJECTS_SHEET: ListSheet = {
  name: '绩效项目',
  title: '项目支出绩效自评表：项目与资金',
  intro:
    '每个项目一行；“项目序号”用来把“绩效目标”“绩效指标”两页的行归到项目。年度资金总额 = 各来源之和（公式）。',
  columns: [
    { key: 'no', label: '项目序号', kind: 'count' },
    { key: 'name', label: '项目名称', kind: 'text' },
    { key: 'department', label: '主管部门', kind: 'text' },
    { key: 'implementer', label: '实施单位', kind: 'text' },
    ...FUND_GROUPS.flatMap(([g, gl]) =>
      FUND_COLS.map(([c, cl]): ListColumn => ({
        key: `funds.${g}.${c}`,
        label: cl,
        kind: 'amount',
        group: gl,
      })),
    ),
    { key: 'executionWeight', label: '预算执行率分值', kind: 'decimal' },
    { key: 'executionScore', label: '预算执行率得分', kind: 'decimal' },
    { key: 'totalScore', label: '总分', kind: 'decimal' },
    { key: 'grade', label: '评价等级', kind: 'text' },
  ],
};

export const GOALS_SHEET: ListSheet = {
  name: '绩效目标',
  title: '项目支出绩效自评表：年度总体目标',
  intro: '每个目标一行，填写所属项目的序号。',
  columns: [
    { key: 'project', label: '项目序号', kind: 'count' },
    { key: 'expected', label: '预期目标', kind: 'longText' },
    { key: 'actual', label: '实际完成情况', kind: 'longText' },
  ],
};

export const INDICATORS_SHEET: ListSheet = {
  name: '绩效指标',
  title: '项目支出绩效自评表：绩效指标',
  intro: '每个三级指标一行。指标值按表中写法填写，如 “=58 个”“<=80 万元”“>=90%”“提高”。',
  columns: [
    { key: 'project', label: '项目序号', kind: 'count' },
    { key: 'level1', label: '一级指标', kind: 'text' },
    { key: 'level2', label: '二级指标', kind: 'text' },
    { key: 'name', label: '三级指标', kind: 'text' },
    { key: 'target', label: '年度指标值', kind: 'decimal' },
    { key: 'actual', label: '实际完成值', kind: 'decimal' },
    { key: 'weight', label: '分值', kind: 'decimal' },
    { key: 'score', label: '得分', kind: 'decimal' },
    { key: 'deviationReason', label: '偏差原因分析及改进措施', kind: 'longText' },
  ],
};

export const NOTES_SHEET: ListSheet = {
  name: '说明文字',
  title: '其他说明文字',
  intro: '需要加在公开说明某一部分的文字：第一列写部分的键（如 other、fund），第二列写内容。',
  columns: [
    { key: 'key', label: '部分', kind: 'text' },
    { key: 'text', label: '内容', kind: 'longText' },
  ],
};

export const LIST_SHEETS: readonly ListSheet[] = [PROJECTS_SHEET, GOALS_SHEET, INDICATORS_SHEET, NOTES_SHEET];

/** Sheet name of a table: "表一 收入支出决算总表" (within Excel's 31 characters). */
export function tableSheetName(id: TableId): string {
  const spec = TABLE_SPECS[id];
  return `${spec.number} ${spec.name}`.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
}

export const TABLE_SHEETS: readonly { id: TableId; name: string }[] = TABLE_IDS.map((id) => ({
  id,
  name: tableSheetName(id),
}));

/** Rows of a table sheet. */
export const TABLE_LAYOUT = {
  titleRow: 1,
  unitRow: 2,
  keyRow: 3,
  groupRow: 4,
  leafRow: 5,
  firstBodyRow: 6,
} as const;

/** Key in column A of the table sheets' last row: the 空表说明. */
export const EMPTY_STATEMENT_KEY = 'emptyStatement';
/** Key in column A of the key row. */
export const KEY_ROW_MARK = '#keys';

/** Column keys of a table sheet, left to right (column A holds row keys). */
export function tableColumnKeys(id: TableId): string[] {
  const spec = TABLE_SPECS[id];
  const cols = spec.columns.map((c) => c.id);
  return [
    'key',
    ...(spec.codes ? ['code'] : []),
    'name',
    ...cols.map((c) => `v:${c}`),
    ...cols.map((c) => `p:${c}`),
    ...cols.map((c) => `b:${c}`),
    'r:prior',
    'r:budget',
  ];
}

/** Rows of a classified table where the form places the code rows (before this fixed row, or after 合计). */
export const CODE_ROWS_BEFORE: Partial<Record<TableId, string>> = {
  t1: 'expenditureTotal',
  t4: 'expenditureTotal',
  t6: 'personnelTotal',
};
