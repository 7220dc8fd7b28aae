/**
 * The corpus documents: which real layout each follows, the invented unit behind it, and the errors
 * injected into it. Units, names and figures are ours; only the layouts are taken from real
 * publications (see ../README.md).
 */
import type { DocBuilder, DocOptions, InjectedError } from './doc.ts';
import { layoutCq } from './layout-cq.ts';
import type { Unit, UnitSpec } from './model.ts';

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
  errors?: InjectedError[];
  /** The clean (or erroneous) version of the same document. */
  twin?: string;
}

const CQ_DISTRICT: UnitSpec = {
  seed: 101,
  year: 2020,
  name: '重庆市江北区城市管理局',
  kind: '行政',
  size: 6200,
  codes: ['2120101', '2120104', '2120501', '2080505', '2101101', '2210201'],
  other: true,
  carry: true,
  vehiclesHeld: 6,
  reception: true,
  divisions: ['办公室', '计划财务科', '市政设施管理科', '市容环卫科', '执法监督科'],
};

export const CORPUS: CorpusDoc[] = [
  {
    name: 'cq-district-chengguan-2020',
    province: '重庆',
    level: '区县',
    form: '部门决算',
    kind: 'full',
    follows: '重庆区县部门决算公开说明：一、部门基本情况 / 二、部门决算情况说明 /（一）…（七）/ 三、其他需要说明的事项；报表另附',
    features: ['重庆式标题（二、部门决算情况说明 /（一）收入支出决算总体情况说明 1.总体情况。）', '与上年决算数和年初预算数比较', '“三公”实物量', '无报表'],
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
    follows: '同上（重庆区县部门决算公开说明），注入错误',
    features: ['重庆式标题', '模板选择项未删除', '收入总计≠支出总计'],
    unit: CQ_DISTRICT,
    options: { unit: '万元' },
    layout: (d, u) => layoutCq(d, u, { form: '部门', work: 'dept' }),
    errors: [
      {
        kind: 'template-alternative',
        what: '总体情况的增减方向照抄模板的两种写法',
        from: '收支较上年决算数减少514.44万元、下降4.84%',
        to: '收支较上年决算数增加（减少）514.44万元、增长（下降）4.84%',
        changed: '增加（减少）514.44万元、增长（下降）4.84%',
      },
      {
        kind: 'grand-totals-differ',
        what: '文中支出总计与收入总计不等（数字颠倒）',
        from: '支出总计10113.22万元。',
        to: '支出总计10131.22万元。',
        changed: '支出总计10131.22万元',
        figures: [{ key: 't1.expenditureGrandTotal', value: '10131.22' }],
      },
    ],
    twin: 'cq-district-chengguan-2020',
  },
];
