/**
 * Every word the spreadsheet reader recognises, in one place: table titles (public names, the names of
 * the final-accounts software's 财决/Z tables, regional variants), fixed-row labels and column headers
 * with their synonyms. The names and variants the project glossary holds (glossary/glossary.ts, through
 * the terms of TABLE_SPECS) are taken from it; the lists below add only what spreadsheets print besides
 * (the software's names, header leaves). Labels follow the 财预〔2016〕143号 部门决算公开 forms (DOMAIN.md §4).
 */
import { glossaryLabels, type TermId } from '../glossary/glossary.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from '../model/tables.ts';

/**
 * Normal form of a label for comparison: NFKC (full-width → half-width), no whitespace, no quote
 * marks of any kind (“三公” / "三公" / 「三公」 are the same), ASCII lower case.
 */
export function normLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/["'“”‘’「」『』〝〞]/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .toLowerCase();
}

/** Ordinal and "其中" prefixes printed before row labels: 一、 （一） 1. 其中： 加： 减：. */
const LABEL_PREFIX =
  /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[、.](?!\d)|其中[:：]?|加[:：]|减[:：]|:)+/;

/** A row label without its ordinal prefix and trailing level note ("（类）"), normalised. */
export function rowLabelCore(text: string): string {
  let s = normLabel(text);
  for (let i = 0; i < 3; i++) s = s.replace(LABEL_PREFIX, '');
  return s.replace(/\((?:类|款|项)\)$/, '');
}

/**
 * Labels by id: the spreadsheet's own list first, then the glossary's labels of the id's term — except
 * those that (folded by `fold`) already name another id, so that a glossary variant never takes a
 * label from the row or column that spreadsheets print it for.
 */
function withGlossary(
  own: Readonly<Record<string, readonly string[]>>,
  terms: readonly { id: string; term?: TermId }[],
  fold: (s: string) => string,
): Record<string, readonly string[]> {
  const taken = new Map<string, string>();
  for (const [id, ls] of Object.entries(own))
    for (const l of ls) if (!taken.has(fold(l))) taken.set(fold(l), id);
  const out: Record<string, string[]> = {};
  for (const [id, ls] of Object.entries(own)) out[id] = [...ls];
  for (const { id, term } of terms) {
    if (term === undefined) continue;
    const list = (out[id] ??= []);
    for (const l of glossaryLabels(term)) {
      const owner = taken.get(fold(l));
      if (owner !== undefined && owner !== id) continue;
      if (!list.some((x) => fold(x) === fold(l))) list.push(l);
      taken.set(fold(l), id);
    }
  }
  return out;
}

/** Table titles the software and regional workbooks print besides the glossary's names. */
const OWN_TABLE_TITLES: Readonly<Record<TableId, readonly string[]>> = {
  t1: ['收入支出决算总表', '收支决算总表', '收入支出决算表(总表)'],
  t2: ['收入决算表'],
  t3: ['支出决算表'],
  t4: ['财政拨款收入支出决算总表', '财政拨款收支决算总表'],
  t5: [
    '一般公共预算财政拨款支出决算表',
    '一般公共预算财政拨款支出决算明细表',
    '一般公共预算支出决算表',
    '一般公共预算财政拨款支出决算功能分类明细表',
  ],
  t6: [
    '一般公共预算财政拨款基本支出决算表',
    '一般公共预算财政拨款基本支出决算明细表',
    '一般公共预算基本支出决算表',
    '一般公共预算财政拨款基本支出决算经济分类明细表',
  ],
  t7: [
    '财政拨款三公经费支出决算表',
    '一般公共预算财政拨款三公经费支出决算表',
    '三公经费支出决算表',
    '财政拨款三公经费支出决算统计表',
  ],
  t8: [
    '政府性基金预算财政拨款收入支出决算表',
    '政府性基金预算财政拨款支出决算表',
    '政府性基金预算财政拨款收支决算表',
  ],
  t9: [
    '国有资本经营预算财政拨款收入支出决算表',
    '国有资本经营预算财政拨款(收入)支出决算表',
    '国有资本经营预算财政拨款支出决算表',
    '国有资本经营预算财政拨款收支决算表',
  ],
};

/** Official table titles (the glossary's names and variants) and the spreadsheets' own. The longest matching suffix wins. */
export const TABLE_TITLES: Readonly<Record<TableId, readonly string[]>> = withGlossary(
  OWN_TABLE_TITLES,
  TABLE_IDS.map((id) => ({ id, term: TABLE_SPECS[id].term })),
  normLabel,
) as Record<TableId, readonly string[]>;

