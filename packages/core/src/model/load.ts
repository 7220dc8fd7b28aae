/**
 * Data file (bytes) → validated disclosure model. Every problem is collected with file, line and
 * field path and reported together as one JuesuanError; nothing is guessed and nothing is dropped.
 */
import { z } from 'zod';
import { ErrorCode, JuesuanError, type InputProblem } from '../errors.ts';
import { parseAmount, stepFen, type Fen, type MoneyUnit } from '../money/amount.ts';
import type {
  Assets,
  ClassLevel,
  CompareAmount,
  Disclosure,
  FundLine,
  Indicator,
  IndicatorOperator,
  ProjectEvaluation,
  Reasons,
  Row,
  SourceRef,
  Table,
} from './disclosure.ts';
import { buildTableIndex } from './table-index.ts';
import { disclosureFileSchema, FORMAT_ID, type DisclosureFile, type RowFile } from './schema.ts';
import { TABLE_IDS, TABLE_SPECS, type TableId } from './tables.ts';
import { joinPath, lineOfPath, parseSourceText, type PathKey } from './yaml-source.ts';

/** Largest data file accepted (a real unit's file is a few tens of kilobytes). */
export const MAX_DATA_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadOptions {
  /** File name for messages. */
  file?: string;
}

const zhCN = z.locales.zhCN();

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文本',
  array: '列表',
  object: '对象（键: 值）',
  boolean: '是/否',
  null: '空值',
  undefined: '缺失',
  int: '整数',
};

function describeInput(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return `文本「${input.length > 20 ? input.slice(0, 20) + '…' : input}」`;
  if (typeof input === 'number') return `数字 ${input}`;
  if (typeof input === 'object') return '对象';
  if (input === undefined) return '缺失';
  return String(input);
}

