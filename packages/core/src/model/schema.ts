/**
 * The disclosure data format (YAML or JSON, one schema): what a person writes. `docs/disclosure.schema.json`
 * is generated from this file. Amounts are written as numbers or strings in the file's `amountUnit`
 * (default 万元) — "360.44", 360.44, "360.44万元", "2,940.05" — and become integer 分 in the model.
 * `null` or a missing field means unknown, which is not the same as 0.
 */
import { z } from 'zod';
import { TABLE_IDS, TABLE_SPECS, type TableId, type TableSpec } from './tables.ts';

export const FORMAT_ID = 'juesuan-disclosure/1';

/** An amount as written: a number, a decimal string (YAML floats are kept as text), or null = unknown. */
export const amountSchema = z
  .union([z.number(), z.string(), z.null()])
  .describe('金额：数字或字符串，单位见 amountUnit（默认万元）；null 表示未知（不等于 0）');

const text = z.string();
const count = z.number().int().nonnegative().describe('数量（非负整数）');
const decimalText = z.union([z.string(), z.number()]).describe('数值（如 58、89.77、100%）');

const reasonsSchema = z
  .strictObject({
    prior: text.optional().describe('与上年相比变动的主要原因'),
    budget: text.optional().describe('与年初预算相比差异的主要原因'),
  })
  .describe('主要原因');

function columnsShape(spec: TableSpec): Record<string, z.ZodOptional<typeof amountSchema>> {
  const shape: Record<string, z.ZodOptional<typeof amountSchema>> = {};
  for (const c of spec.columns) shape[c.id] = amountSchema.optional().describe(c.label);
  return shape;
}

function rowSchema(spec: TableSpec) {
  const cols = columnsShape(spec);
  const fixedIds = spec.fixedRows.map((r) => r.id) as [string, ...string[]];
  return z
    .strictObject({
      row: z
        .enum(fixedIds)
        .optional()
        .describe(`固定行：${spec.fixedRows.map((r) => `${r.id}=${r.label}`).join('，')}`),
      code: z
        .string()
        .regex(/^\d{3}(\d{2}){0,2}$/, '科目编码应为 3、5 或 7 位数字（类/款/项），写成字符串，如 "2010450"')
        .optional()
        .describe(
          spec.codes === 'economic'
            ? '部门预算支出经济分类编码（类 3 位 / 款 5 位）'
            : '支出功能分类编码（类 3 位 / 款 5 位 / 项 7 位）',
        ),
      name: text.optional().describe('名称（科目名称或行名称，按公开文本）'),
      ...cols,
      prior: z.strictObject(cols).optional().describe('上年决算数（按列）'),
      initialBudget: z.strictObject(cols).optional().describe('年初预算数（按列）'),
      reasons: reasonsSchema.optional(),
    })
    .describe(`${spec.number} ${spec.name} 的一行：用 row 指明固定行，或用 code 指明科目行`);
}

function tableSchema(spec: TableSpec) {
  return z
    .strictObject({
      emptyStatement: text.optional().describe('空表说明，如“本单位无…，故本表为空表”'),
      rows: z.array(rowSchema(spec)).describe('表中各行；未列出的行视为未知'),
    })
    .describe(`${spec.number}《${spec.name}》`);
}

const tablesShape = Object.fromEntries(
  TABLE_IDS.map((id) => [id, tableSchema(TABLE_SPECS[id]).optional()]),
) as Record<TableId, z.ZodOptional<ReturnType<typeof tableSchema>>>;

const compareAmountSchema = z.strictObject({
  amount: amountSchema.optional().describe('本年决算数'),
  prior: amountSchema.optional().describe('上年决算数'),
  budget: amountSchema.optional().describe('年初预算数'),
  reasons: reasonsSchema.optional(),
});

const fundLineSchema = z.strictObject({
  initialBudget: amountSchema.optional().describe('年初预算数'),
  annualBudget: amountSchema.optional().describe('全年预算数'),
  executed: amountSchema.optional().describe('全年执行数'),
});

const indicatorSchema = z.strictObject({
  level1: text.describe('一级指标：产出指标、效益指标、满意度指标（部分地区单列成本指标）'),
  level2: text.describe('二级指标：数量指标、质量指标、时效指标、成本指标、社会效益指标…'),
  name: text.describe('三级指标'),
  target: decimalText.describe('年度指标值，按公开文本，如 "=58 个"、"<=80 万元"、">=90%"、"提高"'),
  actual: decimalText.describe('实际完成值，如 "58 个"、"71.77 万元"、"100%"、"提高"'),
  weight: decimalText.describe('分值'),
  score: decimalText.optional().describe('得分'),
  deviationReason: text.optional().describe('偏差原因分析及改进措施'),
});

const projectSchema = z.strictObject({
  name: text.describe('项目名称'),
  department: text.optional().describe('主管部门'),
  implementer: text.optional().describe('实施单位'),
  funds: z.strictObject({
    total: fundLineSchema.describe('年度资金总额'),
    fiscal: fundLineSchema.optional().describe('其中：当年财政拨款'),
    carryover: fundLineSchema.optional().describe('上年结转资金'),
    other: fundLineSchema.optional().describe('其他资金'),
  }),
  executionWeight: decimalText.optional().describe('预算执行率分值（默认 10）'),
  executionScore: decimalText.optional().describe('预算执行率得分'),
  goals: z
    .array(z.strictObject({ expected: text, actual: text }))
    .optional()
    .describe('年度总体目标：预期目标与实际完成情况'),
  indicators: z.array(indicatorSchema).describe('绩效指标'),
  totalScore: decimalText.optional().describe('总分'),
  grade: text.optional().describe('评价等级：优、良、中、差（上海：优、良、合格、不合格）'),
});