/**
 * Words before a title that mean a different table of the software's workbook (基本支出决算表 is not
 * 支出决算表; 财政专户管理资金收入支出决算表 is not T1): such a title only counts when no better one exists.
 */
const OTHER_TABLE_MARKERS = [
  '基本',
  '项目',
  '专户',
  '资金',
  '明细',
  '经费',
  '分',
  '汇总',
  '政府采购',
  '资产',
];

/** Table numbers, years and words that may stand before a title: 表一 Z01 附表3 公开01表 2022年度 部门. */
const TITLE_PREFIX_PARTS =
  /(?:附?表[0-9一二三四五六七八九十]+(?:[-—]\d+)?[:：.、]?|z\d+(?:表)?|(?:公开|财决)\d+(?:-\d+)?表|\d{4}年度?|部门|单位|本级)/g;

export interface TitleMatch {
  table: TableId;
  /** False when the words before the title suggest another table of the same name ending. */
  strong: boolean;
  /** What stood before the title (often the unit's name). */
  prefix: string;
}

/** Longest title first, so that 财政拨款收入支出决算总表 is T4 and not T1. */
const TITLE_LIST: readonly { table: TableId; name: string }[] = (
  Object.entries(TABLE_TITLES) as [TableId, readonly string[]][]
)
  .flatMap(([table, names]) => names.map((n) => ({ table, name: normLabel(n) })))
  .sort((a, b) => b.name.length - a.name.length);

/** Which of the nine tables a cell's text is the title of, if any. */
export function matchTableTitle(text: string): TitleMatch | undefined {
  let t = normLabel(text);
  if (t.length < 4 || t.length > 90 || /[。；;,，]/.test(t)) return undefined;
  // Trailing notes: (财决01表), (公开01表), (续表), 续表.
  for (let i = 0; i < 3; i++) t = t.replace(/\([^()]*\)$/, '').replace(/(?:续表|续)$/, '');
  // Leading software table codes without a separator: "Z01收入支出决算总表".
  for (const { table, name } of TITLE_LIST) {
    if (!t.endsWith(name)) continue;
    const prefix = t.slice(0, t.length - name.length);
    const rest = prefix.replace(TITLE_PREFIX_PARTS, '');
    const strong = !OTHER_TABLE_MARKERS.some((m) => rest.endsWith(m) || rest.includes(m + '预算'));
    return { table, strong, prefix: rest };
  }
  return undefined;
}

/** The "单位：万元" / "金额单位：元" line. */
export const UNIT_LINE = /(?:金额)?单位[:：]\s*(万元|元|亿元)/;
/** The "编制单位：XX局" / "单位名称：" / "编报单位：" line: the unit's name. */
export const UNIT_NAME_LINE =
  /(?:编制单位|编报单位|填报单位|单位名称|部门名称)[:：]\s*(.*?)(?:\s{2,}|\s*(?:金额)?单位[:：]|\s*\d{4}年|$)/;
/** A year as printed in a title or unit line: "2022年度", "2022 年". */
export const YEAR_TEXT = /(20\d{2})\s*年/;

/** Row labels that are not rows of the table: column numbering (栏次) and similar. */
export const NUMBERING_LABELS = new Set(['栏次', '行次', '序号', '栏号', '栏目']);

/** Header words that start a table's header (any one of them in a row). */
export const HEADER_WORDS = [
  '项目',
  '科目编码',
  '科目名称',
  '功能分类科目编码',
  '经济分类科目编码',
  '功能分类科目',
  '经济分类科目',
  '支出功能分类科目',
  '科目代码',
  '编码',
  '名称',
  '收入',
  '支出',
  '预算数',
  '决算数',
  '行次',
  '人员经费',
  '公用经费',
  '金额',
  '年初预算数',
  '全年预算数',
  '上年决算数',
].map(normLabel);

/** Header leaves of the code column(s). */
export const CODE_HEADERS = new Set(
  [
    '科目编码',
    '功能分类科目编码',
    '经济分类科目编码',
    '支出功能分类科目编码',
    '部门预算支出经济分类科目编码',
    '科目代码',
    '编码',
    '代码',
    '功能科目编码',
    '经济科目编码',
  ].map(normLabel),
);
/** Split code columns: 类 / 款 / 项 under a code header. */
export const CODE_PART_HEADERS: Readonly<Record<string, 0 | 1 | 2>> = { 类: 0, 款: 1, 项: 2 };
/** Header leaves of the label (name) column. */
export const NAME_HEADERS = new Set(
  [
    '项目',
    '科目名称',
    '名称',
    '项目名称',
    '功能分类科目',
    '经济分类科目',
    '支出功能分类科目',
    '功能分类科目名称',
    '经济分类科目名称',
    '收入项目',
    '支出项目',
    '项目(按功能分类)',
    '项目(按经济分类)',
  ].map(normLabel),
);
export const ROW_NUMBER_HEADERS = new Set(['行次', '序号', '栏次'].map(normLabel));

