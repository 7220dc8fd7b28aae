/**
 * The disclosure data format (YAML or JSON, one schema) and the model it produces: one definition.
 * The zod schema describes what a person writes (`docs/disclosure.schema.json` is generated from its input
 * side) and its transforms turn the file into the in-memory model (`Disclosure` is its output type):
 * amounts written as numbers or strings in the file's `amountUnit` (default 万元) — "360.44", 360.44,
 * "360.44万元", "2,940.05" — become integer 分; table rows get their key, level and uniform column records;
 * each table gets its `byKey` map and 类/款/项 index. `null` or a missing field means unknown, not 0.
 *
 * A schema is built once per way amounts arrive (`元`, `万元`, `亿元` as written in a file, or `fen` for
 * figures already exact, as the audit reads them) and cached: the unit decides how text becomes 分.
 */
import { z } from 'zod';
import { glossaryName, shortName } from '../glossary/glossary.ts';
import { JuesuanError } from '../errors.ts';
import { parseAmount, stepFen, type Fen, type MoneyUnit } from '../money/amount.ts';
import { buildTableIndex } from './table-index.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId, type TableSpec } from './tables.ts';

export const FORMAT_ID = 'juesuan-disclosure/1';

/** How amounts arrive: written in a data file in this unit, or as integer 分 already (`fen`). */
export type AmountInput = MoneyUnit | 'fen';

/** Where a value came from in the data file (or a read publication). */
export interface SourceRef {
  /** Field path, e.g. `tables.t5.rows[2].total`. */
  path: string;
  line?: number;
}

export const ClassLevel = { Total: 'total', Class: '类', Section: '款', Item: '项' } as const;
export type ClassLevel = (typeof ClassLevel)[keyof typeof ClassLevel];

export const IndicatorOperator = {
  Ge: '>=',
  Le: '<=',
  Eq: '=',
  Gt: '>',
  Lt: '<',
  Qualitative: 'qualitative',
} as const;
export type IndicatorOperator = (typeof IndicatorOperator)[keyof typeof IndicatorOperator];

// ---------------------------------------------------------------------------------------------
// Leaves: amounts, counts, decimal text.

const AMOUNT_DESCRIPTION = '金额：数字或字符串，单位见 amountUnit（默认万元）；null 表示未知（不等于 0）';

/** An amount as written: a number, a decimal string (YAML floats are kept as text), or null = unknown. */
export const amountSchema = z.union([z.number(), z.string(), z.null()]).describe(AMOUNT_DESCRIPTION);

type RawIssues = z.core.ParsePayload['issues'];

function pushIssue(issues: RawIssues, message: string, input: unknown, path: PropertyKey[]): void {
  issues.push({ code: 'custom', message, input, path });
}

/** 分 of an amount as written, undefined for null (unknown), or the message saying why it is not one. */
function toFen(v: unknown, input: AmountInput): Fen | undefined | string {
  if (v === null) return undefined;
  if (typeof v !== 'number' && typeof v !== 'string')
    return `值不合法：应为金额（数字或字符串，如 360.44），实际为${describeInput(v)}`;
  if (input === 'fen')
    return typeof v === 'number' && Number.isSafeInteger(v) ? v : `「${String(v)}」不是以分为单位的整数金额`;
  if (typeof v === 'number' && !Number.isFinite(v)) return `「${v}」不是金额`;
  try {
    return parseAmount(String(v), input).fen;
  } catch (e) {
    return e instanceof JuesuanError ? e.message : `「${String(v)}」不是金额`;
  }
}

/**
 * Fields a container's transform converts. Leaves are many (a unit has hundreds of cells), and a zod
 * transform per leaf costs a pipe per value; so a leaf only validates, and the object holding it
 * converts all of its fields at once (`converting`, and `rowFromFile` for table cells). The leaves are
 * typed with what they become, which is what the object's transform makes true.
 */
