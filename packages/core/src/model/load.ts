/**
 * Data file (bytes) → validated disclosure model, through the data-format schema (schema.ts), whose
 * transforms build the model. Every problem is collected with file, line and field path and reported
 * together as one JuesuanError; nothing is guessed and nothing is dropped.
 */
import { z } from 'zod';
import { ErrorCode, JuesuanError } from '../errors.ts';
import type { MoneyUnit } from '../money/amount.ts';
import type { Disclosure, SourceRef } from './disclosure.ts';
import { describeInput, disclosureSchema, FORMAT_ID, type AmountInput } from './schema.ts';
import { TABLE_IDS } from './tables.ts';
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

function issueMessage(iss: z.core.$ZodIssue, input: unknown, formatDoc = 'docs/data-format.md'): string {
  switch (iss.code) {
    case 'invalid_type':
      if (input === undefined) return `缺少必填字段（应为${TYPE_NAMES[iss.expected] ?? iss.expected}）`;
      return `类型不对：应为${TYPE_NAMES[iss.expected] ?? iss.expected}，实际为${describeInput(input)}`;
    case 'unrecognized_keys':
      return `未知字段「${iss.keys.join('」「')}」（请检查拼写；格式见 ${formatDoc}）`;
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

/**
 * Schema issues as problems a person can act on: in Chinese, with the field's path and its line in the
 * file. `formatDoc` is where the format is documented (named for an unknown field).
 */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  lines: Map<string, number>,
  file: string | undefined,
  formatDoc?: string,
): { file: string | undefined; line: number | undefined; path: string; message: string }[] {
  return issues.map((iss) => {
    const path: PathKey[] = iss.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    if (iss.code === 'unrecognized_keys' && iss.keys.length === 1 && iss.keys[0] !== undefined)
      path.push(iss.keys[0]);
    const message =
      iss.code === 'custom' ? iss.message : issueMessage(iss, valueAt(data, iss.path), formatDoc);
    return { file, line: lineOfPath(lines, path), path: joinPath(path), message };
  });
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
          message: `这是${kind}；已公开的文档应当审查（而不是作为数据载入），数据请写成 YAML/JSON（见 examples/）`,
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

export interface FromDataOptions {
  file?: string;
  /** Field path → line in the file, when the data came from a file. */
  lines?: Map<string, number>;
  /**
   * How the amounts arrive: as written in a data file (numbers or text in the file's `amountUnit`,
   * the default), or `'fen'`: integer 分 already, as a reader of a publication holds them. The model is
   * checked the same way either way.
   */
  amounts?: 'file' | 'fen';
}

const UNITS: readonly string[] = ['元', '万元', '亿元'];

/** Validates plain data (already parsed) into the model; `lines` maps paths to lines when known. */
export function disclosureFromData(data: unknown, opts: FromDataOptions = {}): Disclosure {
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
  // The unit decides how amounts become 分; a bad unit is reported by the schema itself.
  const declared = (data as Record<string, unknown>)['amountUnit'];
  const input: AmountInput =
    opts.amounts === 'fen'
      ? 'fen'
      : typeof declared === 'string' && UNITS.includes(declared)
        ? (declared as MoneyUnit)
        : '万元';
  const parsed = disclosureSchema(input).safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const problems = zodProblems(issues.slice(0, 50), data, lines, file);
    throw new JuesuanError(ErrorCode.BadInput, `${file ?? '输入'} 有 ${issues.length} 处数据错误`, problems);
  }
  const model = parsed.data;
  attachSources(model, data as RawFile, lines);
  if (file !== undefined) model.file = file;
  return model;
}

/**
 * Where each part of the model is in the file: every listed table, row, compared amount, procurement,
 * assets, project and indicator gets its field path (and line, when there is a file); each cell its own
 * line, only when there are lines to point to (a file, not generated data).
 */
type RawRow = Record<string, unknown> & {
  prior?: Record<string, unknown>;
  initialBudget?: Record<string, unknown>;
};
type RawFile = { tables: Partial<Record<string, { rows: RawRow[] }>> };

function attachSources(d: Disclosure, raw: RawFile, lines: Map<string, number>): void {
  const withLines = lines.size > 0;
  const src = (path: PathKey[]): SourceRef => {
    const p = joinPath(path);
    if (!withLines) return { path: p };
    const line = lineOfPath(lines, path);
    return line === undefined ? { path: p } : { path: p, line };
  };
  for (const id of TABLE_IDS) {
    const table = d.tables[id];
    if (table.index === undefined) continue;
    table.source = src(['tables', id]);
    // Rows keep their place in the file: a duplicate row is refused, so the model's rows are the file's.
    table.rows.forEach((row, i) => {
      if (!withLines) {
        row.source = { path: `tables.${id}.rows[${i}]` };
        return;
      }
      const rp: PathKey[] = ['tables', id, 'rows', i];
      row.source = src(rp);
      // A cell written as null (unknown) still has its line: findings about it point there.
      const r = raw.tables[id]!.rows[i]!;
      const cells: Record<string, SourceRef> = {};
      for (const c of Object.keys(row.values)) if (r[c] !== undefined) cells[c] = src([...rp, c]);
      for (const [which, fileKey] of [
        ['prior', 'prior'],
        ['budget', 'initialBudget'],
      ] as const) {
        const rec = r[fileKey];
        if (!rec) continue;
        for (const c of Object.keys(row.values))
          if (rec[c] !== undefined) cells[`${which}.${c}`] = src([...rp, fileKey, c]);
      }
      row.cellSources = cells;
    });
  }
  if (d.adminCost) d.adminCost.source = src(['adminCost']);
  if (d.procurement) d.procurement.source = src(['procurement']);
  if (d.assets) d.assets.source = src(['assets']);
  d.performance?.projects.forEach((p, i) => {
    const pp: PathKey[] = ['performance', 'projects', i];
    p.source = src(pp);
    p.indicators.forEach((ind, j) => (ind.source = src([...pp, 'indicators', j])));
  });
}