/** Fixed-row labels spreadsheets print, by table and row id (the glossary's are added below). */
const OWN_FIXED_ROW_LABELS: Readonly<Partial<Record<TableId, Readonly<Record<string, readonly string[]>>>>> =
  {
    t1: {
      generalBudget: ['一般公共预算财政拨款收入', '一般公共预算财政拨款'],
      governmentFund: ['政府性基金预算财政拨款收入', '政府性基金预算财政拨款'],
      stateCapital: ['国有资本经营预算财政拨款收入', '国有资本经营预算财政拨款'],
      superiorSubsidy: ['上级补助收入'],
      businessIncome: ['事业收入', '事业收入(不含教育收费)'],
      operatingIncome: ['经营收入'],
      subsidiaryRemittance: ['附属单位上缴收入'],
      otherIncome: ['其他收入'],
      incomeTotal: ['本年收入合计', '收入合计'],
      useOfNonFiscalBalance: [
        '使用非财政拨款结余',
        '使用非财政拨款结余(含专用结余)',
        '用事业基金弥补收支差额',
        '使用非财政拨款结余和专用结余',
      ],
      openingCarryover: ['年初结转和结余', '年初结转结余'],
      incomeGrandTotal: ['收入总计'],
      expenditureTotal: ['本年支出合计', '支出合计'],
      surplusDistribution: ['结余分配'],
      closingCarryover: ['年末结转和结余', '年末结转结余'],
      expenditureGrandTotal: ['支出总计'],
    },
    t2: { total: ['合计', '总计'] },
    t3: { total: ['合计', '总计'] },
    t4: {
      incomeTotal: ['本年收入合计', '收入合计', '本年收入'],
      openingCarryover: ['年初财政拨款结转和结余', '年初结转和结余', '年初财政拨款结转结余'],
      incomeGrandTotal: ['收入总计'],
      expenditureTotal: ['本年支出合计', '支出合计', '本年支出'],
      closingCarryover: ['年末财政拨款结转和结余', '年末结转和结余', '年末财政拨款结转结余'],
      expenditureGrandTotal: ['支出总计'],
    },
    t5: { total: ['合计', '总计'] },
    t6: {
      personnelTotal: ['人员经费合计', '人员经费'],
      publicTotal: ['公用经费合计', '公用经费'],
    },
    t7: {
      total: ['合计', '三公经费合计', '三公经费'],
      abroad: ['因公出国(境)费', '因公出国(境)费用', '因公出国境费'],
      vehicle: ['公务用车购置及运行(维护)费', '公务用车购置及运行维护费', '公务用车购置及运行费', '小计'],
      vehiclePurchase: ['公务用车购置费', '购置费'],
      vehicleOperation: ['公务用车运行(维护)费', '公务用车运行维护费', '运行(维护)费', '运行维护费'],
      reception: ['公务接待费'],
    },
    t8: { total: ['合计', '总计'] },
    t9: { total: ['合计', '总计'] },
  };

/** Fixed-row labels (the glossary's and the spreadsheets' synonyms) by table and row id, normalised by rowLabelCore. */
export const FIXED_ROW_LABELS: Readonly<
  Partial<Record<TableId, Readonly<Record<string, readonly string[]>>>>
> = Object.fromEntries(
  TABLE_IDS.map((id) => [
    id,
    withGlossary(OWN_FIXED_ROW_LABELS[id] ?? {}, TABLE_SPECS[id].fixedRows, rowLabelCore),
  ]),
);

/** "总计" alone: income or expenditure grand total, by the side or position it stands in. */
export const GRAND_TOTAL_LABEL = '总计';

/** T4 income rows that name a fund kind: a column of 本年收入合计 or of 年初财政拨款结转和结余. */
export const T4_KIND_LABELS: Readonly<Record<string, readonly string[]>> = {
  generalBudget: ['一般公共预算财政拨款', '一般公共预算财政拨款收入', '一般公共预算'],
  governmentFund: ['政府性基金预算财政拨款', '政府性基金预算财政拨款收入', '政府性基金预算'],
  stateCapital: ['国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入', '国有资本经营预算'],
};

