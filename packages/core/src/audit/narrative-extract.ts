/**
 * Narrative extraction (issue 4 item 2): every figure the 决算情况说明 states, with its official name
 * (DOMAIN.md §6 vocabulary), value and unit, share, year-on-year change, budget comparison, reason,
 * and where it is. Reads sentence by sentence, clause by clause, the way a reviewer does: a figure is
 * named by the words before it within its clause and by the section it is in, never by "the first
 * number after a keyword"; shares, changes and reasons attach to the figure they follow; 类/款/项
 * paragraphs are tied to their codes through the year's classification catalogue.
 */
import { builtinCatalogue, builtinYears } from '../classification/builtin.ts';
import type { Catalogue } from '../classification/catalogue.ts';
import { parseAmount, type Fen } from '../money/amount.ts';
import { parsePercent, type Ratio } from '../money/rate.ts';
import type { TextDocument } from '../read/text-document.ts';
import {
  sectionAt,
  sectionsOfFlow,
  type DocumentSections,
  type SectionId,
  type SubsectionId,
} from './sections.ts';
import { escapeLabel, glossaryLabels, glossaryName, spokenName, type TermId } from '../glossary/glossary.ts';
import { buildFlow, foldText, positionAt, quote, type Flow } from './text-flow.ts';
import type { StatedFigure } from './types.ts';

export interface ExtractOptions {
  /** Report year; default: from the title. Chooses the classification catalogue. */
  year?: number;
  /** 支出功能分类 catalogue for resolving 类/款/项 names to codes; default: the built-in one of the year. */
  catalogue?: Catalogue;
}

/** What reading the narrative gives: the figures and the document's structure. */
export interface NarrativeReading {
  figures: StatedFigure[];
  sections: DocumentSections;
  flow: Flow;
  year?: number;
  unit?: string;
}

type Vocab = readonly (readonly [RegExp, string, string])[];