export type Conversion = { kind: 'amount' } | { kind: 'decimal' } | { kind: 'numeric'; label: string };
const CONVERSIONS = new WeakMap<object, Conversion>();

function marked<T extends z.ZodType>(schema: T, c: Conversion): T {
  // Keyed by the definition, which `.describe()` and `.optional()` clones share.
  CONVERSIONS.set(schema._zod.def, c);
  return schema;
}

/** An amount outside the tables, as written (never negative); 分 after its object's transform. */
const amount = marked(amountSchema, { kind: 'amount' }) as unknown as z.ZodType<
  Fen | undefined,
  string | number | null
>;

/**
 * A table cell as written; 分 after the table's transform (`rowFromFile`). Not even a union: the row's
 * conversion checks the type itself, with the message a union would give.
 */
const amountCell = marked(z.unknown().meta({ type: ['number', 'string', 'null'] }), { kind: 'amount' });

/** How a value that is not an amount is named in messages. */
export function describeInput(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return `文本「${input.length > 20 ? input.slice(0, 20) + '…' : input}」`;
  if (typeof input === 'number') return `数字 ${input}`;
  if (typeof input === 'object') return '对象';
  if (input === undefined) return '缺失';
  return String(input);
}

const text = z.string();
const count = z.number().int().nonnegative().describe('数量（非负整数）');
/** A number kept as its decimal text (a score, a weight, an area): never a binary float. */
const decimalText = marked(z.union([z.string(), z.number()]).describe('数值（如 58、89.77、100%）'), {
  kind: 'decimal',
}) as unknown as z.ZodType<string, string | number>;

const LEADING_NUMBER_RE = /^\s*(-?\d+(?:\.\d+)?)/;

function leadingNumber(t: string): string | undefined {
  return LEADING_NUMBER_RE.exec(t.normalize('NFKC'))?.[1];
}

/** Decimal text that must start with a number (分值, 得分). */
function numericText(label: string, description: string): z.ZodType<string, string | number> {
  return marked(z.union([z.string(), z.number()]).describe(description), {
    kind: 'numeric',
    label,
  }) as unknown as z.ZodType<string, string | number>;
}

/** The schema under its optional and transform wrappers: what the file itself holds there. */
export function fileSide(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.type === 'optional') s = (def as z.core.$ZodOptionalDef).innerType;
    else if (def.type === 'pipe') s = (def as z.core.$ZodPipeDef).in;
    else return s;
  }
}

/** How a field's text becomes the model's value (undefined: taken as written). */
export function conversionOf(schema: z.core.$ZodType): Conversion | undefined {
  return CONVERSIONS.get(fileSide(schema)._zod.def);
}

/** Drops keys whose value is unknown, so that the model holds only what the file states. */
function known<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * A strict object whose marked fields (amounts, decimal text) are converted by one transform: amounts to
 * 分 in the file's unit (never negative), decimals to their text; unknown fields are left out.
 */
function converting<O extends z.ZodObject, R = z.output<O>>(
  obj: O,
  input: AmountInput,
  finish?: (o: z.output<O>) => R,
) {
  const plan: [string, Conversion][] = [];
  for (const [k, v] of Object.entries(obj.shape)) {
    const c = conversionOf(v as z.core.$ZodType);
    if (c) plan.push([k, c]);
  }
  return obj.transform((o, ctx): R => {
    const rec = o as Record<string, unknown>;
    for (const [k, c] of plan) {
      const v = rec[k];
      if (v === undefined) continue;
      if (c.kind === 'amount') {
        const f = toFen(v, input);
        if (typeof f === 'string') pushIssue(ctx.issues, f, v, [k]);
        else if (f !== undefined && f < 0) pushIssue(ctx.issues, `金额不能为负数：${String(v)}`, v, [k]);
        rec[k] = typeof f === 'number' && f >= 0 ? f : undefined;
      } else {
        const t = String(v);
        if (c.kind === 'numeric' && leadingNumber(t) === undefined)
          pushIssue(ctx.issues, `${c.label}应为数字，实际为「${t}」`, v, [k]);
        rec[k] = t;
      }
    }
    known(o);
    return finish ? finish(o) : (o as R);
  });
}

