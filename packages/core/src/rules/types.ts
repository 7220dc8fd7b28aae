/**
 * Rules are data: each declares its id (= file name), title, severity, category, official basis and a
 * `check` function. Findings are data too; a rule that cannot run says so and never counts as passed.
 */
import type { CatalogueSet } from '../classification/catalogue.ts';
import type { InputNeed } from '../errors.ts';
import type { Disclosure, Row } from '../model/disclosure.ts';
import type { TableId } from '../model/tables.ts';
import type { RuleSettings } from '../profiles/rule-settings.ts';

export const Severity = { Error: 'error', Warning: 'warning', Info: 'info' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/** Which part of the publication a rule looks at; findings are grouped by it. */
export const RuleCategory = {
  T1: 't1',
  T2: 't2',
  T3: 't3',
  T4: 't4',
  T5: 't5',
  T6: 't6',
  T7: 't7',
  T8: 't8',
  T9: 't9',
  Carryover: 'carryover',
  Codes: 'codes',
  Reasons: 'reasons',
  Statements: 'statements',
  OtherMatters: 'other-matters',
  Performance: 'performance',
  Profile: 'profile',
  Narrative: 'narrative',
  Document: 'document',
  Amounts: 'amounts',
} as const;
export type RuleCategory = (typeof RuleCategory)[keyof typeof RuleCategory];

export const CATEGORY_LABEL: Readonly<Record<RuleCategory, string>> = {
  t1: '表一 收入支出决算总表',
  t2: '表二 收入决算表',
  t3: '表三 支出决算表',
  t4: '表四 财政拨款收入支出决算总表',
  t5: '表五 一般公共预算财政拨款支出决算表',
  t6: '表六 一般公共预算财政拨款基本支出决算表',
  t7: '表七 财政拨款“三公”经费支出决算表',
  t8: '表八 政府性基金预算财政拨款收入支出决算表',
  t9: '表九 国有资本经营预算财政拨款收入支出决算表',
  carryover: '结转和结余的年度衔接',
  codes: '科目编码与名称',
  reasons: '变动原因说明',
  statements: '空表与无此项说明',
  'other-matters': '其他重要事项（机关运行经费、政府采购、国有资产）',
  performance: '预算绩效与项目支出绩效自评表',
  profile: '单位概况',
  narrative: '情况说明文字（审查公开文件）',
  document: '文件本身（审查公开文件）',
  amounts: '金额的写法（小数位数）',
};

/** A cell of a table: row key (fixed id or code), column id, and which figure (本年/上年/预算). */
export interface CellRef {
  table: TableId;
  row: string;
  column: string;
  which?: 'value' | 'prior' | 'budget';
  /**
   * The row itself, when the check that made the reference holds it already (the row of `row` in `table`):
   * saves looking it up again for the figure and the label. Never part of a finding.
   */
  at?: Row;
}

/**
 * Where a finding points: a table cell, a field outside the tables, or a span of document text.
 * Plain data: it survives `structuredClone` and a JSON round trip unchanged.
 */
export interface Location {
  table?: TableId;
  row?: string;
  column?: string;
  which?: 'value' | 'prior' | 'budget';
  /** Field path in the data file for non-table figures, e.g. `procurement.total`. */
  field?: string;
  /** Human label, e.g. 表五「合计」行「基本支出」列, or 第 3 页第 12 行. */
  label: string;
  /** Page of the document, 1-based (document findings). */
  page?: number;
  /** Line in the data file, or in the document (on its page when `page` is set), 1-based, when known. */
  line?: number;
  /** The document text the finding is about, quoted as printed. */
  quote?: string;
  /** The figure as printed, when there is one. */
  value?: string;
}

/**
 * One finding, data or document alike. A plain object built when the rule reports it: no getters, no
 * class, so it survives `structuredClone`, `postMessage` to a worker and `JSON.parse(JSON.stringify())`.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  category: RuleCategory;
  /** The message in Chinese, filled in from the rule's template when `messageId` is set. */
  message: string;
  /** Key of the template in the rule's `messages`, when the message came from one. */
  messageId?: string;
  location: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  /** 'rounding' when a sum holds only within the rounding tolerance. */
  kind?: 'rounding';
}

