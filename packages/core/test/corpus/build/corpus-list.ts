/**
 * The corpus documents: which real layout each follows, the invented unit behind it, and the errors
 * injected into it. Units, names and figures are ours; only the layouts are taken from real
 * publications (see ../README.md).
 */
import type { Fen } from '../../../src/money/amount.ts';
import type { DocBuilder, DocOptions, ErrorSpec } from './doc.ts';
import { layoutCq } from './layout-cq.ts';
import { layoutBj, layoutSn, layoutSx } from './layout-north.ts';
import {
  layoutCentralThreePublic,
  layoutCg,
  layoutGs,
  layoutGx,
  layoutHb,
  layoutSg,
  layoutShExcerpt,
} from './layout-misc.ts';
import { layoutStd, type StdOptions } from './layout-std.ts';
import { layoutYn } from './layout-yn.ts';
import { generalItems, type Unit, type UnitSpec } from './model.ts';
import { ocrNoise } from './ocr.ts';

export interface CorpusDoc {
  name: string;
  province: string;
  /** 中央 / 省 / 市 / 区县 / 乡镇 / 街道 */
  level: string;
  form: '部门决算' | '单位决算';
  kind: 'full' | '三公-only' | '采购-only' | 'excerpt';
  /** The real layout followed, in a few words (no real text). */
  follows: string;
  features: string[];
  unit: UnitSpec;
  options: DocOptions;
  layout: (d: DocBuilder, u: Unit) => void;
  /** A transformation of the finished text (OCR noise). */
  post?: (text: string) => string;
  errors?: ErrorSpec[] | ((u: Unit, d: DocBuilder) => ErrorSpec[]);
  /** The clean (or erroneous) version of the same document. */
  twin?: string;
}

// ------------------------------------------------------------------------------------------------
// Helpers for the errors: figures as printed and the wrong values real documents print instead.

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A rate computed on the wrong base: the change divided by this year's figure instead of last year's. */
function wrongBaseRate(d: DocBuilder, cur: Fen, prior: Fen): string {
  return d.pct(Math.abs(cur - prior), cur);
}

/** The share with its two integer digits swapped ("83.06%" → "38.06%"). */
function transposed(share: string): string {
  const m = /^(\d)(\d)\.(\d\d)%$/.exec(share);
  if (!m || m[1] === m[2]) throw new Error(`cannot transpose ${share}`);
  return `${m[2]}${m[1]}.${m[3]}%`;
}

/** Defaults of a unit: a small administrative department. */
function unit(s: Partial<UnitSpec> & Pick<UnitSpec, 'seed' | 'year' | 'name' | 'codes'>): UnitSpec {
  return {
    kind: '行政',
    size: 900,
    divisions: ['办公室', '财务股', '业务股'],
    staff: { authorised: 24, active: 21, retired: 6 },
    ...s,
  };
}

const STREET = ['2010301', '2120501', '2120199', '2080505', '2101101', '2210201'];
const TOWN = ['2010301', '2130705', '2130119', '2120303', '2080505', '2101101', '2210201'];
const CITY_MGMT = ['2120101', '2120104', '2120501', '2080505', '2101101', '2210201'];

const std = (o: Partial<StdOptions> & Pick<StdOptions, 'form' | 'work'>): StdOptions => ({
  parts: 'mof',
  sections: 'mof10',
  overview: 'seed',
  compare: '与上年相比',
  items: 'seed',
  threePublic: 'seed',
  ...o,
});

// ------------------------------------------------------------------------------------------------
// The units behind documents that come in two versions (clean and with errors).

const CQ_DISTRICT = unit({
  seed: 101,
  year: 2020,
  name: '重庆市江北区城市管理局',
  size: 6200,
  codes: CITY_MGMT,
  other: true,
  carry: true,
  vehiclesHeld: 6,
  reception: true,
  divisions: ['办公室', '计划财务科', '市政设施管理科', '市容环卫科', '执法监督科'],
});
const CQ_ROAD = unit({
  seed: 107,
  year: 2024,
  name: '重庆市璧山区农村公路养护中心',
  kind: '参公',
  size: 3800,
  codes: ['2140106', '2140101', '2080505', '2080506', '2101101', '2210201'],
  fundCode: '2120801',
  carry: true,
  vehiclesHeld: 4,
  reception: true,
  divisions: ['综合科', '养护管理科', '路政安全科', '财务科'],
});
const HB_PROV = unit({
  seed: 211,
  year: 2022,
  name: '湖北省地方志编纂中心',
  kind: '参公',
  size: 3100,
  codes: ['2010350', '2010399', '2080505', '2080506', '2101101', '2210201'],
  carry: true,
  vehiclesHeld: 2,
  reception: true,
  abroad: false,
  divisions: ['办公室', '编纂一处', '编纂二处', '年鉴处', '信息资料处'],
  staff: { authorised: 52, active: 47, retired: 19 },
});
const GD_SANGONG = unit({
  seed: 331,
  year: 2020,
  name: '湛江市民族宗教事务局',
  codes: ['2012301', '2080505', '2101101', '2210201'],
  vehiclesHeld: 2,
  reception: true,
  abroad: true,
});
const XJ = unit({
  seed: 401,
  year: 2023,
  name: '新疆维吾尔自治区昌吉回族自治州档案馆',
  kind: '参公',
  size: 620,
  codes: ['2012650', '2012699', '2080505', '2101101', '2101103', '2210201'],
  other: true,
  carry: true,
  vehiclesHeld: 1,
  reception: true,
  divisions: ['综合科', '档案接收征集科', '档案保管利用科'],
  staff: { authorised: 18, active: 16, retired: 4 },
});
const CENTRAL = unit({
  seed: 501,
  year: 2023,
  name: '国家粮油质量检验中心',
  kind: '事业',
  size: 8600,
  codes: ['2160250', '2160299', '2080505', '2080506', '2101102', '2210201'],
  business: true,
  other: true,
  carry: true,
  vehiclesHeld: 3,
  purchase: true,
  reception: true,
  abroad: true,
  divisions: ['综合处', '检验一处', '检验二处', '标准研究处', '质量管理处', '财务处'],
  staff: { authorised: 120, active: 108, retired: 41 },
});