/** A part of the model that also records where it came from (set by the loader, see load.ts). */
function sourced<T extends z.ZodType>(schema: T) {
  return schema as unknown as z.ZodType<z.output<T> & { source?: SourceRef }, z.input<T>>;
}

// ---------------------------------------------------------------------------------------------
// Tables.

const reasonsSchema = z
  .strictObject({
    prior: text.optional().describe('与上年相比变动的主要原因'),
    budget: text.optional().describe('与年初预算相比差异的主要原因'),
  })
  .describe('主要原因');

/** Per compared item: the main reasons (主要原因) for a change against last year and against the budget. */
export type Reasons = z.output<typeof reasonsSchema>;

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

export interface TableIndex {
  /** Code rows whose parent rows are not listed: what the 合计 row adds up. */
  tops: Row[];
  /** Listed child rows by parent code. */
  children: Map<string, Row[]>;
}

export interface Table {
  id: TableId;
  rows: Row[];
  byKey: Map<string, Row>;
  /** The statement printed when the table is empty ("本表为空表" …), if the data gives it. */
  emptyStatement?: string;
  source?: SourceRef;
  /** 类/款/项 structure, built once when the table is read (see table-index.ts); set for every listed table. */
  index?: TableIndex;
}

function levelOf(code: string): ClassLevel {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

const LEVEL_RANK: Record<string, number> = { 类: 1, 款: 2, 项: 3 };

const CODE_RE = /^\d{3}(\d{2}){0,2}$/;

interface RowIn {
  row?: string;
  code?: string;
  name?: string;
  prior?: Record<string, unknown>;
  initialBudget?: Record<string, unknown>;
  reasons?: Reasons;
  [column: string]: unknown;
}

function rowProblem(
  issues: RawIssues,
  i: number,
  message: string,
  input: unknown,
  rest: PropertyKey[],
): void {
  issues.push({ code: 'custom', message, input, path: ['rows', i, ...rest] });
}

/**
 * Amounts of one record of a row (its values, or its 上年 / 年初预算 figures) in 分, every column present
 * (unknown = undefined): rules read these objects for every unit of a batch, and uniform shapes keep
 * property access fast.
 */
function cellsFromFile(
  spec: TableSpec,
  input: AmountInput,
  negativeOk: boolean,
  from: Record<string, unknown>,
  i: number,
  fileKey: string | undefined,
  issues: RawIssues,
): Record<string, Fen | undefined> {
  const out: Record<string, Fen | undefined> = {};
  for (const c of spec.columnIds) {
    const v = from[c];
    let f: Fen | undefined;
    if (v !== undefined) {
      const x = toFen(v, input);
      if (typeof x === 'string') rowProblem(issues, i, x, v, fileKey ? [fileKey, c] : [c]);
      else if (x !== undefined && x < 0 && !negativeOk)
        rowProblem(issues, i, `金额不能为负数：${String(v)}`, v, fileKey ? [fileKey, c] : [c]);
      else f = x;
    }
    out[c] = f;
  }
  return out;
}

/** Turns row `i` of a table in the file into the model's row: key, level, amounts in 分, compared figures. */
function rowFromFile(spec: TableSpec, input: AmountInput, r: RowIn, i: number, issues: RawIssues): Row {
  let key: string;
  let level: Row['level'];
  let name: string;
  if ((r.row === undefined) === (r.code === undefined))
    rowProblem(
      issues,
      i,
      r.row === undefined ? '每行需要 row（固定行）或 code（科目编码）之一' : '同一行不能同时写 row 和 code',
      r,
      [],
    );
  if (r.row !== undefined) {
    key = r.row;
    level = r.row === 'total' ? 'total' : 'fixed';
    name = r.name ?? spec.fixedRows.find((x) => x.id === r.row)?.label ?? r.row;
  } else {
    const code = r.code ?? '';
    key = code;
    level = levelOf(code);
    name = r.name ?? '';
    const bad =
      spec.codes === undefined
        ? `${spec.number}《${spec.name}》没有科目行，只能用 row 指明固定行`
        : spec.codes === 'function-class' && code.length !== 3
          ? `${spec.number}《${spec.name}》只列支出功能分类的类（3 位编码），「${code}」是${level}级编码`
          : spec.codes === 'economic' && code.length === 7
            ? `经济分类编码只有类（3 位）和款（5 位），「${code}」有 7 位`
            : undefined;
    if (bad !== undefined) rowProblem(issues, i, bad, code, ['code']);
  }
  const neg = spec.signedRows !== undefined && spec.signedRows.includes(key);
  return {
    key,
    code: r.code,
    name,
    level,
    values: cellsFromFile(spec, input, neg, r, i, undefined, issues),
    prior: r.prior ? cellsFromFile(spec, input, neg, r.prior, i, 'prior', issues) : undefined,
    budget: r.initialBudget
      ? cellsFromFile(spec, input, neg, r.initialBudget, i, 'initialBudget', issues)
      : undefined,
    reasons: r.reasons,
    source: undefined,
    cellSources: undefined,
  };
}

/** A row as written; the table's transform makes it a `Row` (one transform per table, not per row). */
function rowSchema(spec: TableSpec) {
  const cols: Record<string, z.ZodOptional<typeof amountCell>> = {};
  for (const c of spec.columns) cols[c.id] = amountCell.optional().describe(c.label);
  const fixedIds = spec.fixedRows.map((r) => r.id) as [string, ...string[]];
  return z
    .strictObject({
      row: z
        .enum(fixedIds)
        .optional()
        .describe(`固定行：${spec.fixedRows.map((r) => `${r.id}=${r.label}`).join('，')}`),
      code: z
        .string()
        .regex(CODE_RE, '科目编码应为 3、5 或 7 位数字（类/款/项），写成字符串，如 "2010450"')
        .optional()
        .describe(
          spec.codes === 'economic'
            ? '部门预算支出经济分类编码（类 3 位 / 款 5 位）'
            : '支出功能分类编码（类 3 位 / 款 5 位 / 项 7 位）',
        ),
      name: text.optional().describe('名称（科目名称或行名称，按公开文本）'),
      ...cols,
      prior: z
        .strictObject(cols)
        .optional()
        .describe(`${glossaryName('priorFinal')}（按列）`),
      initialBudget: z
        .strictObject(cols)
        .optional()
        .describe(`${glossaryName('initialBudget')}（按列）`),
      reasons: reasonsSchema.optional(),
    })
    .describe(`${spec.number} ${spec.name} 的一行：用 row 指明固定行，或用 code 指明科目行`);
}

/** A 款 or 项 row must sit under its own parent when that parent is listed (DOMAIN.md §3). */
function checkHierarchyOrder(table: Table, issues: RawIssues): void {
  const stack: Row[] = [];
  table.rows.forEach((row, i) => {
    if (!row.code) return;
    const rank = LEVEL_RANK[row.level] ?? 0;
    while (stack.length > 0 && (LEVEL_RANK[stack[stack.length - 1]!.level] ?? 0) >= rank) stack.pop();
    const above = stack[stack.length - 1];
    const parentCode =
      row.code.length === 7 ? row.code.slice(0, 5) : row.code.length === 5 ? row.code.slice(0, 3) : undefined;
    const ancestorListed =
      parentCode !== undefined && (table.byKey.has(parentCode) || table.byKey.has(row.code.slice(0, 3)));
    if (above && above.code && !row.code.startsWith(above.code) && ancestorListed) {
      const want = table.byKey.has(parentCode!) ? parentCode! : row.code.slice(0, 3);
      issues.push({
        code: 'custom',
        input: row.code,
        path: ['rows', i, 'code'],
        message: `${row.level}「${row.code}${row.name ? ' ' + row.name : ''}」列在${above.level}「${above.code}${above.name ? ' ' + above.name : ''}」之下，应在「${want}」之下（编码前缀决定上级科目）`,
      });
    }
    stack.push(row);
  });
}

function tableSchema(spec: TableSpec) {
  return z
    .strictObject({
      emptyStatement: text.optional().describe('空表说明，如“本单位无…，故本表为空表”'),
      rows: z.array(rowSchema(spec)).describe('表中各行；未列出的行视为未知'),
    })
    .describe(`${spec.number}《${spec.name}》`);
}

/**
 * A listed table of the file as the model's table: rows, `byKey`, 类/款/项 index; problems go to `issues`
 * with paths relative to the table. Tables are built once the whole file has been validated (by the
 * file's transform), so that the rows, which live as long as the model, are allocated together rather
 * than among the validator's short-lived objects (V8 would otherwise move them to the old generation
 * early, and every load would pay for it in garbage collection).
 */
function tableFromFile(
  spec: TableSpec,
  input: AmountInput,
  t: { emptyStatement?: string; rows: unknown[] },
  issues: RawIssues,
): Table {
  const table: Table = {
    id: spec.id,
    rows: [],
    byKey: new Map(),
    emptyStatement: t.emptyStatement,
    source: undefined,
    index: undefined,
  };
  (t.rows as RowIn[]).forEach((r, i) => {
    const row = rowFromFile(spec, input, r, i, issues);
    const first = table.byKey.get(row.key);
    if (first) {
      const at = table.rows.indexOf(first);
      issues.push({
        code: 'custom',
        input: row.key,
        path: ['rows', i],
        message: `重复的行「${row.key}${row.name ? ' ' + row.name : ''}」：与第 ${at + 1} 行（rows[${at}]）相同，每行只能出现一次`,
      });
      return;
    }
    table.rows.push(row);
    table.byKey.set(row.key, row);
  });
  checkHierarchyOrder(table, issues);
  table.index = buildTableIndex(table);
  return table;
}

/** A table the file does not list: every figure unknown. */
function unlistedTable(id: TableId): Table {
  return { id, rows: [], byKey: new Map(), emptyStatement: undefined, source: undefined, index: undefined };
}

// ---------------------------------------------------------------------------------------------
// The rest of the publication.

const OPERATOR_RE = /^\s*(>=|<=|≥|≤|=|>|<|＞|＜|＝)\s*/;

function parseIndicatorTarget(target: string): {
  operator: IndicatorOperator;
  value?: string;
  unit?: string;
} {
  const t = target.normalize('NFKC').trim();
  const m = OPERATOR_RE.exec(t);
  if (!m) return { operator: 'qualitative' };
  const opText = m[1]!;
  const operator: IndicatorOperator =
    opText === '>=' || opText === '≥'
      ? '>='
      : opText === '<=' || opText === '≤'
        ? '<='
        : opText === '>'
          ? '>'
          : opText === '<'
            ? '<'
            : '=';
  const rest = t.slice(m[0].length);
  const num = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(rest);
  if (!num) return { operator: 'qualitative' };
  return { operator, value: num[1]!, unit: num[2]!.trim() || undefined };
}

/** What the loader reads out of an indicator's target and actual value. */
interface IndicatorReading {
  operator: IndicatorOperator;
  /** Target number as a decimal string, for quantitative indicators. */
  targetValue?: string;
  actualValue?: string;
  unit?: string;
  source?: SourceRef;
}

/** Indicators carry no amounts, so one schema serves every unit. */
const indicatorSchema = converting(
  z.strictObject({
    level1: text.describe('一级指标：产出指标、效益指标、满意度指标（部分地区单列成本指标）'),
    level2: text.describe('二级指标：数量指标、质量指标、时效指标、成本指标、社会效益指标…'),
    name: text.describe(glossaryName('indicatorLevel3')),
    target: decimalText.describe('年度指标值，按公开文本，如 "=58 个"、"<=80 万元"、">=90%"、"提高"'),
    actual: decimalText.describe('实际完成值，如 "58 个"、"71.77 万元"、"100%"、"提高"'),
    weight: numericText(glossaryName('weight'), glossaryName('weight')),
    score: numericText(glossaryName('score'), glossaryName('score')).optional(),
    deviationReason: text.optional().describe(glossaryName('deviationReason')),
  }),
  '万元',
  (ind) => {
    const t = parseIndicatorTarget(ind.target);
    const reading: IndicatorReading = { operator: t.operator };
    if (t.value !== undefined) reading.targetValue = t.value;
    if (t.unit !== undefined) reading.unit = t.unit;
    const av = leadingNumber(ind.actual);
    if (av !== undefined) reading.actualValue = av;
    return Object.assign(ind, reading);
  },
);

function fundLineSchema(input: AmountInput) {
  return converting(
    z.strictObject({
      initialBudget: amount.optional().describe(glossaryName('initialBudget')),
      annualBudget: amount.optional().describe(glossaryName('annualBudget')),
      executed: amount.optional().describe(glossaryName('executed')),
    }),
    input,
  );
}

function projectSchema(input: AmountInput) {
  const fundLine = fundLineSchema(input);
  return converting(
    z.strictObject({
      name: text.describe(glossaryName('projectName')),
      department: text.optional().describe(glossaryName('projectDepartment')),
      implementer: text.optional().describe(glossaryName('projectImplementer')),
      funds: z.strictObject({
        total: fundLine.describe(glossaryName('funds.total')),
        fiscal: fundLine.optional().describe(glossaryName('funds.fiscal')),
        carryover: fundLine.optional().describe(glossaryName('funds.carryover')),
        other: fundLine.optional().describe(glossaryName('funds.other')),
      }),
      executionWeight: numericText('', '预算执行率分值（默认 10）').optional(),
      executionScore: numericText('', '预算执行率得分').optional(),
      goals: z
        .array(z.strictObject({ expected: text, actual: text }))
        .optional()
        .describe('年度总体目标：预期目标与实际完成情况'),
      indicators: z.array(indicatorSchema).describe('绩效指标'),
      totalScore: numericText('', glossaryName('totalScore')).optional(),
      grade: text.optional().describe('评价等级：优、良、中、差（上海：优、良、合格、不合格）'),
    }),
    input,
    (p) => {
      const out: typeof p & { executionWeight: string; source?: SourceRef } = {
        ...p,
        executionWeight: p.executionWeight ?? '10',
      };
      return out;
    },
  );
}

function compareAmountSchema(input: AmountInput) {
  return sourced(
    converting(
      z.strictObject({
        amount: amount.optional().describe('本年决算数'),
        prior: amount.optional().describe(glossaryName('priorFinal')),
        budget: amount.optional().describe(glossaryName('initialBudget')),
        reasons: reasonsSchema.optional(),
      }),
      input,
    ),
  );
}

const staffSchema = z.strictObject({
  actual: count.optional().describe(glossaryName('staffActual')),
  active: count.optional().describe(glossaryName('staffActive')),
  retiredCadre: count.optional().describe(glossaryName('staffRetiredCadre')),
  retired: count.optional().describe(glossaryName('staffRetired')),
  authorised: count.optional().describe(glossaryName('staffAuthorised')),
});

const unitSchema = z.strictObject({
  name: text.min(1).describe('单位（部门）全称'),
  code: text.optional().describe('单位代码'),
  region: text.optional().describe('所在地区'),
  kind: z.enum(['行政', '参公', '事业']).describe('单位性质：行政单位、参照公务员法管理事业单位、事业单位'),
  level: z.enum(['部门', '单位']).optional().describe('部门决算或单位决算'),
  supervisor: text.optional().describe('主管部门'),
  functions: text.optional().describe('主要职能'),
  organisation: text.optional().describe('机构设置情况'),
  internalDivisions: z.array(text).optional().describe('内设机构'),
  staff: staffSchema.optional(),
  consolidatedUnits: z.array(text).optional().describe('纳入部门决算编制范围的单位'),
});

const threePublicSchema = z
  .strictObject({
    abroadGroups: count.optional().describe(glossaryName('abroadGroups')),
    abroadPeople: count.optional().describe(glossaryName('abroadPeople')),
    abroadContent: text.optional().describe('因公出国（境）费开支内容'),
    vehiclesPurchased: count.optional().describe(glossaryName('vehiclesPurchased')),
    vehiclesHeld: count.optional().describe(glossaryName('vehiclesHeld')),
    vehicleOperationContent: text.optional().describe('公务用车运行维护费开支内容'),
    receptionBatches: count.optional().describe(glossaryName('receptionBatches')),
    receptionPeople: count.optional().describe(glossaryName('receptionPeople')),
    foreignReceptionBatches: count.optional().describe('外事接待批次'),
    foreignReceptionPeople: count.optional().describe('外事接待人次'),
    receptionContent: text.optional().describe('公务接待费开支内容'),
    emptyStatement: text.optional().describe('无“三公”经费时的说明'),
  })
  .describe('“三公”经费的数量与说明（金额见表七）');

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

const vehicleCategoriesSchema = z.strictObject(
  Object.fromEntries(
    VEHICLE_CATEGORIES.map((c) => [c, count.optional().describe(glossaryName(`vehicles.${c}`))]),
  ) as Record<VehicleCategory, z.ZodOptional<typeof count>>,
);

function procurementSchema(input: AmountInput) {
  return sourced(
    converting(
      z.strictObject({
        total: amount.optional().describe(glossaryName('procurementTotal')),
        goods: amount.optional().describe(glossaryName('procurementGoods')),
        works: amount.optional().describe(glossaryName('procurementWorks')),
        services: amount.optional().describe(glossaryName('procurementServices')),
        sme: amount.optional().describe(glossaryName('procurementSme')),
        smallMicro: amount.optional().describe(`其中：${glossaryName('procurementSmallMicro')}`),
        smeReserved: amount.optional().describe(shortName('procurementSmeReserved')),
        emptyStatement: text.optional(),
      }),
      input,
    ),
  ).describe('政府采购情况');
}

function assetsSchema(input: AmountInput) {
  return sourced(
    converting(
      z.strictObject({
        fixedAssetsOriginal: amount.optional().describe(glossaryName('fixedAssetsOriginal')),
        buildingArea: decimalText.optional().describe('房屋面积（平方米）'),
        buildingValue: amount.optional().describe(glossaryName('buildingValue')),
        vehicles: converting(
          z.strictObject({
            total: count.optional().describe(glossaryName('vehiclesTotal')),
            value: amount.optional().describe(glossaryName('vehicleValue')),
            byCategory: vehicleCategoriesSchema.optional(),
            otherNote: text.optional().describe('其他用车主要是'),
          }),
          input,
        ).optional(),
        equipmentOver1m: count.optional().describe(`${glossaryName('equipmentOver1m')}台（套）`),
        generalEquipmentOver500k: count.optional().describe('单价 50 万元以上通用设备'),
        specialEquipmentOver1m: count.optional().describe('单价 100 万元以上专用设备'),
      }),
      input,
    ),
  ).describe('国有资产占用情况');
}

function performanceSchema(input: AmountInput) {
  return converting(
    z.strictObject({
      evaluatedProjects: count.optional().describe('开展绩效评价的项目个数'),
      budgetTotal: amount.optional().describe('评价项目全年预算数'),
      executedTotal: amount.optional().describe('评价项目全年执行数'),
      text: text.optional().describe('预算绩效情况说明'),
      projects: z.array(projectSchema(input)).optional().describe('项目支出绩效自评表'),
    }),
    input,
    (p) => ({ ...p, projects: p.projects ?? [] }),
  ).describe('预算绩效');
}

const UNITS = ['元', '万元', '亿元'] as const;

function buildSchema(input: AmountInput) {
  const tablesShape = Object.fromEntries(
    TABLE_IDS.map((id) => [id, tableSchema(TABLE_SPECS[id]).optional()]),
  ) as Record<TableId, z.ZodOptional<ReturnType<typeof tableSchema>>>;
  return z
    .strictObject({
      format: z.literal(FORMAT_ID).describe(`格式标识，固定为 ${FORMAT_ID}`),
      year: z.number().int().min(2000).max(2100).describe('决算年度'),
      amountUnit: z.enum(UNITS).optional().describe('金额单位（默认 万元）'),
      decimals: z
        .number()
        .int()
        .min(0)
        .max(6)
        .optional()
        .describe('金额保留的小数位数（默认 2），用于四舍五入容差'),
      profile: text.optional().describe('地区口径，如 xinjiang-2022、central、shanghai-2024'),
      unit: unitSchema,
      tables: z.strictObject(tablesShape).describe('九张公开报表'),
      threePublic: threePublicSchema.optional(),
      adminCost: compareAmountSchema(input).optional().describe(glossaryName('adminCost')),
      procurement: procurementSchema(input).optional(),
      assets: assetsSchema(input).optional(),
      performance: performanceSchema(input).optional(),
      notes: z.record(z.string(), text).optional().describe('其他说明文字（按章节）'),
    })
    .describe('部门决算公开数据（Juesuan 数据格式）')
    .transform((f, ctx) => {
      const amountUnit: MoneyUnit = f.amountUnit ?? '万元';
      const decimals = f.decimals ?? 2;
      const tables = {} as Record<TableId, Table>;
      for (const id of TABLE_IDS) {
        const t = f.tables[id];
        if (!t) {
          tables[id] = unlistedTable(id);
          continue;
        }
        const issues: RawIssues = [];
        tables[id] = tableFromFile(TABLE_SPECS[id], input, t, issues);
        for (const iss of issues) ctx.issues.push({ ...iss, path: ['tables', id, ...(iss.path ?? [])] });
      }
      const model: Omit<typeof f, 'amountUnit' | 'decimals' | 'tables' | 'threePublic'> & {
        /** Unit the amounts are written in and the decimals they carry in the data file. */
        amountUnit: MoneyUnit;
        decimals: number;
        /** Half the step of the last written digit, in 分: the rounding tolerance of one figure (DOMAIN.md §2). */
        halfStepFen: number;
        tables: Record<TableId, Table>;
        threePublic: NonNullable<typeof f.threePublic>;
        /** File name the model was read from, for messages. */
        file?: string;
      } = {
        ...f,
        amountUnit,
        decimals,
        halfStepFen: stepFen(amountUnit, decimals) / 2,
        tables,
        threePublic: f.threePublic ?? {},
      };
      return model;
    });
}

export type DisclosureSchema = ReturnType<typeof buildSchema>;

const schemas = new Map<AmountInput, DisclosureSchema>();

/** The schema for one way amounts arrive, built once. */
export function disclosureSchema(input: AmountInput = '万元'): DisclosureSchema {
  let s = schemas.get(input);
  if (!s) {
    s = buildSchema(input);
    schemas.set(input, s);
  }
  return s;
}

/** The data-file schema (amounts in the file's `amountUnit`; the description is the same for every unit). */
export const disclosureFileSchema: DisclosureSchema = disclosureSchema('万元');

/** What a data file holds, as written. */
export type DisclosureFile = z.input<DisclosureSchema>;