/** Column headers spreadsheets print, by table and column id (the glossary's are added below). */
const OWN_COLUMN_LABELS: Readonly<Record<TableId, Readonly<Record<string, readonly string[]>>>> = {
  t1: { amount: ['决算数', '金额', '本年数', '决算金额', '本年决算数', '决算'] },
  t2: {
    total: ['本年收入合计', '合计', '收入合计', '本年收入'],
    fiscal: ['财政拨款收入', '财政拨款'],
    superiorSubsidy: ['上级补助收入'],
    businessIncome: ['事业收入'],
    operatingIncome: ['经营收入'],
    subsidiaryRemittance: ['附属单位上缴收入'],
    otherIncome: ['其他收入'],
  },
  t3: {
    total: ['本年支出合计', '合计', '支出合计', '本年支出'],
    basic: ['基本支出'],
    project: ['项目支出'],
    remittance: ['上缴上级支出'],
    operating: ['经营支出'],
    subsidiaryGrant: ['对附属单位补助支出'],
  },
  t4: {
    amount: ['决算数', '金额', '本年数', '决算金额'],
    total: ['合计', '小计'],
    generalBudget: ['一般公共预算财政拨款', '一般公共预算'],
    governmentFund: ['政府性基金预算财政拨款', '政府性基金预算'],
    stateCapital: ['国有资本经营预算财政拨款', '国有资本经营预算'],
  },
  t5: { total: ['合计', '小计', '本年支出合计'], basic: ['基本支出'], project: ['项目支出'] },
  t6: { amount: ['决算数', '金额', '本年数', '决算金额'] },
  t7: { budget: ['预算数', '全年预算数', '年初预算数', '预算'], final: ['决算数', '决算', '实际支出数'] },
  t8: {
    opening: ['年初结转和结余', '年初结转结余'],
    income: ['本年收入'],
    expenditure: ['本年支出合计', '本年支出', '小计', '合计', '支出合计'],
    basic: ['基本支出'],
    project: ['项目支出'],
    closing: ['年末结转和结余', '年末结转结余'],
  },
  t9: {
    opening: ['年初结转和结余', '年初结转结余'],
    income: ['本年收入'],
    expenditure: ['本年支出合计', '本年支出', '小计', '合计', '支出合计'],
    basic: ['基本支出'],
    project: ['项目支出'],
    closing: ['年末结转和结余', '年末结转结余'],
  },
};

/** Column header synonyms (the glossary's and the spreadsheets') by table and column id (normalised leaf or path text). */
export const COLUMN_LABELS: Readonly<Record<TableId, Readonly<Record<string, readonly string[]>>>> =
  Object.fromEntries(
    TABLE_IDS.map((id) => [id, withGlossary(OWN_COLUMN_LABELS[id], TABLE_SPECS[id].columns, normLabel)]),
  ) as Record<TableId, Readonly<Record<string, readonly string[]>>>;

/** Header words that say a column holds 上年 or 年初预算 figures rather than this year's. */
export const PRIOR_WORDS = ['上年决算数', '上年数', '上年决算', '上年'].map(normLabel);
export const BUDGET_WORDS = ['年初预算数', '年初预算'].map(normLabel);
/** Columns the data format has no place for: reported as skipped. */
export const UNUSED_COLUMN_WORDS = [
  '全年预算数',
  '调整预算数',
  '变动率',
  '增减',
  '增减额',
  '增减率',
  '比上年增减',
  '完成率',
].map(normLabel);

/** Text that says a table is empty ("本表为空表", "故本表无数据"). */
export const EMPTY_TABLE_TEXT = /(?:空表|无数据|本表无|没有.{0,20}(?:收入|支出))/;
/** Text of a note under a table. */
export const NOTE_TEXT = /^(?:注|说明|备注)\d*[:：]/;
/** Cells read as zero: blank, dashes, slashes. */
export const ZERO_TEXTS = new Set(['', '-', '--', '—', '——', '－', '/', '0', '0.00', '—-']);

/** Side headers of two-sided tables (T1, T4, T6 two-sided), by the side they start. */
export const SIDE_WORDS: Readonly<Record<string, 'income' | 'expenditure' | 'personnel' | 'public'>> = {
  收入: 'income',
  收入项目: 'income',
  支出: 'expenditure',
  支出项目: 'expenditure',
  人员经费: 'personnel',
  公用经费: 'public',
};