const cqUnitErrors = (u: Unit, d: DocBuilder): ErrorSpec[] => [
  {
    kind: 'flat-claim-differs',
    what: '机关运行经费与上年不同，文中却说与上年持平',
    find: new RegExp(
      `机关运行经费支出${esc(d.a(u.adminCost.amount))}，较上年决算数[^，]+，主要原因是[^。]+。`,
    ),
    to: `机关运行经费支出${d.a(u.adminCost.amount)}，与上年决算数持平。`,
    changed: '与上年决算数持平',
  },
  {
    kind: 'rate-wrong-base',
    what: '收入合计的增长率用本年数作分母',
    find: new RegExp(
      `收入合计${esc(d.a(u.incomeTotal))}，较上年决算数(增加|减少)${esc(d.a(Math.abs(u.incomeTotal - u.prior.incomeTotal)))}、(增长|下降)${esc(d.pct(Math.abs(u.incomeTotal - u.prior.incomeTotal), u.prior.incomeTotal))}`,
    ),
    to: (m) =>
      `收入合计${d.a(u.incomeTotal)}，较上年决算数${m[1]}${d.a(Math.abs(u.incomeTotal - u.prior.incomeTotal))}、${m[2]}${wrongBaseRate(d, u.incomeTotal, u.prior.incomeTotal)}`,
    changed: (m) => `${m[2]}${wrongBaseRate(d, u.incomeTotal, u.prior.incomeTotal)}`,
  },
];