export const NotRunReason = {
  InsufficientData: 'insufficient-data',
  NotApplicable: 'not-applicable',
} as const;
export type NotRunReason = (typeof NotRunReason)[keyof typeof NotRunReason];

export interface NotRun {
  rule: string;
  reason: NotRunReason;
  /** What was missing or why the rule does not apply, in Chinese. */
  detail: string;
  /** What the user can supply so that the rule runs, when the rule knows (a front end says how). */
  need?: InputNeed | undefined;
}

/** Values put into a message template: `{name}` is replaced by `data.name`. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta {
  /** Equals the file name without `.ts`. */
  id: string;
  title: string;
  severity: Severity;
  category: RuleCategory;
  /** The official rule this enforces: document and article, or DOMAIN.md section. */
  basis: string;
  /** One or two sentences for docs/rules.md. */
  description: string;
  /** Message templates by id, e.g. `{ 'sum-mismatch': '{what}：{left} ≠ {right}' }`; placeholders `{name}`. */
  messages?: Readonly<Record<string, string>>;
  /**
   * What the rule reads: `data` the disclosure model (the data file under validate, the model rebuilt from the
   * document under audit), `document` the published document's text (audit only), `both` the document's text
   * against the tables read from it. Absent means `data`.
   */
  appliesTo?: AppliesTo;
}

export const AppliesTo = { Data: 'data', Document: 'document', Both: 'both' } as const;
export type AppliesTo = (typeof AppliesTo)[keyof typeof AppliesTo];

export const APPLIES_TO_LABEL: Readonly<Record<AppliesTo, string>> = {
  data: '数据（validate 检查数据文件，audit 检查由公开文件重建的数据）',
  document: '公开文件（audit）',
  both: '公开文件及从中读出的表格（audit）',
};

/** What a rule runs on (`data` when its meta does not say). */
export function ruleAppliesTo(meta: Pick<RuleMeta, 'appliesTo'>): AppliesTo {
  return meta.appliesTo ?? 'data';
}

/**
 * What a rule reports: a ready message, or a template id of its `messages` with the values to fill in.
 * Everything is plain values, built once when the rule reports (a finding is data, not deferred work).
 */
export type ReportInput = ReportBase &
  (
    | { message: string; messageId?: string; data?: undefined }
    | { messageId: string; data?: MessageData; message?: undefined }
  );

interface ReportBase {
  location: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  kind?: 'rounding';
}

export interface RuleContext {
  readonly d: Disclosure;
  readonly catalogues: CatalogueSet;
  readonly settings: RuleSettings;
  /** Last year's disclosure when given (`--previous`): the carried-figure rules compare with it. */
  readonly previous?: Disclosure | undefined;
  report(f: ReportInput): void;
  /** One check of this rule ran (pass or fail). */
  ran(): void;
  /**
   * One check could not run because data is missing; `detail` says what (a function is called only if shown),
   * `need` what input would let it run.
   */
  insufficient(detail: string | (() => string), need?: InputNeed): void;
  /** The rule does not apply to this unit (e.g. no projects evaluated); `need`, what input would make it apply. */
  notApplicable(detail: string, need?: InputNeed): void;
  /**
   * A value derived from the disclosure that several rules of this run read (the code rows grouped by code …):
   * made by `make` the first time `key` is asked for in the run, then shared, and dropped with the run.
   */
  shared<T>(key: object, make: (d: Disclosure) => T): T;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export interface RuleOutcome {
  findings: Finding[];
  notRun: NotRun[];
  /** Rules that ran some checks but had to skip others for missing data. */
  partial: NotRun[];
  summary: { error: number; warning: number; info: number; rules: number; notRun: number };
}

/** Severity overrides from a config file: rule id → severity or 'off'. */
export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;