export const disclosureFileSchema = z
  .strictObject({
    format: z.literal(FORMAT_ID).describe(`格式标识，固定为 ${FORMAT_ID}`),
    year: z.number().int().min(2000).max(2100).describe('决算年度'),
    amountUnit: z.enum(['元', '万元', '亿元']).optional().describe('金额单位（默认 万元）'),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe('金额保留的小数位数（默认 2），用于四舍五入容差'),
    profile: text.optional().describe('地区口径，如 xinjiang-2022、central、shanghai-2024'),
    unit: z.strictObject({
      name: text.min(1).describe('单位（部门）全称'),
      code: text.optional().describe('单位代码'),
      region: text.optional().describe('所在地区'),
      kind: z
        .enum(['行政', '参公', '事业'])
        .describe('单位性质：行政单位、参照公务员法管理事业单位、事业单位'),
      level: z.enum(['部门', '单位']).optional().describe('部门决算或单位决算'),
      supervisor: text.optional().describe('主管部门'),
      functions: text.optional().describe('主要职能'),
      organisation: text.optional().describe('机构设置情况'),
      internalDivisions: z.array(text).optional().describe('内设机构'),
      staff: z
        .strictObject({
          actual: count.optional().describe('实有人数'),
          active: count.optional().describe('在职人员'),
          retiredCadre: count.optional().describe('离休人员'),
          retired: count.optional().describe('退休人员'),
          authorised: count.optional().describe('编制数'),
        })
        .optional(),
      consolidatedUnits: z.array(text).optional().describe('纳入部门决算编制范围的单位'),
    }),
    tables: z.strictObject(tablesShape).describe('九张公开报表'),
    threePublic: z
      .strictObject({
        abroadGroups: count.optional().describe('因公出国（境）团组数'),
        abroadPeople: count.optional().describe('因公出国（境）人次'),
        abroadContent: text.optional().describe('因公出国（境）费开支内容'),
        vehiclesPurchased: count.optional().describe('公务用车购置数'),
        vehiclesHeld: count.optional().describe('公务用车保有量'),
        vehicleOperationContent: text.optional().describe('公务用车运行维护费开支内容'),
        receptionBatches: count.optional().describe('国内公务接待批次'),
        receptionPeople: count.optional().describe('国内公务接待人次'),
        foreignReceptionBatches: count.optional().describe('外事接待批次'),
        foreignReceptionPeople: count.optional().describe('外事接待人次'),
        receptionContent: text.optional().describe('公务接待费开支内容'),
        emptyStatement: text.optional().describe('无“三公”经费时的说明'),
      })
      .optional()
      .describe('“三公”经费的数量与说明（金额见表七）'),
    adminCost: compareAmountSchema.optional().describe('机关运行经费'),
    procurement: z
      .strictObject({
        total: amountSchema.optional().describe('政府采购支出总额'),
        goods: amountSchema.optional().describe('政府采购货物支出'),
        works: amountSchema.optional().describe('政府采购工程支出'),
        services: amountSchema.optional().describe('政府采购服务支出'),
        sme: amountSchema.optional().describe('授予中小企业合同金额'),
        smallMicro: amountSchema.optional().describe('其中：授予小微企业合同金额'),
        smeReserved: amountSchema.optional().describe('面向中小企业预留金额'),
        emptyStatement: text.optional(),
      })
      .optional()
      .describe('政府采购情况'),
    assets: z
      .strictObject({
        fixedAssetsOriginal: amountSchema.optional().describe('固定资产原值'),
        buildingArea: decimalText.optional().describe('房屋面积（平方米）'),
        buildingValue: amountSchema.optional().describe('房屋价值'),
        vehicles: z
          .strictObject({
            total: count.optional().describe('车辆总数'),
            value: amountSchema.optional().describe('车辆价值'),
            byCategory: z
              .strictObject({
                ministerial: count.optional().describe('副部（省）级及以上领导用车'),
                principal: count.optional().describe('主要领导干部用车'),
                confidential: count.optional().describe('机要通信用车'),
                emergency: count.optional().describe('应急保障用车'),
                lawEnforcement: count.optional().describe('执法执勤用车'),
                specialTechnical: count.optional().describe('特种专业技术用车'),
                retiredCadres: count.optional().describe('离退休干部用车'),
                other: count.optional().describe('其他用车'),
              })
              .optional(),
            otherNote: text.optional().describe('其他用车主要是'),
          })
          .optional(),
        equipmentOver1m: count.optional().describe('单价 100 万元（含）以上设备（不含车辆）台（套）'),
        generalEquipmentOver500k: count.optional().describe('单价 50 万元以上通用设备'),
        specialEquipmentOver1m: count.optional().describe('单价 100 万元以上专用设备'),
      })
      .optional()
      .describe('国有资产占用情况'),
    performance: z
      .strictObject({
        evaluatedProjects: count.optional().describe('开展绩效评价的项目个数'),
        budgetTotal: amountSchema.optional().describe('评价项目全年预算数'),
        executedTotal: amountSchema.optional().describe('评价项目全年执行数'),
        text: text.optional().describe('预算绩效情况说明'),
        projects: z.array(projectSchema).optional().describe('项目支出绩效自评表'),
      })
      .optional()
      .describe('预算绩效'),
    notes: z.record(z.string(), text).optional().describe('其他说明文字（按章节）'),
  })
  .describe('部门决算公开数据（Juesuan 数据格式）');

export type DisclosureFile = z.infer<typeof disclosureFileSchema>;
export type TableFile = z.infer<ReturnType<typeof tableSchema>>;
export type RowFile = TableFile['rows'][number];