/** A label folded as the reader folds the narrative's label text (quotes removed by `clean`). */
function foldLabel(label: string): string {
  return foldText(label).replace(/[“”"‘’']/g, '');
}

interface VocabOptions {
  /** Phrase words that may follow the label ("支出", "决算", "为"), as a regular expression. */
  suffix?: string;
  /** Labels ending in 费 may drop it ("公务用车运行支出"). */
  optionalFee?: boolean;
  /** Name the figure by its spoken form (人员经费 for 人员经费合计). */
  spoken?: boolean;
  /** Name the figure by another term (公用经费 stated for 机关运行经费). */
  nameOf?: TermId;
}

/**
 * A vocabulary entry: a figure named by any of the glossary's labels of its term, at the end of the
 * label text, with the phrase words the narratives put after it; named by the glossary's name.
 */
function term(id: TermId, key: string, o: VocabOptions = {}): readonly [RegExp, string, string] {
  const labels = glossaryLabels(id)
    .map(foldLabel)
    .map((l) => (o.optionalFee && l.endsWith('费') ? `${escapeLabel(l.slice(0, -1))}费?` : escapeLabel(l)));
  const re = new RegExp(`(?:${[...new Set(labels)].join('|')})${o.suffix ?? ''}$`);
  const name = o.nameOf ? glossaryName(o.nameOf) : o.spoken ? spokenName(id) : glossaryName(id);
  return [re, key, name];
}

/** The columns a 项's 其中 lists: 基本支出 and 项目支出. */
const BREAKDOWN_LABELS: Readonly<Record<string, 'basic' | 'project'>> = {
  基本支出: 'basic',
  项目支出: 'project',
};

/** An entry whose phrase is matched by a pattern of its own (a grammar, not a list of labels). */
function phrase(re: RegExp, key: string, id: TermId): readonly [RegExp, string, string] {
  return [re, key, glossaryName(id)];
}

const OVERVIEW: Vocab = [
  term('incomeExpenditureGrandTotal', 't1.incomeGrandTotal'),
  term('incomeTotal', 't1.incomeTotal'),
  term('useOfNonFiscalBalance', 't1.useOfNonFiscalBalance'),
  term('openingCarryover', 't1.openingCarryover'),
  term('incomeGrandTotal', 't1.incomeGrandTotal'),
  term('expenditureTotal', 't1.expenditureTotal'),
  term('surplusDistribution', 't1.surplusDistribution'),
  term('closingCarryover', 't1.closingCarryover'),
  term('expenditureGrandTotal', 't1.expenditureGrandTotal'),
];

/** Wordings of the totals outside the glossary's labels: 总收入 (Guangxi), 收入共计 (Yunnan). */
const OVERVIEW_PHRASES: Vocab = [
  phrase(/(本单位|本部门)?(全年)?总收入(决算)?(为|是|共计)?$/, 't1.incomeGrandTotal', 'incomeGrandTotal'),
  phrase(
    /(本单位|本部门)?(全年)?总支出(决算)?(为|是|共计)?$/,
    't1.expenditureGrandTotal',
    'expenditureGrandTotal',
  ),
  phrase(/收入共计(为|是)?$/, 't1.incomeGrandTotal', 'incomeGrandTotal'),
  phrase(/支出共计(为|是)?$/, 't1.expenditureGrandTotal', 'expenditureGrandTotal'),
];

const INCOME: Vocab = [
  term('incomeTotal', 't1.incomeTotal'),
  term('generalBudgetIncome', 't1.generalBudget'),
  term('governmentFundIncome', 't1.governmentFund'),
  term('stateCapitalIncome', 't1.stateCapital'),
  term('fiscalIncome', 't2.total.fiscal'),
  term('superiorSubsidy', 't1.superiorSubsidy'),
  term('subsidiaryRemittance', 't1.subsidiaryRemittance'),
  term('businessIncome', 't1.businessIncome'),
  term('operatingIncome', 't1.operatingIncome'),
  term('otherIncome', 't1.otherIncome'),
];

const EXPENDITURE: Vocab = [
  term('expenditureTotal', 't1.expenditureTotal'),
  term('basicExpenditure', 't3.total.basic'),
  term('projectExpenditure', 't3.total.project'),
  term('remittanceToSuperior', 't3.total.remittance'),
  term('subsidiaryGrant', 't3.total.subsidiaryGrant'),
  term('operatingExpenditure', 't3.total.operating'),
];

const FISCAL: Vocab = [
  term('fiscalIncomeExpenditureGrandTotal', 't4.incomeGrandTotal.total'),
  term('fiscalIncomeGrandTotal', 't4.incomeGrandTotal.total'),
  term('fiscalOpeningCarryover', 't4.openingCarryover.total'),
  term('fiscalIncomeTotal', 't4.incomeTotal.total'),
  term('fiscalExpenditureGrandTotal', 't4.expenditureGrandTotal.total'),
  term('fiscalClosingCarryover', 't4.closingCarryover.total'),
  term('fiscalExpenditureTotal', 't4.expenditureTotal.total'),
  phrase(/财政拨款(收入)?合计(为|是)?$/, 't4.incomeTotal.total', 'fiscalIncomeTotal'),
  phrase(/财政拨款支出合计(为|是)?$/, 't4.expenditureTotal.total', 'fiscalExpenditureTotal'),
];

const OVERVIEW_ALL: Vocab = [...OVERVIEW, ...OVERVIEW_PHRASES, ...INCOME, ...EXPENDITURE];

const GENERAL: Vocab = [
  term('generalBudgetExpenditure', 't5.total.total', { suffix: '(决算)?(数)?(总计|合计)?(为|是)?' }),
];

const BASIC: Vocab = [
  term('generalBudgetBasicExpenditure', 't5.total.basic', { suffix: '(决算)?(为)?' }),
  term('personnelTotal', 't6.personnelTotal', { suffix: '(支出)?(为)?', spoken: true }),
  term('publicTotal', 't6.publicTotal', { suffix: '(支出)?(为)?', spoken: true }),
];

const FEE_SUFFIX = '(支出)?(决算)?(数)?(为)?';
const THREE_PUBLIC: Vocab = [
  term('abroad', 'threePublic.abroad', { suffix: FEE_SUFFIX, optionalFee: true }),
  term('vehicle', 'threePublic.vehicle', { suffix: FEE_SUFFIX, optionalFee: true, spoken: true }),
  term('vehiclePurchase', 'threePublic.vehiclePurchase', { suffix: FEE_SUFFIX, optionalFee: true }),
  term('vehicleOperation', 'threePublic.vehicleOperation', {
    suffix: FEE_SUFFIX,
    optionalFee: true,
    spoken: true,
  }),
  term('reception', 'threePublic.reception', { suffix: FEE_SUFFIX }),
  term('threePublicTotal', 'threePublic.total', {
    suffix: '(财政拨款)?(支出)?(决算)?(数)?(合计|共计|总计)?(支出)?(为)?',
  }),
  // 公务接待0.74万元, 公务用车运行费用3.09万元 (Inner Mongolia).
  phrase(/公务接待(经费)?(支出)?(为)?$/, 'threePublic.reception', 'reception'),
  phrase(/公务用车运行(维护)?费用(支出)?(为)?$/, 'threePublic.vehicleOperation', 'vehicleOperation'),
  phrase(/因公出国\(境\)经费(支出)?(为)?$/, 'threePublic.abroad', 'abroad'),
];

const ADMIN_COST: Vocab = [
  term('adminCost', 'adminCost.amount', { suffix: '(支出)?(决算)?(为)?' }),
  // The Xinjiang form states a 事业单位's 公用经费 where an administrative unit states 机关运行经费.
  term('publicTotal', 'adminCost.amount', { suffix: '(支出)?(为)?', nameOf: 'adminCost' }),
];

const PROCUREMENT: Vocab = [
  phrase(
    /政府采购(支出)?(总额|金额|总金额)(\(以合同签订为准\))?(为)?$/,
    'procurement.total',
    'procurementTotal',
  ),
  phrase(/货物(采购)?(支出|金额)(为)?$/, 'procurement.goods', 'procurementGoods'),
  phrase(/工程(采购)?(支出|金额)(为)?$/, 'procurement.works', 'procurementWorks'),
  phrase(/服务(采购)?(支出|金额)(为)?$/, 'procurement.services', 'procurementServices'),
  phrase(/授予中小企业合同(金额)?(为)?$/, 'procurement.sme', 'procurementSme'),
  phrase(/授予小微企业合同(金额)?(为)?$/, 'procurement.smallMicro', 'procurementSmallMicro'),
];

/** Procurement sentences that name their figure in an earlier clause (Shanghai 2024, 预留份额). */
const PROCUREMENT_WIDE: Vocab = [
  phrase(
    /面向中小企业预留[^;]*中小企业供应商中标或成交[^;]*采购金额$/,
    'procurement.smeReservedAwarded',
    'procurementSmeReservedAwarded',
  ),
  phrase(
    /面向小微企业预留[^;]*小微企业供应商中标或成交[^;]*采购金额$/,
    'procurement.smallMicroReservedAwarded',
    'procurementSmallMicroReservedAwarded',
  ),
  phrase(
    /其他政府采购项目中[^;]*中小企业供应商中标或成交[^;]*采购金额$/,
    'procurement.smeOtherAwarded',
    'procurementSmeOtherAwarded',
  ),
  term('procurementSmeReserved', 'procurement.smeReserved'),
  term('procurementSmallMicroReserved', 'procurement.smallMicroReserved'),
];

const ASSETS: Vocab = [term('fixedAssetsOriginal', 'assets.fixedAssetsOriginal')];

const VEHICLE_CATEGORIES: Vocab = [
  term('vehicles.ministerial', 'assets.vehicles.byCategory.ministerial'),
  term('vehicles.principal', 'assets.vehicles.byCategory.principal'),
  term('vehicles.confidential', 'assets.vehicles.byCategory.confidential'),
  term('vehicles.emergency', 'assets.vehicles.byCategory.emergency'),
  term('vehicles.lawEnforcement', 'assets.vehicles.byCategory.lawEnforcement'),
  term('vehicles.specialTechnical', 'assets.vehicles.byCategory.specialTechnical'),
  term('vehicles.retiredCadres', 'assets.vehicles.byCategory.retiredCadres'),
  term('vehicles.other', 'assets.vehicles.byCategory.other'),
];

const PERFORMANCE_WIDE: Vocab = [
  phrase(/绩效目标[^;]*(涉及)?(预算)?金额$/, 'performance.targetBudget', 'performanceTargetBudget'),
  phrase(/跟踪[^;]*(涉及)?(预算)?金额$/, 'performance.trackedBudget', 'performanceTrackedBudget'),
  term('executed', 'performance.executedTotal'),
  phrase(/(全年预算数|预算金额|涉及全年预算数)$/, 'performance.budgetTotal', 'annualBudget'),
];

function fundVocab(t: 't8' | 't9'): Vocab {
  const funds = glossaryName(t === 't8' ? 'governmentFundFunds' : 'stateCapitalFunds');
  const opening = term('openingCarryover', `${t}.total.opening`);
  const closing = term('closingCarryover', `${t}.total.closing`);
  return [
    [
      /(政府性基金预算|国有资本经营预算)?财政拨款收入$/,
      `${t}.total.income`,
      glossaryName(t === 't8' ? 'governmentFundIncome' : 'stateCapitalIncome'),
    ],
    [opening[0], opening[1], `${funds}${glossaryName('openingCarryover')}`],
    [closing[0], closing[1], `${funds}${glossaryName('closingCarryover')}`],
    [/(财政拨款)?支出(决算)?(收入)?(为)?$/, `${t}.total.expenditure`, `${funds}支出`],
  ];
}

function vocabFor(section: SectionId | 'profile', sub: SubsectionId | undefined): Vocab {
  switch (section) {
    case 'overview':
      return OVERVIEW;
    case 'income':
      return INCOME;
    case 'expenditure':
      return EXPENDITURE;
    case 'fiscal':
      return FISCAL;
    case 'general':
      return GENERAL;
    case 'basic':
      return BASIC;
    case 'threePublic':
      return THREE_PUBLIC;
    case 'fund':
      return fundVocab('t8');
    case 'capital':
      return fundVocab('t9');
    case 'other':
      if (sub === 'adminCost') return ADMIN_COST;
      if (sub === 'procurement') return PROCUREMENT;
      if (sub === 'assets') return ASSETS;
      return [...ADMIN_COST, ...PROCUREMENT, ...ASSETS];
    default:
      return [];
  }
}

/** Whether label text ends with one of the glossary's labels of a term. */
function endsWithLabel(label: string, id: TermId): boolean {
  return glossaryLabels(id).some((l) => label.endsWith(foldLabel(l)));
}

/** Whether text names a term by its name or spoken form (a share's denominator: 占本年支出合计的). */
function containsLabel(text: string, id: TermId): boolean {
  return [glossaryName(id), spokenName(id)].some((l) => text.includes(foldLabel(l)));
}

function lookupVocab(v: Vocab, label: string): { key: string; name: string } | undefined {
  for (const [re, key, name] of v) if (re.test(label)) return { key, name };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens: amounts, percentages and counts as printed.

interface Token {
  kind: 'amount' | 'percent' | 'count';
  start: number;
  end: number;
  /** The number as printed (folded). */
  num: string;
  unit: string;
  fen?: Fen;
  decimals: number;
  ratio?: Ratio;
}

const NUM_RE = /-?\d+(?:,\d{3})*(?:\.\d+)?/g;
const AFTER_RE = /^(万元|亿元|元|万|%|人次|批次|台\(套\)|平方米|人|个|辆|台|套|家)/;

function tokensIn(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  NUM_RE.lastIndex = from;
  for (let m = NUM_RE.exec(text); m !== null && m.index < to; m = NUM_RE.exec(text)) {
    let start = m.index;
    let num = m[0];
    const prev = text[start - 1] ?? '';
    if (num.startsWith('-') && /[\dA-Za-z]/.test(prev)) {
      start++;
      num = num.slice(1);
    } else if (/[\dA-Za-z.]/.test(prev)) continue;
    const end0 = start + num.length;
    if (end0 > to) break;
    let after = AFTER_RE.exec(text.slice(end0, Math.min(to, end0 + 5)));
    let shared = false;
    if (!after) {
      // Paired amounts share the unit of the second: 各是4494.08、4493.02万元 / 各是4125.49,4143.91万元.
      const pair = /^[、,](-?\d+(?:,\d{3})*(?:\.\d+)?)(万元|亿元|元)/.exec(
        text.slice(end0, Math.min(to, end0 + 24)),
      );
      if (!pair) continue;
      after = [pair[2]!, pair[2]!] as unknown as RegExpExecArray;
      shared = true;
    }
    const unit = after[1]!;
    const end = end0 + (shared ? 0 : unit.length);
    const decimals = /\.(\d+)$/.exec(num)?.[1]?.length ?? 0;
    if (unit === '%') {
      try {
        out.push({ kind: 'percent', start, end, num, unit, decimals, ratio: parsePercent(num + '%') });
      } catch {
        /* not a percentage after all */
      }
    } else if (unit === '万元' || unit === '亿元' || unit === '元' || unit === '万') {
      // A threshold is not a stated figure: 单价100万元（含）以上设备.
      if (/^(\(含\))?以[上下]/.test(text.slice(end, end + 6))) continue;
      try {
        const p = parseAmount(num + (unit === '万' ? '万元' : unit));
        out.push({
          kind: 'amount',
          start,
          end,
          num,
          unit: unit === '万' ? '万元' : unit,
          decimals: p.decimals,
          fen: p.fen,
        });
      } catch {
        /* finer than 1 分 or too large: not read */
      }
    } else out.push({ kind: 'count', start, end, num, unit, decimals });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 类/款/项 names to codes.

interface CodeIndex {
  byParent: Map<string, Map<string, { code: string; name: string }>>;
}

const indexCache = new WeakMap<Catalogue, CodeIndex>();

function nameKey(name: string): string {
  return foldText(name).replace(/[“”"]/g, '');
}

function codeIndex(c: Catalogue): CodeIndex {
  const hit = indexCache.get(c);
  if (hit) return hit;
  const byParent = new Map<string, Map<string, { code: string; name: string }>>();
  for (const e of c.entries.values()) {
    let m = byParent.get(e.parent);
    if (!m) byParent.set(e.parent, (m = new Map()));
    if (!m.has(nameKey(e.name))) m.set(nameKey(e.name), { code: e.code, name: e.name });
  }
  const idx = { byParent };
  indexCache.set(c, idx);
  return idx;
}

const namesCache = new WeakMap<Catalogue, Map<string, { code: string; name: string }[]>>();

/** Every name of the catalogue with the entries that bear it. */
function uniqueNames(c: Catalogue): Map<string, { code: string; name: string }[]> {
  const hit = namesCache.get(c);
  if (hit) return hit;
  const m = new Map<string, { code: string; name: string }[]>();
  for (const e of c.entries.values()) {
    const k = nameKey(e.name);
    const list = m.get(k) ?? [];
    list.push({ code: e.code, name: e.name });
    m.set(k, list);
  }
  namesCache.set(c, m);
  return m;
}

function resolveCode(c: Catalogue | undefined, names: string[]): { code?: string; names: string[] } {
  if (!c) return { names };
  const idx = codeIndex(c);
  let parent = '';
  const out: string[] = [];
  let code: string | undefined;
  for (const n of names) {
    const hit = idx.byParent.get(parent)?.get(nameKey(n));
    if (!hit) return { names };
    out.push(hit.name);
    parent = code = hit.code;
  }
  return { ...(code ? { code } : {}), names: out };
}

function catalogueFor(year: number | undefined): Catalogue | undefined {
  if (year === undefined) return undefined;
  const exact = builtinCatalogue('function', year);
  if (exact) return exact;
  const years = builtinYears('function');
  if (years.length === 0) return undefined;
  const nearest = years.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  return builtinCatalogue('function', nearest);
}

// ---------------------------------------------------------------------------------------------
// The reader.

interface Subject {
  /** Key of the figure's value, e.g. t5.2010450.total. */
  key: string;
  name: string;
  code?: string;
}

interface PendingBudget {
  subject: Subject;
  budget?: { fen: Fen; decimals: number };
  annual?: { fen: Fen; decimals: number };
}

interface Clause {
  start: number;
  end: number;
  /** The delimiter before the clause (',' ';' ':' or '' at the sentence start). */
  delim: string;
}

/** What one sentence carries from clause to clause: the reason being read, and the figure a comparison is of. */
interface SentenceState {
  reason: { fig: StatedFigure | undefined; start: number; end: number } | undefined;
  compareTarget: StatedFigure | undefined;
}

/** A sentence's clauses, split at , ; : and 。 (a comma between digits before three digits is a thousands separator). */
function clausesOf(text: string, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  let cs = start;
  let delim = '';
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    // A comma between digits and exactly three digits is a thousands separator ("1,234.56"), not a clause break.
    const thousands =
      ch === ',' && /\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5));
    // Nor is one between two numbers, a list sharing the unit of the last (各是4125.49,4143.91万元).
    const listed = ch === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
    if (!thousands && !listed && (ch === ',' || ch === ';' || ch === ':' || ch === '。')) {
      if (i > cs) clauses.push({ start: cs, end: i, delim });
      delim = ch;
      cs = i + 1;
    }
  }
  if (end > cs) clauses.push({ start: cs, end, delim });
  return clauses;
}

const COMPARE_RE =
  /(?:同口径)?(与上年(度)?(同期)?(决算)?(数)?相比|比上年(度)?(同期)?(决算)?(数)?|较上年(度)?(同期)?(决算)?(数)?|同比|与\d{4}年度?(决算)?(数)?相比|比\d{4}年度?(决算)?(数)?|较\d{4}年度?(决算)?(数)?)/;
/** A comparison with this year's budget: 较年初预算数, 与年初预算相比, 比预算. */
const BUDGET_COMPARE_RE = /(与|较|比)(年初|全年|调整后?)?预算(数)?(相比)?/;
/** Words that open a stated reason: 主要原因是, 原因主要是, 由于, 是因为; 主要是 only after a change. */
const REASON_LEAD_RE = /主要原因(是|为|在于)?|原因(主要)?(是|为|在于)|主要是由于|由于|是因为|主要是/g;
const DIRECTION_END_RE = /(增加|减少|增长|下降|降低|上升|增幅|降幅|增长率|下降率)(了|为)?$/;
const BUDGET_DIRECTION_RE =
  /决算数?(大于|小于|高于|低于|超过)(年初|全年)?预算数?|决算数?(与)(年初|全年)?预算数?(持平|相同|一致|相等)/;

/** Turns folded label text into a display name: ASCII brackets back to the printed full-width form. */
function display(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Key of a budget figure: the value's key + `.budget` (年初预算) or `.annualBudget` (全年预算). */
function budgetKey(key: string, annual: boolean): string {
  return `${key}.${annual ? 'annualBudget' : 'budget'}`;
}

class Reader {
  readonly figures: StatedFigure[] = [];
  private section: SectionId | 'profile' = 'profile';
  private sectionText = '';
  private sub: SubsectionId | undefined;
  private subject: Subject | undefined;
  private current: StatedFigure | undefined;
  private compared: StatedFigure | undefined;
  private parent: StatedFigure | undefined;
  private pending: PendingBudget | undefined;
  private countGroup: 'abroad' | 'reception' | 'building' | 'vehicles' | undefined;
  private sentenceStart = 0;
  private sentenceEnd = 0;
  private sectionFigures: StatedFigure[] = [];

  constructor(
    private readonly flow: Flow,
    private readonly sections: DocumentSections,
    private readonly unit: string | undefined,
    private readonly catalogue: Catalogue | undefined,
    private readonly year?: number,
  ) {}

  /** Whether the sentence (or its section) is about next year's budget: 2022年“三公”经费预算 in a 2021 publication. */
  private nextYear = false;
  /** The base the sentence's comparison is against, from its last comparison phrase. */
  private clauseBase: 'prior' | 'budget' | undefined;

  private isNextYear(text: string): boolean {
    if (this.year === undefined) return false;
    const m = /(\d{4})年度?[^。\d]{0,16}?预算/.exec(text);
    return m !== null && Number(m[1]) === this.year + 1 && !/决算/.test(text.slice(0, m.index + m[0].length));
  }

  readRange(section: SectionId | 'profile', heading: string, from: number, to: number): void {
    this.section = section;
    this.sectionText = heading;
    this.sub = undefined;
    this.subject = undefined;
    this.current = this.compared = this.parent = this.afterList = undefined;
    this.pending = undefined;
    this.countGroup = undefined;
    this.sectionFigures = [];
    const text = this.flow.text;
    let s = from;
    for (let i = from; i <= to; i++) {
      const ch = i < to ? text[i] : '\n';
      if (ch === '。' || ch === '\n' || i === to) {
        const end = ch === '。' ? i + 1 : i;
        if (end > s) this.sentence(s, end);
        s = i + 1;
      }
    }
    this.paragraphReasons(from, to);
  }

  /** Flow offset of each figure's number, for finding its paragraph. */
  private readonly at = new Map<StatedFigure, number>();

  /**
   * A reason stated elsewhere in the figure's paragraph: before the comparison (因…，较上年增加), in a later
   * sentence (经费增加的原因主要是…; 决算数小于年初预算数的主要原因是…), or after 主要是 following the change.
   * A reviewer reads the paragraph, not the clause: the reason counts for a compared figure of the same
   * paragraph whose comparison has none, when it is about the same base (budget or last year) or names none.
   */
  private paragraphReasons(from: number, to: number): void {
    const text = this.flow.text;
    const found = new Map<number, { kind: 'prior' | 'budget' | undefined; text: string }[]>();
    const reasonsOf = (para: number, paraEnd: number) => {
      const cached = found.get(para);
      if (cached) return cached;
      const body = text.slice(para, paraEnd);
      const out: { kind: 'prior' | 'budget' | undefined; text: string }[] = [];
      for (const m of body.matchAll(REASON_LEAD_RE)) {
        const sentenceStart = Math.max(body.lastIndexOf('。', m.index - 1) + 1, 0);
        const before = body.slice(sentenceStart, m.index);
        if (
          m[0].startsWith('主要是') &&
          !/(增加|减少|增长|下降|降低|上升|小于|大于|超过|低于|高于|节约|结余)/.test(before.slice(-60))
        )
          continue;
        const b = before.lastIndexOf('预算');
        const p = Math.max(
          before.lastIndexOf('上年'),
          before.lastIndexOf('同期'),
          before.lastIndexOf('同比'),
        );
        const kind = b < 0 && p < 0 ? undefined : b > p ? 'budget' : 'prior';
        const rest = body.slice(m.index + m[0].length);
        const stop = rest.search(/[。\n]/);
        const r = (stop < 0 ? rest : rest.slice(0, stop))
          .replace(/^[:：\s]+/, '')
          .replace(/[。；;，,\s]+$/, '');
        if (r) out.push({ kind, text: r });
      }
      found.set(para, out);
      return out;
    };
    for (const f of this.sectionFigures) {
      const c = f.change;
      if (!c || c.reason !== undefined || c.direction === '持平') continue;
      const pos = this.at.get(f);
      if (pos === undefined || pos < from || pos >= to) continue;
      const para = Math.max(text.lastIndexOf('\n', pos - 1) + 1, from);
      const nl = text.indexOf('\n', pos);
      const paraEnd = nl < 0 || nl > to ? to : nl;
      const r = reasonsOf(para, paraEnd).find((x) => x.kind === undefined || x.kind === c.against);
      if (r) c.reason = r.text;
    }
  }

  private sentence(start: number, end: number): void {
    this.enterSentence(start, end);
    const state: SentenceState = { reason: undefined, compareTarget: undefined };
    this.listFrom = undefined;
    for (const c of clausesOf(this.flow.text, start, end)) this.clause(c, state);
    this.finishReason(state);
    // A sentence that listed two or more items under 其中: a comparison opening the next one without naming its
    // subject (。比上年减少 a 万元) is of the head, not of the last item listed.
    const p = this.parent;
    this.afterList =
      p &&
      this.listFrom !== undefined &&
      this.figures.slice(this.listFrom).filter((f) => f.key !== p.key).length >= 2
        ? p
        : undefined;
  }

  /** Index in `figures` where the sentence's 其中 list starts. */
  private listFrom: number | undefined;
  /** The head of the 其中 list the sentence before ended with (see sentence). */
  private afterList: StatedFigure | undefined;

  /** The head a comparison without subject is of, at the start of a sentence after a 其中 list; taken once. */
  private listHead(): StatedFigure | undefined {
    const h = this.afterList;
    this.afterList = undefined;
    return h;
  }

  /** A new sentence: its subsection (a new one forgets the subject), its span, and whether it speaks of next year. */
  private enterSentence(start: number, end: number): void {
    const sub = sectionAt(this.sections, start).subsection?.id;
    if (sub !== this.sub) {
      this.sub = sub;
      this.subject = undefined;
      this.pending = undefined;
    }
    this.sentenceStart = start;
    this.sentenceEnd = end;
    const body = this.flow.text.slice(start, end);
    this.clauseBase = undefined;
    this.staffScope = undefined;
    this.pairChange = undefined;
    this.nextYear = this.isNextYear(body) || (!/\d{4}年/.test(body) && this.isNextYear(this.sectionText));
    this.itemSubject(body);
  }

  /** The reason being read, if any, goes to the figure it explains (and to that figure's mate). */
  private finishReason(state: SentenceState): void {
    const { reason } = state;
    if (reason?.fig?.change) {
      const r = quote(this.flow, reason.start, reason.end)
        .replace(/^[:：\s]+/, '')
        .replace(/[。；;，,\s]+$/, '');
      if (r) {
        reason.fig.change.reason = r;
        const mate = this.mates.get(reason.fig);
        if (mate?.change && mate.change.reason === undefined) mate.change.reason = r;
      }
    }
    state.reason = undefined;
  }

  /** One clause: part of a reason, the start of one (主要原因是…), a comparison without figures, or figures. */
  private clause(c: Clause, state: SentenceState): void {
    const text = this.flow.text;
    const ctext = text.slice(c.start, c.end);
    const tokens = tokensIn(text, c.start, c.end);
    if (state.reason) {
      const endsReason = c.delim === ';' && tokens.some((t) => t.kind === 'amount' || t.kind === 'percent');
      if (!endsReason) {
        state.reason.end = c.end;
        return;
      }
      this.finishReason(state);
    }
    if (/^其中/.test(ctext) && this.current) {
      this.parent = this.current;
      this.listFrom = this.figures.length;
    }
    const rm = /主要原因(是|为)?/.exec(ctext);
    if (rm) {
      const lead = ctext.slice(0, rm.index);
      this.budgetDirection(lead);
      // 决算数小于年初预算数的主要原因是… explains the budget comparison even when last year's came after it.
      const named = /预算/.test(lead) ? 'budget' : /上年|同期|同比/.test(lead) ? 'prior' : undefined;
      const target = this.twinFor(this.compared ?? this.current, named);
      state.reason = { fig: target, start: c.start + rm.index + rm[0].length, end: c.end };
      return;
    }
    if (BUDGET_COMPARE_RE.test(ctext)) this.clauseBase = 'budget';
    else if (COMPARE_RE.test(ctext)) this.clauseBase = 'prior';
    if (tokens.length === 0) this.clauseWithoutFigures(ctext, state);
    else this.figuresOfClause(c, tokens, state);
  }

  /** A clause without figures: a budget direction, a comparison's subject (与上年持平), or 持平. */
  private clauseWithoutFigures(ctext: string, state: SentenceState): void {
    if (this.budgetDirection(ctext)) return;
    const cm = COMPARE_RE.exec(ctext);
    if (cm) {
      const before = this.clean(ctext.slice(0, cm.index));
      state.compareTarget = before
        ? (this.lookup(before) ?? this.current)
        : (this.listHead() ?? this.current);
      const rest = ctext.slice(cm.index + cm[0].length);
      if (/持平/.test(rest) && state.compareTarget) this.setPrior(state.compareTarget, { direction: '持平' });
      return;
    }
    if (/持平/.test(ctext)) {
      const t = state.compareTarget ?? this.current;
      if (t) this.setPrior(t, { direction: '持平' });
    }
  }

  /** Each figure of the clause with its label: the text since the figure before. */
  private figuresOfClause(c: Clause, tokens: readonly Token[], state: SentenceState): void {
    const text = this.flow.text;
    let labelStart = c.start;
    for (const tok of tokens) {
      const raw = text.slice(labelStart, tok.start);
      labelStart = tok.end;
      const wide = text.slice(this.wideStart(c.start), tok.start);
      const after = text.slice(tok.end, Math.min(c.end, tok.end + 4));
      if (tok.kind === 'percent') this.percent(tok, this.clean(raw));
      else if (tok.kind === 'amount')
        state.compareTarget = this.amount(tok, raw, this.clean(wide), state.compareTarget);
      else this.count(tok, this.clean(raw), this.clean(wide), after);
    }
  }

  /** Start of the wide label: the last ';' before the clause, or the sentence start. */
  private wideStart(clauseStart: number): number {
    const t = this.flow.text;
    for (let i = clauseStart - 1; i >= this.sentenceStart; i--) if (t[i] === ';') return i + 1;
    return this.sentenceStart;
  }

  /** Label text without numbering, quotes, the unit's name, years and lead words. */
  private clean(raw: string): string {
    let s = raw.replace(/[“”"‘’']/g, '');
    if (this.unit) s = s.split(foldText(this.unit)).join('');
    s = s
      .replace(/\d{4}年度?/g, '')
      .replace(/\((事业|行政|参公)单位\)/g, '')
      .replace(/^[、,;:和及与另]+/, '')
      .replace(/^其中[:,]?/, '')
      .replace(/^[、]/, '')
      .replace(/^\d{1,2}[.、]/, '')
      .replace(/^\(\d{1,2}\)/, '');
    return s;
  }

  /** "（类）（款）（项）" in a sentence: the subject of the figures that follow. */
  private itemSubject(body: string): void {
    if (this.section !== 'general' && this.section !== 'fund' && this.section !== 'capital') return;
    const cut = body.search(/\d+(\.\d+)?(万元|元)|主要原因/);
    const head = cut >= 0 ? body.slice(0, cut) : body;
    const a = head.indexOf('(类)');
    if (a < 0) return;
    const b = head.indexOf('(款)', a);
    const c = b >= 0 ? head.indexOf('(项)', b) : -1;
    if (b < 0 || c < 0) return;
    const cls = (/([^,;:。]*)$/.exec(head.slice(0, a))?.[1] ?? '')
      .replace(/^\d{1,2}[.、]/, '')
      .replace(/^\(\d{1,2}\)/, '');
    const kuan = head.slice(a + 3, b);
    const item = head.slice(b + 3, c);
    const table = this.section === 'general' ? 't5' : this.section === 'fund' ? 't8' : 't9';
    const r = resolveCode(this.catalogue, [cls, kuan, item]);
    const names = r.names.length === 3 ? r.names : [cls, kuan, item].map(display);
    const name = `${names[0]}（类）${names[1]}（款）${names[2]}（项）`;
    this.subject = {
      key: `${table}.${r.code ?? names.join('/')}.total`,
      name,
      ...(r.code ? { code: r.code } : {}),
    };
    this.pending = undefined;
  }

  private classSubject(label: string): Subject | undefined {
    const m = /^(.+?)\(类\)(支出)?(决算)?(为)?$/.exec(label) ?? this.bareClass(label);
    if (!m) return undefined;
    const r = resolveCode(this.catalogue, [m[1]!]);
    const name = `${r.names[0] ?? display(m[1]!)}（类）`;
    const table = this.section === 'fund' ? 't8' : this.section === 'capital' ? 't9' : 't5';
    return {
      key: `${table}.${r.code ?? r.names[0] ?? m[1]}.total`,
      name,
      ...(r.code ? { code: r.code } : {}),
    };
  }

  /**
   * A 款 or 项 named alone by its catalogue name, with 支出 after it (Guangxi: 初中教育支出 x 元): the one
   * entry of the catalogue with that name, when there is only one.
   */
  private bareItem(label: string): Subject | undefined {
    if (!this.catalogue || this.section !== 'general') return undefined;
    const name = label.replace(/(决算)?(数)?(为|是)?$/, '').replace(/支出$/, '');
    if (name.length < 4) return undefined;
    const hits =
      uniqueNames(this.catalogue).get(nameKey(name)) ??
      uniqueNames(this.catalogue).get(nameKey(`${name}支出`));
    if (!hits || hits.length !== 1 || hits[0]!.code.length === 3) return undefined;
    const e = hits[0]!;
    return { key: `t5.${e.code}.total`, name: e.name, code: e.code };
  }

  /** A 类 named without its "（类）" in a structure list: 一般公共服务支出1040.22万元，占28.95%. */
  private bareClass(label: string): RegExpExecArray | undefined {
    if (!this.catalogue || this.section !== 'general') return undefined;
    const name = label.replace(/(决算)?(数)?(为|是)?$/, '');
    if (!/支出$/.test(name)) return undefined;
    const r = resolveCode(this.catalogue, [name]);
    if (!r.code || r.code.length !== 3) return undefined;
    return [label, name] as unknown as RegExpExecArray;
  }

  private classify(label: string, wide = label): Subject | undefined {
    if (this.section === 'general' || this.section === 'fund' || this.section === 'capital') {
      const cls = this.classSubject(label);
      if (cls) return cls;
    }
    const v = lookupVocab(vocabFor(this.section, this.sub), label);
    // 一般公共预算财政拨款支出总计 is T5's total, not T4's (which adds the funds of the other two budgets).
    if (
      v?.key.startsWith('t4.expenditure') &&
      /(一般公共|政府性基金|国有资本经营)预算(财政)?拨款/.test(label)
    )
      return /一般公共/.test(label) ? lookupVocab(GENERAL, label) : undefined;
    if (v) return v;
    const item = this.bareItem(label);
    if (item) return item;
    // 收入 and 支出 are often told inside the overview (Beijing's （一）收入（二）支出), or the totals inside 收入.
    if (this.section === 'overview' || this.section === 'income' || this.section === 'expenditure') {
      const u = lookupVocab(OVERVIEW_ALL, label);
      if (u) return u;
    }
    if (this.section === 'other' && (this.sub === 'procurement' || this.sub === undefined)) {
      const w = lookupVocab(PROCUREMENT_WIDE, wide);
      if (w) return w;
    }
    if (this.section === 'performance') return lookupVocab(PERFORMANCE_WIDE, wide);
    return undefined;
  }

  /** Next year's budget of a figure, stated beside this year's final (Inner Mongolia's "三公" statements). */
  private nextBudget(s: Subject): Subject {
    if (s.key.endsWith('.nextBudget')) return s;
    return { ...s, key: `${s.key}.nextBudget`, name: `${(this.year ?? 0) + 1}年${s.name}预算` };
  }

  /** The figure a subject names, stated earlier in this section. */
  private lookup(label: string): StatedFigure | undefined {
    const s0 = this.classify(label);
    if (!s0) return undefined;
    const s = this.nextYear ? this.nextBudget(s0) : s0;
    for (let i = this.sectionFigures.length - 1; i >= 0; i--)
      if (this.sectionFigures[i]!.key === s.key) return this.sectionFigures[i];
    return undefined;
  }

  private evidence(at: number): StatedFigure['evidence'] {
    const p = positionAt(this.flow, at);
    return { page: p.page, line: p.line, text: quote(this.flow, this.sentenceStart, this.sentenceEnd) };
  }

  private emit(s0: Subject, tok: Token): StatedFigure {
    const s = this.nextYear ? this.nextBudget(s0) : s0;
    const f: StatedFigure = {
      name: s.name,
      key: s.key,
      unit: tok.unit,
      decimals: tok.decimals,
      section: this.sectionText,
      ...(s.code ? { code: s.code } : {}),
      evidence: this.evidence(tok.start),
    };
    if (tok.kind === 'amount') f.fen = tok.fen;
    else f.value = tok.num;
    this.at.set(f, tok.start);
    // A reason or comparison after a new figure belongs to it, not to one stated before.
    this.compared = undefined;
    this.figures.push(f);
    this.sectionFigures.push(f);
    return f;
  }

  private setPrior(f: StatedFigure, c: Partial<NonNullable<StatedFigure['change']>>): void {
    this.setChange(f, 'prior', c);
  }

  /**
   * A comparison of a figure. A figure compared with two bases in one sentence (完成年初预算的 x%；与上年
   * 相比增加 …; 较年初预算数 …，较上年决算数 …) is stated twice, once with each comparison.
   */
  private setChange(
    f0: StatedFigure,
    against: 'prior' | 'budget',
    c: Partial<NonNullable<StatedFigure['change']>>,
  ): void {
    let f = f0;
    if (f.change && f.change.against !== against) {
      const twin = this.figures.find(
        (g) =>
          g !== f &&
          g.key === f.key &&
          g.fen === f.fen &&
          g.evidence.text === f.evidence.text &&
          g.change?.against === against,
      );
      if (twin) f = twin;
      else {
        const { change: _drop, ...rest } = f;
        f = { ...rest, evidence: { ...f.evidence } };
        const pos = this.at.get(f0);
        if (pos !== undefined) this.at.set(f, pos);
        this.figures.push(f);
        this.sectionFigures.push(f);
      }
    }
    if (!f.change) f.change = { against };
    Object.assign(f.change, c);
    this.noteChange(f);
    const mate = this.mates.get(f);
    if (mate && (!mate.change || mate.change.against === against))
      mate.change = { ...f.change, ...(f.change.evidence ? { evidence: { ...f.change.evidence } } : {}) };
    this.compared = f;
  }

  /** Records the current sentence as evidence of the figure's comparison (added to when it runs on). */
  private noteChange(f: StatedFigure): void {
    const c = f.change;
    if (!c) return;
    const text = quote(this.flow, this.sentenceStart, this.sentenceEnd);
    if (!c.evidence) {
      if (text === f.evidence.text) return;
      const p = positionAt(this.flow, this.sentenceStart);
      c.evidence = { page: p.page, line: p.line, text: `${f.evidence.text}${text}` };
    } else if (!c.evidence.text.includes(text)) c.evidence.text += text;
  }

  /** The statement of a figure compared with `against` (the figure is stated once per base), else the figure. */
  private twinFor(
    f: StatedFigure | undefined,
    against: 'prior' | 'budget' | undefined,
  ): StatedFigure | undefined {
    if (!f || !against || !f.change || f.change.against === against) return f;
    for (let i = this.sectionFigures.length - 1; i >= 0; i--) {
      const g = this.sectionFigures[i]!;
      if (g !== f && g.key === f.key && g.fen === f.fen && g.change?.against === against) return g;
    }
    return f;
  }

  private budgetDirection(text: string): boolean {
    const m = BUDGET_DIRECTION_RE.exec(text);
    if (!m) return false;
    const f =
      this.compared?.change?.against === 'budget'
        ? this.compared
        : this.current?.change?.against === 'budget'
          ? this.current
          : undefined;
    if (f?.change) {
      f.change.direction = m[3] === '与' ? '持平' : m[1]!;
      this.noteChange(f);
    }
    return true;
  }

  /**
   * The figure a change against last year belongs to when the last figure named is a budget: 支出 a 万元，年初预算数
   * 为 b 万元，…。比上年增加 c 万元 compares the final figure with last year's (a comparison of budgets names 上年预算).
   */
  private valueOfBudget(f: StatedFigure): StatedFigure {
    const m = /\.(budget|annualBudget)$/.exec(f.key);
    if (!m) return f;
    const key = f.key.slice(0, m.index);
    for (let i = this.sectionFigures.length - 1; i >= 0; i--) {
      const g = this.sectionFigures[i]!;
      if (g.key === key && g.fen !== undefined) return g;
    }
    return f;
  }

  /** A stated amount: a change, a budget comparison, a base, a budget, a final figure or a figure of its own. */
  private amount(
    tok: Token,
    raw: string,
    wide: string,
    compareTarget: StatedFigure | undefined,
  ): StatedFigure | undefined {
    const label = this.clean(raw);
    const pc = this.pairChange;
    if (pc && pc.amounts === 1 && label === '') {
      const t = pc.targets[1]!;
      this.setPrior(t, {
        direction: pc.direction,
        amount: tok.fen!,
        amountDecimals: tok.decimals,
        amountText: tok.num,
      });
      pc.amounts = 2;
      return t;
    }
    // A change: 增加 26.58 万元 / 比上年决算减少 0.26 万元 / 收入支出总计增加 307.82 万元.
    const dm = DIRECTION_END_RE.exec(label);
    if (dm) return this.amountOfChange(tok, label, dm, compareTarget);
    // 决算数小于预算数 6.26 万元: the budget comparison of the figure before, with its amount.
    const bd = /决算数?(大于|小于|高于|低于|超过|超)(年初|全年)?预算数?$/.exec(label);
    if (bd) {
      const t = this.amountAgainstBudget(tok, bd);
      if (t) return t;
    }
    const based = this.amountAsBase(tok, label, compareTarget);
    if (based) return based;
    if (this.amountAsBudget(tok, label) || this.amountAsFinal(tok, label)) return undefined;
    this.amountOfItsOwn(tok, label, wide);
    return undefined;
  }

  /** 增加 a 万元 after a subject, or after the figure compared: last year's change, or the budget's. */
  private amountOfChange(
    tok: Token,
    label: string,
    dm: RegExpExecArray,
    compareTarget: StatedFigure | undefined,
  ): StatedFigure | undefined {
    const beforeRaw = label.slice(0, dm.index);
    const budget =
      BUDGET_COMPARE_RE.test(beforeRaw) || (!COMPARE_RE.test(beforeRaw) && this.clauseBase === 'budget');
    const before = beforeRaw
      .replace(BUDGET_COMPARE_RE, '')
      .replace(COMPARE_RE, '')
      .replace(/[,，]$/, '');
    const both = /^(收、?支|收入、?支出)(总计)?(均|各)?$/.test(before) ? this.bothTotals() : undefined;
    if (both && !budget) {
      // 各减少 a、b 万元: the first amount is the income total's, the second the expenditure total's.
      if (both.length === 2 && /^[、,]-?\d/.test(this.flow.text.slice(tok.end, tok.end + 2))) {
        this.setPrior(both[0]!, {
          direction: dm[1]!,
          amount: tok.fen!,
          amountDecimals: tok.decimals,
          amountText: tok.num,
        });
        this.pairChange = { targets: both, direction: dm[1]!, amounts: 1, rates: 0 };
        return both[0];
      }
      for (const t of both)
        this.setPrior(t, {
          direction: dm[1]!,
          amount: tok.fen!,
          amountDecimals: tok.decimals,
          amountText: tok.num,
        });
      this.compared = both[0];
      if (both[1]) this.mates.set(both[0]!, both[1]);
      return both[0];
    }
    const target =
      (before ? this.lookup(before) : undefined) ??
      compareTarget ??
      (before ? undefined : this.listHead()) ??
      this.current;
    if (target && budget && /增加|减少|增长|下降|降低|上升/.test(dm[1]!) && target.fen !== undefined) {
      // 较年初预算数减少 a 万元: the budget is the final figure ± a.
      const up = /增加|增长|上升/.test(dm[1]!);
      const base = up ? target.fen - tok.fen! : target.fen + tok.fen!;
      this.setChange(target, 'budget', {
        direction: dm[1]!,
        amount: tok.fen!,
        amountDecimals: tok.decimals,
        amountText: tok.num,
        base: base as Fen,
        baseDecimals: Math.max(tok.decimals, target.decimals ?? 2),
        baseLabel: '年初预算',
      });
      return target;
    }
    const priorTarget = target && !/预算/.test(beforeRaw) ? this.valueOfBudget(target) : target;
    if (priorTarget)
      this.setPrior(priorTarget, {
        direction: dm[1]!,
        amount: tok.fen!,
        amountDecimals: tok.decimals,
        amountText: tok.num,
      });
    return target;
  }

  /** 决算数小于预算数 a 万元: the figure it compares (undefined: none with an amount, the amount is read on). */
  private amountAgainstBudget(tok: Token, bd: RegExpExecArray): StatedFigure | undefined {
    let t = this.compared?.change?.against === 'budget' ? this.compared : (this.compared ?? this.current);
    // 支出 a 万元，年初预算数为 b 万元，决算数小于年初预算数 c 万元: the final figure's comparison, not the budget's.
    const budgetFigure = t && /\.(budget|annualBudget)$/.test(t.key) ? t : undefined;
    const value = budgetFigure ? this.valueOfBudget(budgetFigure) : undefined;
    const printedBase = value && value !== budgetFigure ? budgetFigure : undefined;
    if (printedBase) t = value;
    if (!t || t.fen === undefined) return undefined;
    const up = /大于|高于|超/.test(bd[1]!);
    const fields: Partial<NonNullable<StatedFigure['change']>> = {
      direction: bd[1]!,
      amount: tok.fen!,
      amountDecimals: tok.decimals,
      amountText: tok.num,
    };
    const has = t.change?.against === 'budget' && t.change.base !== undefined;
    if (!has) {
      fields.base = printedBase?.fen ?? ((up ? t.fen - tok.fen! : t.fen + tok.fen!) as Fen);
      fields.baseDecimals = printedBase?.decimals ?? Math.max(tok.decimals, t.decimals ?? 2);
      fields.baseLabel = bd[2] === '全年' ? '全年预算' : '年初预算';
    }
    this.setChange(t, 'budget', fields);
    return t;
  }

  /** The base of a comparison: 上年决算数为 x 万元, or 比年初预算数 b 万元（减少 c 万元）; undefined: neither. */
  private amountAsBase(
    tok: Token,
    label: string,
    compareTarget: StatedFigure | undefined,
  ): StatedFigure | undefined {
    // Last year's figure stated: 上年决算数为 x 万元 / 比上年累计支出 x 万元（下降 c 万元）.
    if (
      /^(比|较|与)?上年(度)?(累计)?(支出)?(决算)?(数)?(为)?$/.test(label) &&
      (compareTarget ?? this.current)
    ) {
      const t = (compareTarget ?? this.current)!;
      this.setPrior(t, { base: tok.fen!, baseDecimals: tok.decimals, baseLabel: '上年' });
      return t;
    }
    // The budget named as the base of a comparison: 决算 a 万元，比年初预算数 b 万元减少 c 万元.
    const baseBm = /^(比|较|与)(年初|全年)?预算(数)?$/.exec(label);
    if (baseBm && (compareTarget ?? this.current)?.fen !== undefined && !this.nextYear) {
      const t = (compareTarget ?? this.current)!;
      this.setChange(t, 'budget', {
        base: tok.fen!,
        baseDecimals: tok.decimals,
        baseLabel: baseBm[2] === '全年' ? '全年预算' : '年初预算',
      });
      return t;
    }
    return undefined;
  }

  /** A budget: 年初预算数 190.41 万元 / 全年预算为 52.00 万元 / "三公"经费支出全年预算数. False: not a budget. */
  private amountAsBudget(tok: Token, label: string): boolean {
    const bm = /(年初预算|全年预算|预算)(数)?(总计|合计|总额)?(安排)?(为|是)?$/.exec(label);
    if (!bm || /^(决算|支出决算)/.test(label)) return false;
    const before = label.slice(0, bm.index).replace(/的$/, '');
    const subject = before ? this.classify(before) : this.pendingSubject();
    if (!subject) return false;
    if (this.nextYear) {
      // Next year's budget: a figure of its own, not this year's budget column.
      this.current = this.emit(subject, tok);
      return true;
    }
    const annual = bm[1] === '全年预算';
    const bf = this.emit(
      {
        ...subject,
        key: budgetKey(subject.key, annual),
        name: `${subject.name}${annual ? '全年预算数' : '年初预算数'}`,
      },
      tok,
    );
    if (!this.pending || this.pending.subject.key !== subject.key) this.pending = { subject };
    this.pending[annual ? 'annual' : 'budget'] = { fen: tok.fen!, decimals: tok.decimals };
    this.current = bf;
    return true;
  }

  /** The final figure after its budget, or an item's 支出决算数为. False: not one. */
  private amountAsFinal(tok: Token, label: string): boolean {
    if (!/^(支出)?决算(数)?(为|是)?$/.test(label) && !(/^(支出|决算)$/.test(label) && this.subject))
      return false;
    const subject = this.pendingSubject();
    if (!subject) return false;
    const f = this.emit(subject, tok);
    this.attachBudget(f);
    this.current = f;
    return true;
  }

  /** A figure of its own: one of a pair, the second of a pair stated before, a classified or an unclassified one. */
  private amountOfItsOwn(tok: Token, label: string, wide: string): void {
    const listNext = /^[、,]-?\d/.test(this.flow.text.slice(tok.end, tok.end + 2));
    const pair = this.paired(label) ?? (listNext ? this.listedItems(label) : undefined);
    if (pair) {
      const items = (pair as readonly (Subject | undefined)[]).filter((x): x is Subject => x !== undefined);
      const [first, ...rest] = items;
      const f = this.emit(first!, tok);
      if (rest.length > 0 && /各是|各为|分别为|分别是|分别$|各$/.test(label) && listNext)
        this.pairQueue = rest;
      else if (pair[1]) this.mates.set(f, this.emit(pair[1], tok));
      this.current = f;
      return;
    }
    const queued = this.pairQueue.shift();
    if (queued && label === '') {
      const f = this.emit(queued, tok);
      if (!listNext) this.pairQueue = [];
      this.current = f;
      return;
    }
    this.pairQueue = [];
    const subject = this.itemBreakdown(this.classify(label, wide) ?? this.valueOf(label), label);
    if (subject) {
      const f = this.emit(subject, tok);
      if (this.pending?.subject.key === subject.key) this.attachBudget(f);
      this.current = f;
      return;
    }
    this.current = this.emit(
      { key: `unclassified.${this.section}`, name: display(label) || '未识别的金额' },
      tok,
    );
  }

  /**
   * 基本支出 and 项目支出 listed under an item of the same sentence (机构运行 a 元，其中：基本支出 b 元，项目支出 c 元;
   * Guangxi lists every 项 so) are the item's columns, not the unit's totals: a coded 项 keeps them in its row,
   * another item's go unclassified. A total before 其中 (本年支出合计, 一般公共预算拨款支出) keeps the totals.
   */
  private itemBreakdown(s: Subject | undefined, label: string): Subject | undefined {
    const col =
      (s ? /^t3\.total\.(basic|project)$/.exec(s.key)?.[1] : undefined) ??
      (!s && this.section === 'general'
        ? BREAKDOWN_LABELS[/^(基本支出|项目支出)(决算)?(数)?(为)?$/.exec(label)?.[1] ?? '']
        : undefined);
    const p = this.parent;
    const at = p && this.at.get(p);
    if (!col || !p || at === undefined || at < this.sentenceStart) return s;
    const name = col === 'basic' ? glossaryName('basicExpenditure') : glossaryName('projectExpenditure');
    const row = /^(t5|t8|t9)\.([^.]+)\.total$/.exec(p.key);
    // 一般公共预算财政拨款支出 a 万元，其中：基本支出 b 万元: T5's 合计 row, when told in its own section.
    if (row && (row[2] !== 'total' || !s)) {
      const key = `${row[1]}.${row[2]}.${col}`;
      if (key === 't5.total.basic') return { key, name: glossaryName('generalBudgetBasicExpenditure') };
      return { key, name: `${p.name}${name}`, ...(p.code ? { code: p.code } : {}) };
    }
    const totalLike = /合计|总计|总额|共计|本年|全年|(本|我|该)(单位|部门)|总支出|^支出|预算|拨款|财政/;
    if (p.key.startsWith('unclassified.') && !totalLike.test(p.name))
      return { key: p.key, name: `${p.name}的${name}` };
    return s;
  }

  /** The items still to take a figure of a list (收入总计、支出总计分别为 a 万元、b 万元): one each, in order. */
  private pairQueue: Subject[] = [];
  /**
   * Two totals compared with two amounts and two rates (收、支总计各减少 a、b 万元，各下降 x%、y%): the figures, and
   * which of them takes the next amount or rate.
   */
  private pairChange:
    | {
        targets: readonly StatedFigure[];
        direction: string;
        amounts: number;
        rates: number;
        rateWord?: string;
      }
    | undefined;
  /** Staff counts of the 事业 establishment stated after the unit's (Beijing), not the unit's own. */
  private staffScope: 'business' | undefined;
  /** The other figure of a pair stated by one amount (收、支总计各 x): a comparison of one is of both. */
  private readonly mates = new WeakMap<StatedFigure, StatedFigure>();

  /**
   * One amount for two figures: 收、支总计各 x / 收、支总计均为 x / 收支总计 x (both totals), or the first
   * of two: 本年收入、本年支出合计各是 a、b.
   */
  private paired(label: string): [Subject, Subject?] | undefined {
    const fiscal = /财政拨款/.test(label) || this.section === 'fiscal';
    if (
      /(收、支|收入、支出|收支)总计(各|均|分别)?(为|是)?$|收入总计、?支出总计(各|均|分别)?(为|是)?$/.test(
        label,
      )
    ) {
      return fiscal
        ? [
            { key: 't4.incomeGrandTotal.total', name: glossaryName('fiscalIncomeGrandTotal') },
            { key: 't4.expenditureGrandTotal.total', name: glossaryName('fiscalExpenditureGrandTotal') },
          ]
        : [
            { key: 't1.incomeGrandTotal', name: glossaryName('incomeGrandTotal') },
            { key: 't1.expenditureGrandTotal', name: glossaryName('expenditureGrandTotal') },
          ];
    }
    if (/本年收入(合计)?、?(本年)?支出合计(各|均|分别)?(为|是)?$/.test(label) && !fiscal)
      return [
        { key: 't1.incomeTotal', name: glossaryName('incomeTotal') },
        { key: 't1.expenditureTotal', name: glossaryName('expenditureTotal') },
      ];
    return undefined;
  }

  /**
   * Items listed before 分别为 / 各为 (基本支出、项目支出分别为 a 万元、b 万元): each named as the section names its
   * figures; undefined unless every item is.
   */
  private listedItems(label: string): Subject[] | undefined {
    const m = /^(.+?)(分别|各)(为|是)?$/.exec(label);
    if (!m) return undefined;
    const names = m[1]!.split(/、|和|及|与/).filter((n) => n !== '');
    if (names.length < 2) return undefined;
    const subjects = names.map((n) => this.classify(n));
    return subjects.every((x): x is Subject => x !== undefined) ? subjects : undefined;
  }

  /** The grand totals of income and expenditure stated last in this section (收支较上年决算数减少 …). */
  private bothTotals(): StatedFigure[] | undefined {
    const keys =
      this.section === 'fiscal'
        ? ['t4.incomeGrandTotal.total', 't4.expenditureGrandTotal.total']
        : ['t1.incomeGrandTotal', 't1.expenditureGrandTotal'];
    const out = keys
      .map((k) => [...this.sectionFigures].reverse().find((f) => f.key === k))
      .filter((f): f is StatedFigure => f !== undefined);
    return out.length ? out : undefined;
  }

  /** 价值 after 房屋 or 车辆. */
  private valueOf(label: string): Subject | undefined {
    if (!/^价值(为)?$/.test(label)) return undefined;
    if (this.countGroup === 'building')
      return { key: 'assets.buildingValue', name: glossaryName('buildingValue') };
    if (this.countGroup === 'vehicles')
      return { key: 'assets.vehicles.value', name: glossaryName('vehicleValue') };
    return undefined;
  }

  private pendingSubject(): Subject | undefined {
    return this.pending?.subject ?? this.subject ?? this.sectionSubject();
  }

  /** What a bare 支出决算为 refers to when no 项 or budget named it: the section's total. */
  private sectionSubject(): Subject | undefined {
    // A page that starts mid-section (an excerpt, no heading read yet): a bare 支出决算为 before any figure
    // continues a sentence of the page before, whose subject (often a 项) is not printed here.
    if (this.sectionText === '' && this.sectionFigures.length === 0) return undefined;
    if (this.section === 'general')
      return { key: 't5.total.total', name: glossaryName('generalBudgetExpenditure') };
    if (this.section === 'threePublic')
      return { key: 'threePublic.total', name: glossaryName('threePublicTotal') };
    return undefined;
  }

  private attachBudget(f: StatedFigure): void {
    const p = this.pending;
    if (!p || p.subject.key !== f.key) return;
    const base = p.budget ?? p.annual;
    if (!base) return;
    f.change = {
      against: 'budget',
      base: base.fen,
      baseDecimals: base.decimals,
      baseLabel: p.budget ? '年初预算' : '全年预算',
    };
    this.compared = f;
    this.pending = undefined;
  }

  private percent(tok: Token, label: string): void {
    const ratio = tok.ratio!;
    const text = tok.num + '%';
    if (/占/.test(label)) {
      this.share(tok, label, ratio, text);
      return;
    }
    const budgetFig =
      this.compared?.change?.against === 'budget'
        ? this.compared
        : this.current?.change?.against === 'budget'
          ? this.current
          : undefined;
    if (/差异率|差异$/.test(label)) {
      if (budgetFig?.change) {
        Object.assign(budgetFig.change, { rate: ratio, rateText: text, rateDecimals: tok.decimals });
        this.noteChange(budgetFig);
      }
      return;
    }
    if (this.pairRate(tok, label, ratio, text)) return;
    const cm = /完成(了)?(.*?)的?$/.exec(label);
    if (cm) this.completion(tok, cm, budgetFig, ratio, text);
    else this.rateOfChange(tok, label, budgetFig, ratio, text);
  }

  /** 各下降 x%、y% after 各减少 a、b 万元: the first rate is the first total's, the second the other's. */
  private pairRate(tok: Token, label: string, ratio: Ratio, text: string): boolean {
    const pc = this.pairChange;
    if (!pc || pc.amounts !== 2) return false;
    const dm = DIRECTION_END_RE.exec(label);
    const word =
      pc.rates === 0 && dm && /^各/.test(label)
        ? dm[1]!
        : pc.rates === 1 && label === ''
          ? pc.rateWord
          : undefined;
    if (word === undefined) return false;
    this.setPrior(pc.targets[pc.rates]!, {
      rateDirection: word,
      rate: ratio,
      rateText: text,
      rateDecimals: tok.decimals,
    });
    pc.rateWord = word;
    pc.rates++;
    return true;
  }

  /** 占… x%: the share of the figure before, with its denominator. */
  private share(tok: Token, label: string, ratio: Ratio, text: string): void {
    const f = this.current;
    if (!f) return;
    const of = /占(.*?)的?$/.exec(label)?.[1]?.replace(/的$/, '') ?? '';
    const baseKey = this.shareBase(of);
    f.share = {
      ratio,
      text,
      decimals: tok.decimals,
      ...(of ? { of: display(of) } : {}),
      ...(baseKey ? { baseKey } : {}),
    };
  }

  /** 完成年初预算 x%: the completion of the budget, of the budget comparison or of the figure before. */
  private completion(
    tok: Token,
    cm: RegExpExecArray,
    budgetFig: StatedFigure | undefined,
    ratio: Ratio,
    text: string,
  ): void {
    const of = /全年预算/.test(cm[2] ?? '') ? '全年预算' : /年初预算/.test(cm[2] ?? '') ? '年初预算' : '预算';
    if (!budgetFig && (this.compared ?? this.current)) {
      // 完成年初预算97.89% after a comparison with last year: the figure's comparison with its budget,
      // whose amount the sentence does not give.
      const f = (this.compared ?? this.current)!;
      this.setChange(f, 'budget', {
        completion: ratio,
        completionText: text,
        completionDecimals: tok.decimals,
        completionOf: of,
      });
      return;
    }
    if (budgetFig?.change) {
      Object.assign(budgetFig.change, {
        completion: ratio,
        completionText: text,
        completionDecimals: tok.decimals,
        completionOf: of,
      });
      this.noteChange(budgetFig);
    }
  }

  /** 增长 x% / 下降 x%: the budget variance rate after its amount, or the rate of the change against last year. */
  private rateOfChange(
    tok: Token,
    label: string,
    budgetFig: StatedFigure | undefined,
    ratio: Ratio,
    text: string,
  ): void {
    const dm = DIRECTION_END_RE.exec(label);
    if (!dm) return;
    if (
      budgetFig?.change &&
      budgetFig === this.compared &&
      budgetFig.change.amount !== undefined &&
      budgetFig.change.rate === undefined
    ) {
      // 较年初预算数减少 a 万元、下降 b%: the budget variance rate, signed.
      const down = /减少|下降|降低|降幅|下降率/.test(dm[1]!);
      let signed = ratio;
      try {
        signed = down ? parsePercent(`-${tok.num}%`) : ratio;
      } catch {
        /* keep the printed one */
      }
      Object.assign(budgetFig.change, { rate: signed, rateText: text, rateDecimals: tok.decimals });
      this.noteChange(budgetFig);
      return;
    }
    const f = this.compared?.change?.against === 'prior' ? this.compared : this.current;
    if (f)
      this.setPrior(f, { rateDirection: dm[1]!, rate: ratio, rateText: text, rateDecimals: tok.decimals });
  }

  /** The denominator of a share: named (占本年支出合计的) or by the section's convention. */
  private shareBase(of: string): string | undefined {
    if (of) {
      if (containsLabel(of, 'expenditureTotal')) return 't1.expenditureTotal';
      if (containsLabel(of, 'incomeTotal')) return 't1.incomeTotal';
      if (/政府采购/.test(of)) return 'procurement.total';
      if (/三公/.test(of)) return 'threePublic.total';
      if (containsLabel(of, 'generalBudgetExpenditure')) return 't5.total.total';
      return this.classify(this.clean(of))?.key;
    }
    switch (this.section) {
      case 'income':
        return 't1.incomeTotal';
      case 'expenditure':
        return 't1.expenditureTotal';
      case 'general':
        return 't5.total.total';
      case 'threePublic':
        return 'threePublic.total';
      default:
        return this.sub === 'procurement' ? 'procurement.total' : this.parent?.key;
    }
  }

  private count(tok: Token, label: string, wide: string, after: string): void {
    const u = tok.unit;
    let s: Subject | undefined;
    if (this.section === 'profile') s = this.profileCount(u, label, after);
    else if (this.section === 'threePublic') s = this.threePublicCount(u, label, after);
    else if (this.section === 'other') s = this.assetCount(u, label);
    else if (this.section === 'performance' && u === '个') s = performanceCount(label, wide, after);
    if (s) this.current = this.emit(s, tok);
  }

  /** Staff counts and the number of internal divisions in the unit's profile. */
  private profileCount(u: Token['unit'], label: string, after: string): Subject | undefined {
    // 行政编制161人，实有人数155人；事业编制0人，实有人数0人: the second pair counts the 事业 staff
    // only, not the unit's (the unit's are the first ones stated).
    if (u === '人' && /事业编制(数)?(为)?$/.test(label)) this.staffScope = 'business';
    else if (u === '人' && /(行政|参公)编制(数)?(为)?$/.test(label)) this.staffScope = undefined;
    if (
      u === '人' &&
      this.staffScope === 'business' &&
      this.figures.some((f) => f.key.startsWith('unit.staff.'))
    )
      return undefined;
    if (u === '人') {
      if (endsWithLabel(label, 'staffActual'))
        return { key: 'unit.staff.actual', name: glossaryName('staffActual') };
      if (endsWithLabel(label, 'staffRetiredCadre'))
        return { key: 'unit.staff.retiredCadre', name: glossaryName('staffRetiredCadre') };
      if (endsWithLabel(label, 'staffRetired'))
        return { key: 'unit.staff.retired', name: glossaryName('staffRetired') };
      if (endsWithLabel(label, 'staffActive'))
        return { key: 'unit.staff.active', name: glossaryName('staffActive') };
      if (endsWithLabel(label, 'staffAuthorised'))
        return { key: 'unit.staff.authorised', name: glossaryName('staffAuthorised') };
      return undefined;
    }
    if (
      u === '个' &&
      /(下设|内设|设置?|共有|设有)$/.test(label) &&
      /^(处室|科室|股室|部门|内设|机构|职能科室|办公室|站所)/.test(after)
    )
      return { key: 'unit.divisionCount', name: glossaryName('divisionCount') };
    return undefined;
  }

  /** Groups and people abroad, reception batches and people, vehicles bought and held (三公经费). */
  private threePublicCount(u: Token['unit'], label: string, after: string): Subject | undefined {
    if (u === '个' && (/团组$/.test(label) || /^团组/.test(after))) {
      this.countGroup = 'abroad';
      return { key: 'threePublic.abroadGroups', name: glossaryName('abroadGroups') };
    }
    if (
      u === '人次' &&
      (/(因公出国\(境\)|累计|出国\(境\))$/.test(label) || (label === '' && this.countGroup === 'abroad'))
    )
      return { key: 'threePublic.abroadPeople', name: glossaryName('abroadPeople') };
    if (/外事接待$/.test(label)) {
      // 外事接待 is counted apart from 国内公务接待 (central publications).
      this.countGroup = undefined;
      return undefined;
    }
    if ((u === '批次' && /(公务)?接待$/.test(label)) || (u === '个' && /接待批次(为|是)?$/.test(label))) {
      this.countGroup = 'reception';
      return { key: 'threePublic.receptionBatches', name: glossaryName('receptionBatches') };
    }
    if (
      (u === '人次' || u === '人') &&
      (label === '' || /(累计|约|接待人次(为|是)?|接待人数(为|是)?)$/.test(label)) &&
      this.countGroup === 'reception'
    )
      return { key: 'threePublic.receptionPeople', name: glossaryName('receptionPeople') };
    if (u === '辆' && /购置(数)?(量)?(为)?$/.test(label))
      return { key: 'threePublic.vehiclesPurchased', name: glossaryName('vehiclesPurchased') };
    if (u === '辆' && /保有量(为)?$/.test(label))
      return { key: 'threePublic.vehiclesHeld', name: glossaryName('vehiclesHeld') };
    return undefined;
  }

  /** Building area, vehicles by category and equipment over 1 million (其他重要事项). */
  private assetCount(u: Token['unit'], label: string): Subject | undefined {
    if (u === '平方米' && /房屋(面积)?$/.test(label)) {
      this.countGroup = 'building';
      return { key: 'assets.buildingArea', name: glossaryName('buildingArea') };
    }
    if (u === '辆') {
      const cat = lookupVocab(VEHICLE_CATEGORIES, label);
      if (cat) return cat;
      if (/车辆(总数)?$/.test(label)) {
        this.countGroup = 'vehicles';
        return { key: 'assets.vehicles.total', name: spokenName('vehiclesTotal') };
      }
      return undefined;
    }
    if ((u === '台(套)' || u === '台' || u === '套') && /设备(\(不含车辆\))?$/.test(label))
      return { key: 'assets.equipmentOver1m', name: spokenName('equipmentOver1m') };
    return undefined;
  }
}

/** The number of projects with performance targets, tracked or evaluated (预算绩效管理). */
function performanceCount(label: string, wide: string, after: string): Subject | undefined {
  if (/评级|问题|整改/.test(wide)) return undefined;
  if (!(/项目$/.test(label) || (/对$/.test(label) && /^项目/.test(after)))) return undefined;
  if (/绩效目标/.test(wide))
    return { key: 'performance.targetProjects', name: glossaryName('performanceTargetProjects') };
  if (/跟踪/.test(wide))
    return { key: 'performance.trackedProjects', name: glossaryName('performanceTrackedProjects') };
  return { key: 'performance.evaluatedProjects', name: glossaryName('evaluatedProjects') };
}

/**
 * The year most sentences name ("2024年度…"), for a page or section printed without its title. A year named as
 * the base of a comparison (较2022年度决算数, 与2022年相比) counts for the year after it: a page of item-by-item
 * comparisons names last year more often than its own.
 */
function yearOfText(text: string): number | undefined {
  const n = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)(20\d{2})年度?(?![初末\d])/g)) {
    const base = /(?:与|比|较|同)\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    const y = Number(m[1]) + (base ? 1 : 0);
    n.set(y, (n.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, c] of n) if (best === undefined || c > n.get(best)!) best = y;
  return best;
}

/** Reads the narrative: the figures, the sections, the year and unit from the title. */
export function readNarrative(doc: TextDocument, options: ExtractOptions = {}): NarrativeReading {
  const flow = buildFlow(doc);
  const sections = sectionsOfFlow(flow);
  const year = options.year ?? sections.title?.year ?? yearOfText(flow.text);
  const unit = sections.title?.unit;
  const catalogue = options.catalogue ?? catalogueFor(year);
  const r = new Reader(flow, sections, unit, catalogue, year);
  // The profile part (staff counts), then each narrative section in order, by heading or by vocabulary.
  const profile = sections.parts.find((p) => p.id === 'profile');
  const ranges = [...sections.sections, ...sections.inferred].sort((a, b) => a.start - b.start);
  const first = ranges[0];
  if (profile) r.readRange('profile', profile.text, profile.bodyStart, profile.bodyEnd);
  else if (first) r.readRange('profile', '', 0, first.start);
  for (const s of ranges) r.readRange(s.id, s.text, s.bodyStart, s.bodyEnd);
  return {
    figures: r.figures,
    sections,
    flow,
    ...(year !== undefined ? { year } : {}),
    ...(unit ? { unit } : {}),
  };
}

/** Every figure the narrative states, with its name, key, value, comparisons and evidence. */
export function extractFigures(doc: TextDocument, options: ExtractOptions = {}): StatedFigure[] {
  return readNarrative(doc, options).figures;
}