function issueMessage(iss: z.core.$ZodIssue, input: unknown): string {
  switch (iss.code) {
    case 'invalid_type':
      if (input === undefined) return `缺少必填字段（应为${TYPE_NAMES[iss.expected] ?? iss.expected}）`;
      return `类型不对：应为${TYPE_NAMES[iss.expected] ?? iss.expected}，实际为${describeInput(input)}`;
    case 'unrecognized_keys':
      return `未知字段「${iss.keys.join('」「')}」（请检查拼写；数据格式见 docs/data-format.md）`;
    case 'invalid_union':
      return `值不合法：应为金额（数字或字符串，如 360.44），实际为${describeInput(input)}`;
    case 'invalid_value':
      return `取值不合法：应为 ${iss.values.map((v) => String(v)).join('、')} 之一，实际为${describeInput(input)}`;
    case 'too_small':
      return iss.origin === 'number'
        ? `数值过小：应不小于 ${String(iss.minimum)}，实际为${describeInput(input)}`
        : `不能为空`;
    case 'too_big':
      return `数值过大：应不大于 ${String(iss.maximum)}，实际为${describeInput(input)}`;
    case 'invalid_format':
      return iss.message ?? `格式不对：${describeInput(input)}`;
    default: {
      const msg = zhCN.localeError?.(iss as never);
      return typeof msg === 'string' ? msg : (msg?.message ?? iss.message);
    }
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function decodeText(bytes: Uint8Array, file: string | undefined): string {
  if (bytes.length > MAX_DATA_FILE_BYTES) {
    throw new JuesuanError(
      ErrorCode.TooLarge,
      `${file ?? '输入'} 过大（${bytes.length} 字节），数据文件不应超过 ${MAX_DATA_FILE_BYTES / 1024 / 1024} MiB`,
      [{ file, message: '文件过大' }],
    );
  }
  const head = bytes.subarray(0, 8);
  const sig = String.fromCharCode(...head);
  const kind = sig.startsWith('%PDF')
    ? 'PDF 文件'
    : sig.startsWith('PK\u0003\u0004')
      ? 'ZIP/DOCX/XLSX 文件'
      : head[0] === 0x89 && sig.slice(1, 4) === 'PNG'
        ? 'PNG 图片'
        : head[0] === 0xd0 && head[1] === 0xcf
          ? '旧版 Office 文件（DOC/XLS）'
          : undefined;
  if (kind) {
    throw new JuesuanError(
      ErrorCode.NotDataFile,
      `${file ?? '输入'} 是${kind}，不是 Juesuan 数据文件（YAML 或 JSON）`,
      [
        {
          file,
          message: `这是${kind}；已公开的文档请用 juesuan audit 审查，数据请写成 YAML/JSON（见 examples/）`,
        },
      ],
    );
  }
  if (bytes.includes(0)) {
    throw new JuesuanError(ErrorCode.NotDataFile, `${file ?? '输入'} 是二进制文件，不是 Juesuan 数据文件`, [
      { file, message: '文件含有二进制内容' },
    ]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new JuesuanError(ErrorCode.NotDataFile, `${file ?? '输入'} 不是 UTF-8 编码的文本`, [
      { file, message: '请将文件另存为 UTF-8 编码（GBK 等编码不受支持）' },
    ]);
  }
}

/** Reads a data file (YAML or JSON bytes) into a validated disclosure model. */
export function loadDisclosure(bytes: Uint8Array | string, options: LoadOptions = {}): Disclosure {
  const file = options.file;
  const text = typeof bytes === 'string' ? bytes : decodeText(bytes, file);
  const { data, lines } = parseSourceText(text, file);
  return disclosureFromData(data, { file, lines });
}

interface Ctx {
  file?: string;
  lines: Map<string, number>;
  problems: InputProblem[];
  unit: MoneyUnit;
}

/** Validates plain data (already parsed) into the model; `lines` maps paths to lines when known. */
export function disclosureFromData(
  data: unknown,
  opts: { file?: string; lines?: Map<string, number> } = {},
): Disclosure {
  const file = opts.file;
  const lines = opts.lines ?? new Map<string, number>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new JuesuanError(ErrorCode.NotDataFile, `${file ?? '输入'} 不是 Juesuan 数据文件`, [
      {
        file,
        line: 1,
        message: `顶层应为对象（键: 值），实际为${describeInput(data)}；数据文件以 format: ${FORMAT_ID} 开头`,
      },
    ]);
  }
  const fmt = (data as Record<string, unknown>)['format'];
  if (fmt !== FORMAT_ID) {
    throw new JuesuanError(ErrorCode.NotDataFile, `${file ?? '输入'} 不是 Juesuan 数据文件`, [
      {
        file,
        line: lines.get('format') ?? 1,
        path: 'format',
        message:
          fmt === undefined
            ? `缺少 format: ${FORMAT_ID}`
            : `format 应为 ${FORMAT_ID}，实际为「${String(fmt)}」`,
      },
    ]);
  }
  const parsed = disclosureFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 50).map((iss) => {
      const path: PathKey[] = iss.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
      if (iss.code === 'unrecognized_keys' && iss.keys.length === 1 && iss.keys[0] !== undefined)
        path.push(iss.keys[0]);
      const input = valueAt(data, iss.code === 'unrecognized_keys' ? iss.path : iss.path);
      return { file, line: lineOfPath(lines, path), path: joinPath(path), message: issueMessage(iss, input) };
    });
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file ?? '输入'} 有 ${parsed.error.issues.length} 处数据错误`,
      problems,
    );
  }
  const f = parsed.data;
  const ctx: Ctx = { file, lines, problems: [], unit: f.amountUnit ?? '万元' };
  const model = buildModel(f, ctx);
  if (ctx.problems.length > 0) {
    throw new JuesuanError(
      ErrorCode.BadInput,
      `${file ?? '输入'} 有 ${ctx.problems.length} 处数据错误`,
      ctx.problems.slice(0, 50),
    );
  }
  return model;
}

function problem(ctx: Ctx, path: PathKey[], message: string): void {
  ctx.problems.push({ file: ctx.file, line: lineOfPath(ctx.lines, path), path: joinPath(path), message });
}

function src(ctx: Ctx, path: PathKey[]): SourceRef {
  if (ctx.lines.size === 0) return { path: joinPath(path) };
  const line = lineOfPath(ctx.lines, path);
  return line === undefined ? { path: joinPath(path) } : { path: joinPath(path), line };
}

function amount(
  ctx: Ctx,
  v: unknown,
  pathIn: PathKey[] | (() => PathKey[]),
  allowNegative = false,
): Fen | undefined {
  if (v === undefined || v === null) return undefined;
  const path = () => (typeof pathIn === 'function' ? pathIn() : pathIn);
  let fen: Fen;
  try {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new JuesuanError(ErrorCode.BadAmount, `「${v}」不是金额`);
      fen = parseAmount(String(v), ctx.unit).fen;
    } else fen = parseAmount(String(v), ctx.unit).fen;
  } catch (e) {
    problem(ctx, path(), e instanceof JuesuanError ? e.message : `「${String(v)}」不是金额`);
    return undefined;
  }
  if (fen < 0 && !allowNegative) {
    problem(ctx, path(), `金额不能为负数：${String(v)}`);
    return undefined;
  }
  return fen;
}

function levelOf(code: string): ClassLevel {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

const LEVEL_RANK: Record<string, number> = { 类: 1, 款: 2, 项: 3 };

/** Rows where a negative amount is legitimate. */
const NEGATIVE_OK = new Set(['t1:surplusDistribution']);

function buildTable(
  ctx: Ctx,
  id: TableId,
  tf: { emptyStatement?: string; rows: RowFile[] } | undefined,
): Table {
  const table: Table = { id, rows: [], byKey: new Map() };
  if (!tf) return table;
  const spec = TABLE_SPECS[id];
  const base: PathKey[] = ['tables', id];
  table.source = src(ctx, base);
  if (tf.emptyStatement !== undefined) table.emptyStatement = tf.emptyStatement;
  const columnIds = spec.columns.map((c) => c.id);
  const withLines = ctx.lines.size > 0;
  tf.rows.forEach((rf, i) => {
    const rp: PathKey[] = [...base, 'rows', i];
    const r = rf as Record<string, unknown> & RowFile;
    if ((r.row === undefined) === (r.code === undefined)) {
      problem(
        ctx,
        rp,
        r.row === undefined
          ? '每行需要 row（固定行）或 code（科目编码）之一'
          : '同一行不能同时写 row 和 code',
      );
      return;
    }
    let key: string;
    let level: Row['level'];
    let name: string;
    if (r.row !== undefined) {
      key = r.row;
      level = r.row === 'total' ? 'total' : 'fixed';
      name = r.name ?? spec.fixedRows.find((x) => x.id === r.row)?.label ?? r.row;
    } else {
      const code = r.code as string;
      key = code;
      level = levelOf(code);
      name = r.name ?? '';
      if (spec.codes === undefined) {
        problem(ctx, [...rp, 'code'], `${spec.number}《${spec.name}》没有科目行，只能用 row 指明固定行`);
        return;
      }
      if (spec.codes === 'function-class' && code.length !== 3) {
        problem(
          ctx,
          [...rp, 'code'],
          `${spec.number}《${spec.name}》只列支出功能分类的类（3 位编码），「${code}」是${level}级编码`,
        );
        return;
      }
      if (spec.codes === 'economic' && code.length === 7) {
        problem(ctx, [...rp, 'code'], `经济分类编码只有类（3 位）和款（5 位），「${code}」有 7 位`);
        return;
      }
    }
    if (table.byKey.has(key)) {
      const first = table.rows.findIndex((x) => x.key === key);
      problem(
        ctx,
        rp,
        `重复的行「${key}${name ? ' ' + name : ''}」：与第 ${first + 1} 行（rows[${first}]）相同，每行只能出现一次`,
      );
      return;
    }
    const negOk = NEGATIVE_OK.has(`${id}:${key}`);
    // Every row of a table gets the same shape (all columns present, unknown = undefined): rules read
    // these objects for every unit of a batch, and uniform shapes keep property access fast.
    const values: Record<string, Fen | undefined> = {};
    const cellSources: Record<string, SourceRef> = {};
    for (const c of columnIds) {
      if (r[c] === undefined) {
        values[c] = undefined;
        continue;
      }
      values[c] = amount(ctx, r[c], () => [...rp, c], negOk);
      // Cell sources are kept only when there are lines to point to (a file, not generated data).
      if (withLines) cellSources[c] = src(ctx, [...rp, c]);
    }
    const compared = (which: 'prior' | 'budget'): Record<string, Fen | undefined> | undefined => {
      const fileKey = which === 'prior' ? 'prior' : 'initialBudget';
      const obj = r[fileKey] as Record<string, unknown> | undefined;
      if (!obj) return undefined;
      const out: Record<string, Fen | undefined> = {};
      for (const c of columnIds) {
        if (obj[c] === undefined) {
          out[c] = undefined;
          continue;
        }
        out[c] = amount(ctx, obj[c], () => [...rp, fileKey, c], negOk);
        if (withLines) cellSources[`${which}.${c}`] = src(ctx, [...rp, fileKey, c]);
      }
      return out;
    };
    const row: Row = {
      key,
      code: r.code,
      name,
      level,
      values,
      prior: compared('prior'),
      budget: compared('budget'),
      reasons: r.reasons as Reasons | undefined,
      source: src(ctx, rp),
      cellSources: withLines ? cellSources : undefined,
    };
    table.rows.push(row);
    table.byKey.set(key, row);
  });
  checkHierarchyOrder(ctx, table, base);
  table.index = buildTableIndex(table);
  return table;
}

/** A 款 or 项 row must sit under its own parent when that parent is listed (DOMAIN.md §3). */
function checkHierarchyOrder(ctx: Ctx, table: Table, base: PathKey[]): void {
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
      problem(
        ctx,
        [...base, 'rows', i, 'code'],
        `${row.level}「${row.code}${row.name ? ' ' + row.name : ''}」列在${above.level}「${above.code}${above.name ? ' ' + above.name : ''}」之下，应在「${want}」之下（编码前缀决定上级科目）`,
      );
    }
    stack.push(row);
  });
}

function fundLine(ctx: Ctx, f: Record<string, unknown> | undefined, path: PathKey[]): FundLine {
  const out: FundLine = {};
  if (!f) return out;
  const a = amount(ctx, f['initialBudget'], [...path, 'initialBudget']);
  const b = amount(ctx, f['annualBudget'], [...path, 'annualBudget']);
  const c = amount(ctx, f['executed'], [...path, 'executed']);
  if (a !== undefined) out.initialBudget = a;
  if (b !== undefined) out.annualBudget = b;
  if (c !== undefined) out.executed = c;
  return out;
}

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

function leadingNumber(text: string): string | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(text.normalize('NFKC'));
  return m?.[1];
}

function buildModel(f: DisclosureFile, ctx: Ctx): Disclosure {
  const decimals = f.decimals ?? 2;
  const step = stepFen(ctx.unit, decimals);
  const tables = {} as Record<TableId, Table>;
  for (const id of TABLE_IDS) tables[id] = buildTable(ctx, id, f.tables[id]);

  const compare = (c: DisclosureFile['adminCost'], path: PathKey[]): CompareAmount | undefined => {
    if (!c) return undefined;
    const out: CompareAmount = { source: src(ctx, path) };
    const a = amount(ctx, c.amount, [...path, 'amount']);
    const p = amount(ctx, c.prior, [...path, 'prior']);
    const b = amount(ctx, c.budget, [...path, 'budget']);
    if (a !== undefined) out.amount = a;
    if (p !== undefined) out.prior = p;
    if (b !== undefined) out.budget = b;
    if (c.reasons) out.reasons = c.reasons;
    return out;
  };

  const model: Disclosure = {
    format: f.format,
    year: f.year,
    amountUnit: ctx.unit,
    decimals,
    halfStepFen: step / 2,
    unit: f.unit,
    tables,
    threePublic: f.threePublic ?? {},
  };
  if (f.profile !== undefined) model.profile = f.profile;
  if (ctx.file !== undefined) model.file = ctx.file;
  const admin = compare(f.adminCost, ['adminCost']);
  if (admin) model.adminCost = admin;
  if (f.procurement) {
    const p = f.procurement;
    const base: PathKey[] = ['procurement'];
    model.procurement = { source: src(ctx, base) };
    for (const k of ['total', 'goods', 'works', 'services', 'sme', 'smallMicro', 'smeReserved'] as const) {
      const v = amount(ctx, p[k], [...base, k]);
      if (v !== undefined) model.procurement[k] = v;
    }
    if (p.emptyStatement !== undefined) model.procurement.emptyStatement = p.emptyStatement;
  }
  if (f.assets) {
    const a = f.assets;
    const base: PathKey[] = ['assets'];
    const out: Assets = { source: src(ctx, base) };
    const fa = amount(ctx, a.fixedAssetsOriginal, [...base, 'fixedAssetsOriginal']);
    if (fa !== undefined) out.fixedAssetsOriginal = fa;
    if (a.buildingArea !== undefined) out.buildingArea = String(a.buildingArea);
    const bv = amount(ctx, a.buildingValue, [...base, 'buildingValue']);
    if (bv !== undefined) out.buildingValue = bv;
    if (a.vehicles) {
      const v: NonNullable<Assets['vehicles']> = {};
      if (a.vehicles.total !== undefined) v.total = a.vehicles.total;
      const vv = amount(ctx, a.vehicles.value, [...base, 'vehicles', 'value']);
      if (vv !== undefined) v.value = vv;
      if (a.vehicles.byCategory) v.byCategory = a.vehicles.byCategory;
      if (a.vehicles.otherNote !== undefined) v.otherNote = a.vehicles.otherNote;
      out.vehicles = v;
    }
    if (a.equipmentOver1m !== undefined) out.equipmentOver1m = a.equipmentOver1m;
    if (a.generalEquipmentOver500k !== undefined) out.generalEquipmentOver500k = a.generalEquipmentOver500k;
    if (a.specialEquipmentOver1m !== undefined) out.specialEquipmentOver1m = a.specialEquipmentOver1m;
    model.assets = out;
  }
  if (f.performance) {
    const pf = f.performance;
    const base: PathKey[] = ['performance'];
    const projects: ProjectEvaluation[] = (pf.projects ?? []).map((p, i) => {
      const pp: PathKey[] = [...base, 'projects', i];
      const indicators: Indicator[] = p.indicators.map((ind, j) => {
        const target = String(ind.target);
        const parsedTarget = parseIndicatorTarget(target);
        const actual = String(ind.actual);
        const out: Indicator = {
          level1: ind.level1,
          level2: ind.level2,
          name: ind.name,
          target,
          operator: parsedTarget.operator,
          actual,
          weight: String(ind.weight),
          source: src(ctx, [...pp, 'indicators', j]),
        };
        if (parsedTarget.value !== undefined) out.targetValue = parsedTarget.value;
        if (parsedTarget.unit !== undefined) out.unit = parsedTarget.unit;
        const av = leadingNumber(actual);
        if (av !== undefined) out.actualValue = av;
        if (ind.score !== undefined) out.score = String(ind.score);
        if (ind.deviationReason !== undefined) out.deviationReason = ind.deviationReason;
        if (leadingNumber(out.weight) === undefined)
          problem(ctx, [...pp, 'indicators', j, 'weight'], `分值应为数字，实际为「${out.weight}」`);
        if (out.score !== undefined && leadingNumber(out.score) === undefined)
          problem(ctx, [...pp, 'indicators', j, 'score'], `得分应为数字，实际为「${out.score}」`);
        return out;
      });
      const funds: ProjectEvaluation['funds'] = {
        total: fundLine(ctx, p.funds.total as Record<string, unknown>, [...pp, 'funds', 'total']),
      };
      for (const k of ['fiscal', 'carryover', 'other'] as const) {
        if (p.funds[k]) funds[k] = fundLine(ctx, p.funds[k] as Record<string, unknown>, [...pp, 'funds', k]);
      }
      const proj: ProjectEvaluation = {
        name: p.name,
        funds,
        executionWeight: p.executionWeight !== undefined ? String(p.executionWeight) : '10',
        indicators,
        source: src(ctx, pp),
      };
      if (p.department !== undefined) proj.department = p.department;
      if (p.implementer !== undefined) proj.implementer = p.implementer;
      if (p.executionScore !== undefined) proj.executionScore = String(p.executionScore);
      if (p.goals !== undefined) proj.goals = p.goals;
      if (p.totalScore !== undefined) proj.totalScore = String(p.totalScore);
      if (p.grade !== undefined) proj.grade = p.grade;
      for (const k of ['executionWeight', 'executionScore', 'totalScore'] as const) {
        const v = p[k];
        if (v !== undefined && leadingNumber(String(v)) === undefined)
          problem(ctx, [...pp, k], `应为数字，实际为「${String(v)}」`);
      }
      return proj;
    });
    model.performance = { projects };
    if (pf.evaluatedProjects !== undefined) model.performance.evaluatedProjects = pf.evaluatedProjects;
    const bt = amount(ctx, pf.budgetTotal, [...base, 'budgetTotal']);
    if (bt !== undefined) model.performance.budgetTotal = bt;
    const et = amount(ctx, pf.executedTotal, [...base, 'executedTotal']);
    if (et !== undefined) model.performance.executedTotal = et;
    if (pf.text !== undefined) model.performance.text = pf.text;
  }
  if (f.notes) model.notes = f.notes;
  return model;
}