const PART1: CorpusDoc[] = [
  // ---------------------------------------------------------------------------------------- 重庆
  {
    name: 'cq-district-chengguan-2020',
    province: '重庆',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows:
      '重庆区县部门决算公开说明：一、部门基本情况 / 二、部门决算情况说明 /（一）…（七）/ 三、其他需要说明的事项；报表另附',
    features: [
      '重庆式标题（二、部门决算情况说明 /（一）收入支出决算总体情况说明 1.总体情况。）',
      '与上年决算数、年初预算数比较',
      '“三公”实物量',
      '无报表',
    ],
    unit: CQ_DISTRICT,
    options: { unit: '万元' },
    layout: (d, u) => layoutCq(d, u, { form: '部门', work: 'dept' }),
    twin: 'cq-district-chengguan-2020-err',
  },
  {
    name: 'cq-district-chengguan-2020-err',
    province: '重庆',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows: '同 cq-district-chengguan-2020，注入错误',
    features: ['重庆式标题', '模板选择项未删除', '文中收入总计≠支出总计'],
    unit: CQ_DISTRICT,
    options: { unit: '万元' },
    layout: (d, u) => layoutCq(d, u, { form: '部门', work: 'dept' }),
    errors: [
      {
        kind: 'template-alternative',
        what: '总体情况的增减方向照抄模板的两种写法',
        find: /收支较上年决算数(增加|减少)([\d.]+万元)、(增长|下降)([\d.]+%)/,
        to: (m) => `收支较上年决算数增加（减少）${m[2]}、增长（下降）${m[4]}`,
        changed: (m) => `增加（减少）${m[2]}、增长（下降）${m[4]}`,
      },
      {
        kind: 'grand-totals-differ',
        what: '文中支出总计与收入总计不等（两位数字颠倒）',
        find: /支出总计(\d+)(\d)(\d)\.(\d\d)万元。/,
        to: (m) => `支出总计${m[1]}${m[3]}${m[2]}.${m[4]}万元。`,
        changed: (m) => `支出总计${m[1]}${m[3]}${m[2]}.${m[4]}万元`,
        figures: (m) => [{ key: 't1.expenditureGrandTotal', value: `${m[1]}${m[3]}${m[2]}.${m[4]}` }],
      },
    ],
    twin: 'cq-district-chengguan-2020',
  },
  {
    name: 'cq-town-2022',
    province: '重庆',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows: '重庆镇人民政府部门决算公开情况说明：财政拨款收支在（一）之前先行概述，镇的职能与事业站所',
    features: ['乡镇', '重庆式标题', '（一）之前的财政拨款概述句', '政府性基金（征地拆迁）'],
    unit: unit({
      seed: 103,
      year: 2022,
      name: '重庆市大足区龙水湖镇人民政府',
      size: 3300,
      codes: TOWN,
      fundCode: '2120801',
      carry: true,
      vehiclesHeld: 2,
      reception: true,
      divisions: [
        '党政办公室',
        '经济发展办公室',
        '民政和社会事务办公室',
        '平安建设办公室',
        '规划建设管理环保办公室',
        '财政办公室',
        '应急管理办公室',
        '综合行政执法办公室',
      ],
      staff: { authorised: 68, active: 61, retired: 33 },
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutCq(d, u, { form: '部门', work: 'town', headline: true, title: '部门决算公开情况说明' }),
  },
  {
    name: 'cq-unit-road-2024',
    province: '重庆',
    level: '区县',
    form: '单位决算',
    kind: 'full',
    follows: '重庆区级事务中心单位决算公开说明：一、单位基本情况 / 二、单位决算情况说明',
    features: [
      '单位决算',
      '重庆式标题（二、单位决算情况说明）',
      '较年初预算数、较上年决算数在一句中',
      '参公单位',
    ],
    unit: CQ_ROAD,
    options: { unit: '万元' },
    layout: (d, u) => layoutCq(d, u, { form: '单位', work: 'road', stop: true }),
    twin: 'cq-unit-road-2024-err',
  },
  {
    name: 'cq-unit-road-2024-err',
    province: '重庆',
    level: '区县',
    form: '单位决算',
    kind: 'full',
    follows: '同 cq-unit-road-2024，注入错误',
    features: ['单位决算', '“持平”而数字不同', '增长率以本年数为分母'],
    unit: CQ_ROAD,
    options: { unit: '万元' },
    layout: (d, u) => layoutCq(d, u, { form: '单位', work: 'road', stop: true }),
    errors: cqUnitErrors,
    twin: 'cq-unit-road-2024',
  },
  // ---------------------------------------------------------------------------------------- 湖北
  {
    name: 'hubei-county-difang-2021',
    province: '湖北',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows:
      '湖北县级部门决算公开说明：第一部分：基本情况（三、人员构成情况）/ 第二部分：一、收入支出决算总体及增减变动情况 / 第三部分：其他重要事项 / 第五部分：报表',
    features: ['“第一部分：”带冒号', '报表每格一行（表1：…表9：）', '人员构成'],
    unit: unit({
      seed: 201,
      year: 2021,
      name: '随州市曾都区水利工程管理站',
      kind: '事业',
      size: 760,
      codes: ['2130301', '2130314', '2080505', '2101102', '2210201'],
      other: true,
      vehiclesHeld: 1,
      reception: true,
      divisions: ['办公室', '工程管理股', '防汛抗旱股'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutHb(d, u),
  },
  {
    name: 'hubei-prov-difangzhi-2022',
    province: '湖北',
    level: '省',
    form: '部门决算',
    kind: 'full',
    follows:
      '湖北省直部门决算：第一部分 部门概况 / 第二部分 决算表（网页表格，每格一行）/ 第三部分 决算情况说明（一…十）/ 第四部分 名词解释',
    features: ['第一部分 …概况', '报表每格一行', '千分位报表', '分页'],
    unit: HB_PROV,
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(d, u, std({ form: '部门', work: 'dept', tables: 'cells', pages: true, toc: true })),
    twin: 'hubei-prov-difangzhi-2022-err',
  },
  {
    name: 'hubei-prov-difangzhi-2022-err',
    province: '湖北',
    level: '省',
    form: '部门决算',
    kind: 'full',
    follows: '同 hubei-prov-difangzhi-2022，注入错误',
    features: ['文中收入总计与表一矛盾（几万元对几千万元）'],
    unit: HB_PROV,
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(d, u, std({ form: '部门', work: 'dept', tables: 'cells', pages: true, toc: true })),
    errors: (u, d) => {
      const wrong = d.n(Math.round(u.incomeGrandTotal / 1000 / 100) * 100);
      return [
        {
          kind: 'narrative-vs-table',
          what: '文中收入总计按“元/万元”错位写成几万元，表一为几千万元',
          find: `收入总计${d.a(u.incomeGrandTotal)}，其中：本年收入合计`,
          to: `收入总计${wrong}万元，其中：本年收入合计`,
          changed: `收入总计${wrong}万元`,
          figures: () => [{ key: 't1.incomeGrandTotal', value: wrong }],
        },
      ];
    },
    twin: 'hubei-prov-difangzhi-2022',
  },
];

const HN_STREET = unit({
  seed: 221,
  year: 2021,
  name: '长沙市雨花区洞井街道办事处',
  size: 2600,
  codes: STREET,
  other: true,
  vehiclesHeld: 2,
  reception: true,
  divisions: [
    '党政综合办公室',
    '基层党建办公室',
    '社会治理和平安建设办公室',
    '社区建设和民政办公室',
    '城市管理办公室',
    '经济发展办公室',
  ],
  staff: { authorised: 45, active: 42, retired: 12, retiredCadre: 1 },
});

const PART2: CorpusDoc[] = [
  // ---------------------------------------------------------------------------------------- 湖南
  {
    name: 'hunan-city-guoziwei-2022',
    province: '湖南',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '湖南市直部门决算：第一部分 …概况 / 第二部分 部门决算表（表九为“三公”）/ 第三部分 十四节（九“三公”、十 机关运行经费、十一 一般性支出、十二 政府采购 …）',
    features: [
      '湖南十四节',
      '一般性支出（会议费、培训费，次数与人次）',
      '报表每格一行',
      '表六为“基本支出决算明细表”',
    ],
    unit: unit({
      seed: 223,
      year: 2022,
      name: '岳阳市人民政府国有资产监督管理委员会',
      size: 1400,
      codes: ['2013801', '2013899', '2080505', '2101101', '2210201'],
      other: true,
      vehiclesHeld: 2,
      reception: true,
      divisions: ['办公室', '规划发展科', '产权管理科', '企业改革科', '考核分配科', '财务监督科'],
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({
          form: '部门',
          work: 'dept',
          sections: 'hunan14',
          tables: 'cells',
          namedParts: true,
          toc: true,
        }),
      ),
  },
  {
    name: 'hunan-street-2021-err',
    province: '湖南',
    level: '街道',
    form: '部门决算',
    kind: 'full',
    follows: '湖南街道办事处部门决算：第一部分 …概况（机构设置及决算单位构成）/ 第三部分 十四节',
    features: ['街道', '湖南十四节', '人数不相加', '内设机构数与所列不符'],
    unit: HN_STREET,
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(d, u, std({ form: '部门', work: 'street', sections: 'hunan14', namedParts: true })),
    errors: (u) => [
      {
        kind: 'staff-sum',
        what: '实有人数不等于在职、离休、退休人数之和',
        find: `实有人数${u.staff.actual}人`,
        to: `实有人数${u.staff.actual + 3}人`,
        figures: () => [{ key: 'unit.staff.actual', value: String(u.staff.actual + 3) }],
      },
      {
        kind: 'division-count',
        what: '内设机构个数与列出的机构不符',
        find: `下设${u.divisions.length}个内设机构`,
        to: `下设${u.divisions.length - 1}个内设机构`,
        figures: () => [{ key: 'unit.divisionCount', value: String(u.divisions.length - 1) }],
      },
    ],
  },
  {
    name: 'hunan-town-2021-err',
    province: '湖南',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows: '湖南镇人民政府部门决算：第一部分 …单位概况 / 第二部分 决算表 / 第三部分 十四节',
    features: ['乡镇', '占比数字颠倒'],
    unit: unit({
      seed: 227,
      year: 2021,
      name: '邵东市流泽镇人民政府',
      size: 2900,
      codes: TOWN,
      other: true,
      vehiclesHeld: 1,
      reception: true,
      divisions: [
        '党政综合办公室',
        '经济发展办公室',
        '社会事务办公室',
        '自然资源和生态环境办公室',
        '社会治安和应急管理办公室',
      ],
      staff: { authorised: 58, active: 55, retired: 20 },
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(d, u, std({ form: '部门', work: 'town', sections: 'hunan14', namedParts: true })),
    errors: (u, d) => {
      const share = d.pct(u.generalBudget, u.incomeTotal);
      return [
        {
          kind: 'share-transposed',
          what: '一般公共预算财政拨款收入的占比两位数字颠倒',
          find: `一般公共预算财政拨款收入${d.a(u.generalBudget)}，占${share}`,
          to: `一般公共预算财政拨款收入${d.a(u.generalBudget)}，占${transposed(share)}`,
          changed: `占${transposed(share)}`,
        },
      ];
    },
  },
  {
    name: 'hunan-county-sangong-2019',
    province: '湖南',
    level: '区县',
    form: '部门决算',
    kind: '三公-only',
    follows: '湖南县级部门单独公开的“三公”经费决算说明：一段话，预算与决算、占比、“批次为 n 个”、接待人次',
    features: ['“三公”单独公开', '接待批次以“个”计', '预算数与决算数'],
    unit: unit({
      seed: 229,
      year: 2019,
      name: '桃江县农业农村局',
      codes: ['2130101', '2080505'],
      vehiclesHeld: 2,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutSg(d, u, 'hn'),
  },
  // ---------------------------------------------------------------------------------------- 四川
  {
    name: 'sichuan-unit-tourism-2022',
    province: '四川',
    level: '区县',
    form: '单位决算',
    kind: 'full',
    follows:
      '四川县级单位决算：第一部分 单位概况 / 第二部分 单位决算情况说明 / 第三部分 名词解释 / 第四部分 附件 / 第五部分 附表（在后）',
    features: [
      '单位决算',
      '成对的写法“本年收入、本年支出合计各是 a、b”',
      '说明在前、报表在后',
      '报表整行一行',
    ],
    unit: unit({
      seed: 231,
      year: 2022,
      name: '峨眉山市文化广播电视和旅游局',
      size: 4100,
      codes: ['2070101', '2070109', '2070204', '2080505', '2101101', '2210201'],
      other: true,
      carry: true,
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({ form: '单位', work: 'dept', parts: 'sichuan', overview: 'pairDiff', tables: 'rows' }),
      ),
  },
  {
    name: 'sichuan-unit-nongji-2024-err',
    province: '四川',
    level: '区县',
    form: '单位决算',
    kind: 'full',
    follows: '四川县级单位决算（同上），“收、支总计均为 x”',
    features: ['单位决算', '“收、支总计均为”', '占位符 XX 未替换', '省略号占位'],
    unit: unit({
      seed: 233,
      year: 2024,
      name: '渠县农业综合技术服务中心',
      kind: '事业',
      size: 1500,
      codes: ['2130104', '2130199', '2080505', '2101102', '2210201'],
      business: true,
      vehiclesHeld: 1,
      reception: true,
      staff: { authorised: 86, active: 81, retired: 30 },
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(d, u, std({ form: '单位', work: 'dept', parts: 'sichuan', overview: 'equal' })),
    errors: (u, d) => [
      {
        kind: 'placeholder',
        what: '小微企业合同金额留着模板的 XX',
        find: `授予小微企业合同金额${d.a(u.procurement.smallMicro)}`,
        to: '授予小微企业合同金额XX万元',
        changed: 'XX万元',
        figures: () => [{ key: 'procurement.smallMicro', value: 'XX' }],
      },
      {
        kind: 'placeholder',
        what: '财政拨款收入总计变动的原因留着省略号',
        find: /(财政拨款收入总计与上年相比，[^，]+，[^，]+，主要原因是：)([^。]+)。/,
        to: (m) => `${m[1]}……。`,
        changed: '主要原因是：……',
      },
    ],
  },
  // ---------------------------------------------------------------------------------------- 北京
  {
    name: 'beijing-district-caizheng-2022',
    province: '北京',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows:
      '北京区级部门决算：第一部分 报表（详见附件）/ 第二部分 部门决算说明（一、单位基本情况 二、收入支出决算总体情况说明（一）收入（二）支出 …）/ 第三部分 其他重要事项（“三公”在此）/ 第四部分 绩效评价',
    features: ['正文千分位“9,685.55万元”', '“收、支总计”', '“三公”在其他重要事项中', '比年初预算数减少'],
    unit: unit({
      seed: 241,
      year: 2022,
      name: '北京市通州区财政局',
      size: 9700,
      codes: ['2010601', '2010602', '2080505', '2101101', '2210201'],
      other: true,
      carry: true,
      vehiclesHeld: 3,
      reception: true,
      divisions: ['办公室', '预算科', '国库科', '综合科', '经济建设科', '社会保障科', '政府采购管理科'],
      staff: { authorised: 161, active: 155, retired: 40 },
    }),
    options: { unit: '万元', thousands: true },
    layout: (d, u) => layoutBj(d, u, {}),
  },
  {
    name: 'beijing-city-dept-2023-err',
    province: '北京',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows: '北京市级部门决算（同上），附政府采购情况表，报表整行一行',
    features: ['正文千分位', '“三公”占比分母错（用本年支出合计）'],
    unit: unit({
      seed: 243,
      year: 2023,
      name: '北京市文物保护中心',
      kind: '参公',
      size: 5200,
      codes: ['2070204', '2070101', '2080505', '2101101', '2210201'],
      carry: true,
      vehiclesHeld: 4,
      reception: true,
    }),
    options: { unit: '万元', thousands: true },
    layout: (d, u) => layoutBj(d, u, { procurementTable: true, tables: 'rows' }),
    errors: (u, d) => {
      const right = d.pct(u.reception.final, u.threePublic.final);
      const wrong = d.pct(u.reception.final, u.expenditureTotal);
      return [
        {
          kind: 'share-wrong-denominator',
          what: '公务接待费占“三公”经费的比例按本年支出合计计算',
          find: `占“三公”经费的${right}`,
          to: `占“三公”经费的${wrong}`,
        },
      ];
    },
  },
  // ---------------------------------------------------------------------------------------- 山西
  {
    name: 'shanxi-street-2021',
    province: '山西',
    level: '街道',
    form: '部门决算',
    kind: 'full',
    follows:
      '山西街道办事处部门决算及“三公”经费信息公开：第二部分 机关决算报表（表五（一）（二）、决算公开相关信息统计表）/ 第三部分 机关决算情况说明（一、决算数据变动情况及原因 二、“三公”经费决算增减变动 …）',
    features: ['街道', '“机关决算”', '全部数字在“决算数据变动情况及原因”一节', '空表说明'],
    unit: unit({
      seed: 251,
      year: 2021,
      name: '吕梁市离石区滨河街道办事处',
      size: 1300,
      codes: STREET,
      vehiclesHeld: 1,
      reception: true,
      divisions: ['党政综合办公室', '社会事务办公室', '平安建设办公室', '综合行政执法队'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutSx(d, u, { work: 'street' }),
  },
  {
    name: 'shanxi-town-2021-err',
    province: '山西',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows: '山西镇人民政府部门决算（同上）',
    features: ['乡镇', '“故本表无数据”', '报表目录缺表七（“三公”经费支出决算表）'],
    unit: unit({
      seed: 253,
      year: 2021,
      name: '汾阳市杏花村镇人民政府',
      size: 1800,
      codes: TOWN,
      vehiclesHeld: 1,
      reception: true,
      divisions: [
        '党政综合办公室',
        '经济发展办公室',
        '社会事务办公室',
        '综合行政执法办公室',
        '综合便民服务中心',
        '退役军人服务站',
      ],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutSx(d, u, { work: 'town' }),
    errors: (u) => [
      {
        kind: 'table-absent',
        what: '必须公开的“三公”经费支出决算表没有列出也没有公开',
        find: `七、${u.name}2021年一般公共预算财政拨款“三公”经费支出决算表`,
        to: '',
        changed: '',
        message: '“三公”经费支出决算表',
      },
    ],
  },
  // ---------------------------------------------------------------------------------------- 云南
  {
    name: 'yunnan-town-2019',
    province: '云南',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows:
      '云南镇人民政府部门决算：第三部分只有四节（收入、支出、一般公共预算、“三公”）/ 第四部分 其他重要事项及相关口径情况说明 / 第五部分 名词解释',
    features: ['乡镇', '“收入共计”', '“较预算减少 x 万元，降低 y%”', '完成年初预算的 x%'],
    unit: unit({
      seed: 261,
      year: 2019,
      name: '禄丰县一平浪镇人民政府',
      size: 2100,
      codes: TOWN,
      other: true,
      vehiclesHeld: 2,
      reception: true,
      divisions: ['党政办公室', '经济发展办公室', '社会事务办公室', '财政所'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutYn(d, u, { work: 'town' }),
  },
  {
    name: 'yunnan-township-2022-trad',
    province: '云南',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows:
      '云南乡人民政府部门决算（同上），网站转成繁体字；报表目录含“三公”经费、行政参公单位机关运行经费情况表',
    features: ['繁体字', '乡镇', '报表每格一行'],
    unit: unit({
      seed: 263,
      year: 2022,
      name: '镇康县勐捧乡人民政府',
      size: 1600,
      codes: TOWN,
      other: true,
      vehiclesHeld: 1,
      reception: true,
      divisions: ['党政综合办公室', '经济发展办公室', '社会事务办公室'],
    }),
    options: { unit: '万元', traditional: true },
    layout: (d, u) => layoutYn(d, u, { work: 'town', tables: 'cells' }),
  },
  // ---------------------------------------------------------------------------------------- 甘肃
  {
    name: 'gansu-kindergarten-2019-trad',
    province: '甘肃',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '甘肃市直教育事业单位部门决算：一、概况 二、决算情况说明（一）收入（二）支出（三）财政拨款 三、一般公共预算支出（完成年初预算 x%，决算数大于预算数 y 万元）…；繁体字转载',
    features: ['繁体字', '完成年初预算与决算数大于预算数在一句中', '“降低”作下降'],
    unit: unit({
      seed: 271,
      year: 2019,
      name: '天水市第二幼儿园',
      kind: '事业',
      size: 1700,
      codes: ['2050201', '2080505', '2101102', '2210201'],
      business: true,
      reception: true,
      staff: { authorised: 71, active: 62, retired: 28 },
    }),
    options: { unit: '万元', traditional: true },
    layout: (d, u) => layoutGs(d, u),
  },
  {
    name: 'gansu-kindergarten-2020-trad-err',
    province: '甘肃',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows: '同 gansu-kindergarten-2019-trad 的版式（下一年度），注入错误',
    features: ['繁体字', '增长率以本年数为分母'],
    unit: unit({
      seed: 273,
      year: 2020,
      name: '天水市第二幼儿园',
      kind: '事业',
      size: 1800,
      codes: ['2050201', '2080505', '2101102', '2210201'],
      business: true,
      reception: true,
      staff: { authorised: 71, active: 64, retired: 29 },
    }),
    options: { unit: '万元', traditional: true },
    layout: (d, u) => layoutGs(d, u),
    errors: (u, d) => {
      const diff = Math.abs(u.fiscal.grand - u.fiscal.prior);
      const right = d.pct(diff, u.fiscal.prior);
      const wrong = wrongBaseRate(d, u.fiscal.grand, u.fiscal.prior);
      return [
        {
          kind: 'rate-wrong-base',
          what: '财政拨款收入总计的变动率用本年数作分母',
          find: new RegExp(`与上年相比(增加|减少)${esc(d.a(diff))}，(增长|降低)${esc(right)}`),
          to: (m) => `与上年相比${m[1]}${d.a(diff)}，${m[2]}${wrong}`,
          changed: (m) => `${m[2]}${wrong}`,
        },
      ];
    },
  },
  // ---------------------------------------------------------------------------------------- 广东
  {
    name: 'guangdong-city-service-2021',
    province: '广东',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '广东市直部门决算：第一部分：…概况 / 第二部分：…部门决算表 / 第三部分：…部门决算情况说明 / 第四部分：名词解释（标题带冒号）',
    features: ['“第一部分：”', '报表整行一行（pdftotext -layout）', '与年初预算、完成年初预算的 x%'],
    unit: unit({
      seed: 281,
      year: 2021,
      name: '湛江市政务服务数据管理局',
      size: 2300,
      codes: ['2010301', '2010350', '2080505', '2101101', '2210201'],
      carry: true,
      vehiclesHeld: 2,
      reception: true,
    }),
    options: { unit: '万元', wrap: 36 },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({
          form: '部门',
          work: 'dept',
          parts: 'colon',
          items: 'budget',
          tables: 'rows',
          pages: true,
          namedParts: true,
        }),
      ),
  },
  {
    name: 'guangdong-sangong-2020',
    province: '广东',
    level: '市',
    form: '部门决算',
    kind: '三公-only',
    follows: '广东市直部门单独公开的“三公”经费增减情况说明：一段话，各项占比、比上年增减、接待批次和人数',
    features: ['“三公”单独公开', '“约 n 人”', '比上年减少 x 万元'],
    unit: GD_SANGONG,
    options: { unit: '万元' },
    layout: (d, u) => layoutSg(d, u, 'gd'),
    twin: 'guangdong-sangong-2020-err',
  },
  {
    name: 'guangdong-sangong-2020-err',
    province: '广东',
    level: '市',
    form: '部门决算',
    kind: '三公-only',
    follows: '同 guangdong-sangong-2020，注入错误',
    features: ['“三公”单独公开', '占比留空“占 %”', '接待批次写“××”'],
    unit: GD_SANGONG,
    options: { unit: '万元' },
    layout: (d, u) => layoutSg(d, u, 'gd'),
    errors: (u, d) => [
      {
        kind: 'placeholder',
        what: '因公出国（境）费的占比留空',
        find: `因公出国（境）费${d.a(u.abroad.final)}，占${d.pct(u.abroad.final, u.threePublic.final)}`,
        to: `因公出国（境）费${d.a(u.abroad.final)}，占 %`,
        changed: '占 %',
      },
      {
        kind: 'placeholder',
        what: '接待批次写成××',
        find: `接待${u.counts.receptionBatches}批次`,
        to: '接待××批次',
        changed: '××批次',
        figures: () => [{ key: 'threePublic.receptionBatches', value: '××' }],
      },
    ],
    twin: 'guangdong-sangong-2020',
  },
  // ---------------------------------------------------------------------------------------- 广西
  {
    name: 'guangxi-school-2023-yuan',
    province: '广西',
    level: '区县',
    form: '单位决算',
    kind: 'full',
    follows:
      '广西县级学校单位决算：金额以元计、带千分位，每种收入单列并说明“与去年相比无变化，与预算相比无变化”',
    features: ['元', '正文千分位', '“无变化”的说法', '“同比”', 'PDF 换行'],
    unit: unit({
      seed: 291,
      year: 2023,
      name: '藤县濛江镇第二初级中学',
      kind: '事业',
      size: 700,
      codes: ['2050203', '2080505', '2101102', '2210201'],
      other: true,
      carry: true,
      staff: { authorised: 60, active: 57, retired: 14 },
    }),
    options: { unit: '元', thousands: true, spaced: true, wrap: 30 },
    layout: (d, u) => layoutGx(d, u),
  },
];

const PART3: CorpusDoc[] = [
  // ---------------------------------------------------------------------------------------- 江苏
  {
    name: 'jiangsu-city-minjin-2019-err',
    province: '江苏',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '江苏市直部门决算网页版：第一部分 部门概况 / 第二部分 决算表（网页表格拆成“|”分隔，每格一行，金额单位：元）/ 第三部分 情况说明',
    features: ['报表以元计、说明以万元计', '网页表格“|”分隔', '车辆总数与分类之和不符'],
    unit: unit({
      seed: 301,
      year: 2019,
      name: '中国民主促进会常州市委员会机关',
      size: 230,
      codes: ['2012901', '2080505', '2101101', '2210201'],
      vehiclesHeld: 1,
      reception: true,
      divisions: ['办公室', '组织宣传处'],
      staff: { authorised: 8, active: 8, retired: 3 },
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({ form: '部门', work: 'dept', tables: 'pipes', tableUnit: '元', tableZero: '0.00' }),
      ),
    errors: (u) => [
      {
        kind: 'vehicle-count',
        what: '车辆总数与各类车辆之和不符',
        find: `共有车辆${u.assets.vehicles}辆`,
        to: `共有车辆${u.assets.vehicles + 1}辆`,
        figures: () => [{ key: 'assets.vehicles.total', value: String(u.assets.vehicles + 1) }],
      },
    ],
  },
  // ---------------------------------------------------------------------------------------- 浙江
  {
    name: 'zhejiang-street-2021',
    province: '浙江',
    level: '街道',
    form: '部门决算',
    kind: 'full',
    follows:
      '浙江街道部门决算：一、概况 二、部门决算公开表 三、部门决算情况说明（各节为（一）…（十））四、名词解释',
    features: ['街道', '各节以（一）（二）编号，部分以一、二编号', '小节以 1. 2. 编号'],
    unit: unit({
      seed: 311,
      year: 2021,
      name: '江山市双塔街道办事处',
      size: 3600,
      codes: STREET,
      other: true,
      carry: true,
      vehiclesHeld: 2,
      reception: true,
      divisions: ['党政办公室', '经济发展办公室', '社会事务管理办公室', '平安建设办公室', '城市管理办公室'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'street', parts: 'zj', compare: '比上年' })),
  },
  // ---------------------------------------------------------------------------------------- 宁夏
  {
    name: 'ningxia-street-2021-err',
    province: '宁夏',
    level: '街道',
    form: '部门决算',
    kind: 'full',
    follows: '宁夏街道办事处部门决算：第一部分 单位概况 / 第二部分 决算表 / 第三部分 决算情况说明（一…十）',
    features: ['街道', '增长率以本年数为分母'],
    unit: unit({
      seed: 321,
      year: 2021,
      name: '银川市兴庆区玉皇阁北街街道办事处',
      size: 1900,
      codes: STREET,
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'street' })),
    errors: (u, d) => {
      const t = u.t5;
      const diff = Math.abs(t.total - t.prior);
      const right = d.pct(diff, t.prior);
      const wrong = wrongBaseRate(d, t.total, t.prior);
      return [
        {
          kind: 'rate-wrong-base',
          what: '一般公共预算财政拨款支出的变动率用本年数作分母',
          find: new RegExp(
            `与上年相比，(增加|减少)${esc(d.a(diff))}，(增长|下降)${esc(right)}，主要原因是：([^。]+)。(?=$)`,
          ),
          to: (m) => `与上年相比，${m[1]}${d.a(diff)}，${m[2]}${wrong}，主要原因是：${m[3]}。`,
          changed: (m) => `${m[2]}${wrong}`,
        },
      ];
    },
  },
  // ---------------------------------------------------------------------------------------- 陕西
  {
    name: 'shaanxi-county-audit-2020',
    province: '陕西',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows:
      '陕西县级部门决算：保密审查与负责人审签声明 / 第一部分 部门概况 / 第二部分 决算表 / 第三部分（三、“三公”经费、培训费及会议费支出情况说明）/ 第四部分 专业名词解释',
    features: ['“三公”与会议费、培训费合并一节', '“收支总计各增加”', '会议次数、培训期数'],
    unit: unit({
      seed: 341,
      year: 2020,
      name: '柞水县统计局',
      size: 600,
      codes: ['2010501', '2010502', '2080505', '2101101', '2210201'],
      vehiclesHeld: 1,
      reception: true,
      divisions: ['办公室', '综合统计股', '农业统计股', '普查中心'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutSn(d, u),
  },
  // ---------------------------------------------------------------------------------------- 新疆
  {
    name: 'xinjiang-dept-2023',
    province: '新疆',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '新疆州直部门决算公开说明（种子文档的版式）：第一部分 单位概况 / 第二部分 部门决算情况说明 / … / 附表在后；PDF 换行',
    features: ['种子版式', '预决算差异率', 'PDF 换行（每行约 28 字）'],
    unit: XJ,
    options: { unit: '万元', spaced: true, wrap: 28 },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'dept', parts: 'sichuan', pages: true })),
    twin: 'xinjiang-dept-2023-err',
  },
  {
    name: 'xinjiang-dept-2023-err',
    province: '新疆',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows: '同 xinjiang-dept-2023，注入错误',
    features: ['占比分母错（用收入总计而非本年收入合计）'],
    unit: XJ,
    options: { unit: '万元', spaced: true, wrap: 28 },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'dept', parts: 'sichuan', pages: true })),
    errors: (u, d) => {
      const right = d.pct(u.generalBudget, u.incomeTotal);
      const wrong = d.pct(u.generalBudget, u.incomeGrandTotal);
      return [
        {
          kind: 'share-wrong-denominator',
          what: '一般公共预算财政拨款收入的占比以收入总计为分母',
          find: `一般公共预算财政拨款收入${d.a(u.generalBudget)}，占${right}`,
          to: `一般公共预算财政拨款收入${d.a(u.generalBudget)}，占${wrong}`,
          changed: `占${wrong}`,
        },
      ];
    },
    twin: 'xinjiang-dept-2023',
  },
  // ---------------------------------------------------------------------------------------- 上海
  {
    name: 'shanghai-district-2024-excerpt',
    province: '上海',
    level: '区县',
    form: '部门决算',
    kind: 'excerpt',
    follows:
      '上海区级部门决算中的一页：从（三）一般公共预算财政拨款支出决算具体情况的半句开始，逐项“年初预算为 a，支出决算为 b，完成年初预算的 c%。决算数大于预算数的主要原因是”',
    features: ['单页', '从句子中间开始', '没有标题和年度', '页码“— 12 —”'],
    unit: unit({
      seed: 351,
      year: 2024,
      name: '上海市静安区民政局',
      size: 5200,
      codes: ['2080201', '2080202', '2080208', '2081001', '2080505', '2101101', '2210201'].filter(
        (c) => c !== '2080208',
      ),
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutShExcerpt(d, u),
  },
  // ---------------------------------------------------------------------------------------- 中央
  {
    name: 'central-dept-2023',
    province: '中央',
    level: '中央',
    form: '部门决算',
    kind: 'full',
    follows:
      '中央部门决算：第一部分 部门概况 / 第二部分 决算表 / 第三部分 决算情况说明（收、支总计各 x；项“年初预算为、支出决算为、完成年初预算的”；“三公”全年预算与完成全年预算的 x%）/ 第四部分 名词解释',
    features: ['中央版式', '“收、支总计各”', '全年预算', '事业单位有事业收入', '报表整行一行', '分页'],
    unit: CENTRAL,
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({
          form: '部门',
          work: 'dept',
          overview: 'pair',
          items: 'budget',
          threePublic: 'central',
          tables: 'rows',
          pages: true,
        }),
      ),
    twin: 'central-dept-2023-err',
  },
  {
    name: 'central-dept-2023-err',
    province: '中央',
    level: '中央',
    form: '部门决算',
    kind: 'full',
    follows: '同 central-dept-2023，注入错误',
    features: ['模板选择项“下降（增长）”', '文中“三公”经费与表七矛盾'],
    unit: CENTRAL,
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({
          form: '部门',
          work: 'dept',
          overview: 'pair',
          items: 'budget',
          threePublic: 'central',
          tables: 'rows',
          pages: true,
        }),
      ),
    errors: (u, d) => {
      const t = u.t5;
      const diff = Math.abs(t.total - t.prior);
      const wrongTp = d.n(u.threePublic.final + 100_000);
      return [
        {
          kind: 'template-alternative',
          what: '一般公共预算财政拨款支出的变动方向照抄模板',
          find: new RegExp(
            `与上年相比，(增加|减少)${esc(d.a(diff))}，(增长|下降)${esc(d.pct(diff, t.prior))}`,
          ),
          to: (m) => `与上年相比，${m[1]}${d.a(diff)}，下降（增长）${d.pct(diff, t.prior)}`,
          changed: () => `下降（增长）${d.pct(diff, t.prior)}`,
        },
        {
          kind: 'narrative-vs-table',
          what: '文中“三公”经费支出决算比表七多 10 万元',
          find: `支出决算为${d.a(u.threePublic.final)}，完成全年预算的`,
          to: `支出决算为${wrongTp}万元，完成全年预算的`,
          changed: `支出决算为${wrongTp}万元`,
          figures: () => [{ key: 'threePublic.total', value: wrongTp }],
        },
      ];
    },
    twin: 'central-dept-2023',
  },
  {
    name: 'central-sangong-section-2020-excerpt',
    province: '中央',
    level: '中央',
    form: '部门决算',
    kind: 'excerpt',
    follows:
      '中央部门决算中的一节：九、财政拨款“三公”经费支出决算情况说明（总体、具体、团组与人次、车辆、接待批次），接着十、其他重要事项的开头',
    features: ['一节', '全年预算', '团组、人次、辆、批次'],
    unit: unit({
      seed: 511,
      year: 2020,
      name: '中国地震台网中心',
      kind: '事业',
      size: 7000,
      codes: ['2240550', '2240599', '2080505', '2101102', '2210201'],
      business: true,
      vehiclesHeld: 5,
      purchase: true,
      reception: true,
      abroad: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutCentralThreePublic(d, u),
  },
  // ---------------------------------------------------------------------------------------- 辽宁 / 江西: 政府采购
  {
    name: 'liaoning-procurement-2023',
    province: '辽宁',
    level: '市',
    form: '部门决算',
    kind: '采购-only',
    follows:
      '辽宁市直部门单独公开的政府采购情况说明：采购总额、货物/工程/服务及占比、中小企业与小微企业合同金额及占比、采购情况表',
    features: ['政府采购单独公开', '较上年', '小表每行一项'],
    unit: unit({
      seed: 521,
      year: 2023,
      name: '沈阳市生态环境局',
      size: 6400,
      codes: ['2110101', '2110102', '2080505'],
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutCg(d, u),
  },
  {
    name: 'jiangxi-procurement-2021-err',
    province: '江西',
    level: '区县',
    form: '部门决算',
    kind: '采购-only',
    follows: '江西县级部门政府采购情况说明（同上）',
    features: ['政府采购单独公开', '采购总额与货物、工程、服务之和不符'],
    unit: unit({
      seed: 523,
      year: 2021,
      name: '南昌县教育体育局',
      size: 9800,
      codes: ['2050101', '2050202', '2080505'],
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutCg(d, u),
    errors: (u, d) => {
      const wrong = d.n(u.procurement.total + 100_000);
      return [
        {
          kind: 'procurement-sum',
          what: '政府采购支出总额比货物、工程、服务之和多 10 万元',
          find: `政府采购支出总额${d.a(u.procurement.total)}，较上年`,
          to: `政府采购支出总额${wrong}万元，较上年`,
          changed: `政府采购支出总额${wrong}万元`,
          figures: () => [{ key: 'procurement.total', value: wrong }],
        },
      ];
    },
  },
  // ---------------------------------------------------------------------------------------- 河南 / 安徽: OCR
  {
    name: 'henan-county-dept-2020-ocr',
    province: '河南',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows:
      '河南县级部门决算（MoF 版式）的扫描件经 OCR：字间散落空格、全半角标点混杂、每页页眉页码，报表每行压成一行',
    features: ['OCR', '报表压成一行', '页眉页码'],
    unit: unit({
      seed: 531,
      year: 2020,
      name: '固始县市场监督管理局',
      size: 4300,
      codes: ['2013801', '2013802', '2013899', '2080505', '2101101', '2210201'],
      other: true,
      vehiclesHeld: 3,
      reception: true,
      divisions: ['办公室', '综合执法股', '食品安全股', '特种设备股', '质量计量股'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'dept', tables: 'ocr', pages: true })),
    post: (t) => ocrNoise(t, 531, '固始县市场监督管理局2020年度部门决算'),
  },
  {
    name: 'anhui-town-2024-ocr-err',
    province: '安徽',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows: '安徽镇人民政府部门决算扫描件经 OCR（同上）',
    features: ['OCR', '乡镇', '报表压成一行', '内设机构数与所列不符'],
    unit: unit({
      seed: 533,
      year: 2024,
      name: '肥西县三河镇人民政府',
      size: 5200,
      codes: TOWN,
      fundCode: '2120801',
      carry: true,
      vehiclesHeld: 2,
      reception: true,
      divisions: ['党政办公室', '经济发展办公室', '社会事务办公室', '规划建设办公室', '综合治理办公室'],
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'town', tables: 'ocr', pages: true })),
    post: (t) => ocrNoise(t, 533, '三河镇2024年度部门决算公开'),
    errors: (u) => [
      {
        kind: 'division-count',
        what: '内设机构个数与列出的机构不符',
        find: `下设${u.divisions.length}个内设机构`,
        to: `下设${u.divisions.length + 2}个内设机构`,
        figures: () => [{ key: 'unit.divisionCount', value: String(u.divisions.length + 2) }],
      },
    ],
  },
  // ---------------------------------------------------------------------------------------- 山东 / 福建 / 河北 / 贵州 / 天津
  {
    name: 'shandong-city-dept-2022',
    province: '山东',
    level: '市',
    form: '部门决算',
    kind: 'full',
    follows:
      '山东市直部门决算（MoF 版式），项一句中同时比较年初预算和上年（“完成年初预算的 x%；与上年相比增加…”）',
    features: ['一句中多个比较', '“比上年”', '“三公”预算与上年预算相比'],
    unit: unit({
      seed: 541,
      year: 2022,
      name: '潍坊市商务局',
      size: 3300,
      codes: ['2011301', '2011308', '2080505', '2101101', '2210201'],
      other: true,
      vehiclesHeld: 2,
      reception: true,
      abroad: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({ form: '部门', work: 'dept', items: 'both', compare: '比上年', priorBudget: true }),
      ),
  },
  {
    name: 'fujian-district-dept-2023-err',
    province: '福建',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows: '福建区级部门决算（MoF 版式）',
    features: ['“三公”与上年不同却写“持平”'],
    unit: unit({
      seed: 551,
      year: 2023,
      name: '泉州市泉港区文化体育和旅游局',
      size: 2700,
      codes: ['2070101', '2070109', '2080505', '2101101', '2210201'],
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'dept' })),
    errors: (u, d) => [
      {
        kind: 'flat-claim-differs',
        what: '“三公”经费与上年不同，文中却说与上年持平',
        find: new RegExp(
          `支出决算为${esc(d.a(u.threePublic.final))}，与上年相比，[^，]+，[^，]+，主要原因是：`,
        ),
        to: `支出决算为${d.a(u.threePublic.final)}，与上年相比持平，主要原因是：`,
        changed: '与上年相比持平',
      },
    ],
  },
  {
    name: 'hebei-town-2020-yuan-tables',
    province: '河北',
    level: '乡镇',
    form: '部门决算',
    kind: 'full',
    follows: '河北镇人民政府部门决算（MoF 版式），报表以元计并印出 0.00，每格一行',
    features: ['乡镇', '报表以元计', '零印为 0.00', '政府性基金'],
    unit: unit({
      seed: 561,
      year: 2020,
      name: '正定县新城铺镇人民政府',
      size: 2400,
      codes: TOWN,
      fundCode: '2296002',
      vehiclesHeld: 1,
      reception: true,
      divisions: ['党政综合办公室', '经济发展办公室', '社会事务办公室'],
    }),
    options: { unit: '万元' },
    layout: (d, u) =>
      layoutStd(
        d,
        u,
        std({ form: '部门', work: 'town', tables: 'cells', tableUnit: '元', tableZero: '0.00' }),
      ),
  },
  {
    name: 'guizhou-prov-center-2025',
    province: '贵州',
    level: '省',
    form: '单位决算',
    kind: 'full',
    follows: '贵州省直事业单位决算（MoF 版式，单位决算），收、支总计成对，项以年初预算比较',
    features: ['单位决算', '2025 年度', '事业收入', '“收、支总计各”'],
    unit: unit({
      seed: 571,
      year: 2025,
      name: '贵州省农业科技信息中心',
      kind: '事业',
      size: 2900,
      codes: ['2130104', '2130199', '2080505', '2101102', '2210201'],
      business: true,
      carry: true,
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutStd(d, u, std({ form: '单位', work: 'dept', overview: 'pair', items: 'budget' })),
  },
  {
    name: 'tianjin-street-2024-excerpt',
    province: '天津',
    level: '街道',
    form: '部门决算',
    kind: 'excerpt',
    follows:
      '天津街道办事处部门决算（MoF 版式）中的两页：五、一般公共预算财政拨款支出决算情况说明（总体、结构、逐项）和六、基本支出',
    features: ['两页', '没有标题和年度的标题页', '从第五节开始'],
    unit: unit({
      seed: 581,
      year: 2024,
      name: '天津市河西区友谊路街道办事处',
      size: 2200,
      codes: STREET,
      carry: true,
      vehiclesHeld: 1,
      reception: true,
    }),
    options: { unit: '万元', pages: [7, 8] },
    layout: (d, u) => layoutStd(d, u, std({ form: '部门', work: 'street', pages: true })),
  },
  // ---------------------------------------------------------------------------------------- 内蒙古
  {
    name: 'neimenggu-sangong-2021',
    province: '内蒙古',
    level: '市',
    form: '部门决算',
    kind: '三公-only',
    follows: '内蒙古市直部门“三公”经费说明：下一年预算安排与本年决算在同一篇，预算较上年决算增减',
    features: ['“三公”单独公开', '下一年预算与本年决算并列', '较上年同期'],
    unit: unit({
      seed: 591,
      year: 2021,
      name: '鄂尔多斯市政协办公室',
      codes: ['2010201', '2080505'],
      vehiclesHeld: 2,
      reception: true,
    }),
    options: { unit: '万元' },
    layout: (d, u) => layoutSg(d, u, 'nm'),
  },
];

export const CORPUS: CorpusDoc[] = [...PART1, ...PART2, ...PART3];
void generalItems;
