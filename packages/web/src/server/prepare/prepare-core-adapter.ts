/**
 * The unit editor's calls into @juesuan/core (import, previous year, live check, preview, package): the
 * editor's core adapter (see ../core-adapter.ts). Nothing here leaks core types: the routes see the plain shapes below.
 */
import { deflateRawSync } from 'node:zlib';
import {
  JuesuanError,
  TABLE_IDS,
  TABLE_SPECS,
  applyPreviousYear,
  buildReport,
  builtinCatalogues,
  builtinProfile,
  builtinProfileNames,
  dataWarnings,
  disclosureFromData,
  documentGaps,
  formatImportReport,
  importWorkbook,
  validateDisclosure,
  writeCsv,
  writeDocx,
  writeHtml,
  writeJson,
  writeXlsx,
  type Block,
  disclosureFileSchema,
  yamlErrorText,
} from '@juesuan/core';
import { checkData, readDataFile, type FindingsReport } from '../core-adapter.ts';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ApiError, ApiErrorCode } from '../errors.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function coreFailure(e: unknown, what: string): never {
  if (e instanceof JuesuanError)
    throw new ApiError(ApiErrorCode.BadDataFile, `${what}：${e.message}`, {
      problems: e.problems.map((p) => ({
        ...(p.path !== undefined ? { path: p.path } : {}),
        ...(p.line !== undefined ? { line: p.line } : {}),
        message: p.message,
      })),
    });
  throw e;
}

// ------------------------------------------------------------------------------------------------
// Catalogue.

export interface CatalogueItem {
  code: string;
  name: string;
  level: string;
}

export function catalogueOf(year: number): {
  function: CatalogueItem[];
  economic: CatalogueItem[];
  source: string;
} {
  const set = builtinCatalogues(year);
  const list = (c: typeof set.function): CatalogueItem[] =>
    c ? [...c.entries.values()].map((e) => ({ code: e.code, name: e.name, level: e.level })) : [];
  return {
    function: list(set.function),
    economic: list(set.economic),
    source: [set.function?.source, set.economic?.source].filter(Boolean).join('、'),
  };
}

// ------------------------------------------------------------------------------------------------
// Reading an uploaded file: a data file (YAML/JSON) or a workbook (XLSX/CSV).

export interface ImportReportData {
  /** The report as lines of text, as the CLI prints it. */
  lines: string[];
  tables: {
    table: string;
    name: string;
    sheet: string;
    cell: string;
    rows: number;
    cells: number;
    unit: string;
  }[];
  notFound: string[];
  skipped: { sheet: string; cell?: string | undefined; text?: string | undefined; reason: string }[];
  warnings: string[];
}

export interface ReadFileResult {
  kind: 'data' | 'workbook';
  data: Obj;
  importReport: ImportReportData | null;
  findings: FindingsReport;
}

export async function readUploadedFile(
  bytes: Uint8Array,
  fileName: string,
  options: { year?: number | undefined; unitName?: string | undefined; profile?: string | undefined },
): Promise<ReadFileResult> {
  if (/\.(ya?ml|json)$/i.test(fileName)) {
    assertValidYaml(new TextDecoder().decode(bytes), fileName);
    const checked = readDataFile(bytes, fileName);
    return { kind: 'data', data: checked.data as Obj, importReport: null, findings: checked.report };
  }
  let result;
  try {
    result = await importWorkbook(bytes, fileName, {
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.unitName !== undefined ? { unit: { name: options.unitName } } : {}),
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
    });
  } catch (e) {
    return coreFailure(e, '工作簿无法导入');
  }
  const r = result.report;
  const checked = checkData(result.data);
  return {
    kind: 'workbook',
    data: checked.data as Obj,
    importReport: {
      lines: formatImportReport(r, { maxSkipped: 200 }).split('\n'),
      tables: r.tables.map((t) => ({
        table: t.table,
        name: t.name,
        sheet: t.sheet,
        cell: t.cell,
        rows: t.rows,
        cells: t.cells,
        unit: t.unit,
      })),
      notFound: r.notFound.map((id) => `${TABLE_SPECS[id].number} ${TABLE_SPECS[id].name}`),
      skipped: r.skipped.map((s) => ({ sheet: s.sheet, cell: s.cell, text: s.text, reason: s.reason })),
      warnings: [...r.warnings],
    },
    findings: checked.report,
  };
}

// ------------------------------------------------------------------------------------------------
// Starting from last year's data.

/** This year's data begun from last year's: unit profile and rows carried, last year's figures as 上年数. */
export function startFromPreviousYear(
  previous: Obj,
  year: number,
): { data: Obj; carried: number; findings: FindingsReport } {
  const skeleton: Obj = { format: previous['format'] ?? 'juesuan-disclosure/1', year };
  for (const k of ['amountUnit', 'decimals', 'profile'])
    if (previous[k] !== undefined) skeleton[k] = previous[k];
  if (isObj(previous['unit'])) skeleton['unit'] = structuredClone(previous['unit']);
  skeleton['tables'] = {};
  let out;
  try {
    out = applyPreviousYear(skeleton, previous, { addRows: true, carryOpening: true });
  } catch (e) {
    return coreFailure(e, '无法从上年数据开始');
  }
  const data = out.data;
  // Emptied tables of last year stay stated as empty only when the editor says so again.
  let carried = 0;
  const tables = isObj(data['tables']) ? data['tables'] : {};
  for (const id of TABLE_IDS) {
    const t = tables[id];
    if (!isObj(t) || !Array.isArray(t['rows'])) continue;
    for (const row of t['rows'] as Obj[])
      if (isObj(row['prior'])) carried += Object.keys(row['prior']).length;
  }
  return { data, carried, findings: checkData(data).report };
}

// ------------------------------------------------------------------------------------------------
// Live check: findings, the reasons panel, the narrative preview and what the publication lacks.

export interface ReasonItem {
  /** Where the reason is written in the data file, e.g. `tables.t1.rows[11].reasons.prior`. */
  field: string;
  table: string | null;
  row: string | null;
  kind: 'prior' | 'budget';
  label: string;
  current: string | null;
  base: string | null;
  baseName: string;
  reason: string;
  state: 'missing' | 'given';
  message: string | null;
}

export interface PreviewBlock {
  type: 'title' | 'heading' | 'paragraph' | 'table' | 'chart';
  level?: number | undefined;
  text: string;
  runs?: { text: string; placeholder?: boolean | undefined }[] | undefined;
}

export interface GapItem {
  place: string;
  text: string;
  field?: string | undefined;
  fieldLabel?: string | undefined;
}

export interface LiveCheck {
  findings: FindingsReport;
  reasons: ReasonItem[];
  preview: {
    profile: string;
    profileName: string;
    title: string;
    draft: boolean;
    blocks: PreviewBlock[];
  } | null;
  gaps: { placeholders: GapItem[]; unknownCells: GapItem[]; warnings: string[] };
}

export function profileList(): { id: string; name: string }[] {
  return builtinProfileNames().map((id) => ({ id, name: builtinProfile(id).name }));
}

function profileOf(name: string | undefined, data: Obj): ReturnType<typeof builtinProfile> {
  const wanted = name ?? (typeof data['profile'] === 'string' ? data['profile'] : 'central');
  if (!builtinProfileNames().includes(wanted))
    throw new ApiError(
      ApiErrorCode.BadRequest,
      `没有名为「${wanted}」的口径，可用：${builtinProfileNames().join('、')}`,
    );
  return builtinProfile(wanted);
}

const KIND_BASE: Record<'prior' | 'budget', string> = { prior: '上年决算数', budget: '年初预算数' };

/** Comparisons that need a 主要原因: those missing one (from the rules' findings) and those that give one. */
function reasonItems(data: Obj, findings: FindingsReport): ReasonItem[] {
  const out: ReasonItem[] = [];
  const seen = new Set<string>();
  for (const f of findings.findings) {
    if (!f.rule.startsWith('reason-')) continue;
    const field = f.cells.find((c) => c.field?.includes('reasons.'))?.field;
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const cur = f.cells.find((c) => c.column !== undefined && c.which === undefined);
    const base = f.cells.find((c) => c.which !== undefined || (c !== cur && c.column !== undefined));
    const kind = field.endsWith('.budget') ? 'budget' : 'prior';
    const reasonCell = f.cells.find((c) => c.field === field);
    out.push({
      field,
      table: reasonCell?.table ?? null,
      row: reasonCell?.row ?? null,
      kind,
      label: reasonCell?.label ?? f.location,
      current: cur?.value ?? null,
      base: base?.value ?? null,
      baseName: KIND_BASE[kind],
      reason: '',
      state: 'missing',
      message: f.message,
    });
  }
  const tables = isObj(data['tables']) ? data['tables'] : {};
  for (const id of TABLE_IDS) {
    const t = tables[id];
    if (!isObj(t) || !Array.isArray(t['rows'])) continue;
    const spec = TABLE_SPECS[id];
    (t['rows'] as unknown[]).forEach((row, i) => {
      if (!isObj(row) || !isObj(row['reasons'])) return;
      const key = String(row['row'] ?? row['code'] ?? '');
      const label =
        row['code'] !== undefined
          ? `${String(row['code'])} ${String(row['name'] ?? '')}`
          : (spec.fixedRows.find((r) => r.id === key)?.label ?? key);
      for (const kind of ['prior', 'budget'] as const) {
        const text = (row['reasons'] as Obj)[kind];
        const field = `tables.${id}.rows[${i}].reasons.${kind}`;
        if (typeof text !== 'string' || text.trim() === '' || seen.has(field)) continue;
        seen.add(field);
        const col = spec.columns[0]!.id === 'budget' ? 'final' : spec.columns[0]!.id;
        const baseFrom = kind === 'prior' ? row['prior'] : id === 't7' ? row : row['initialBudget'];
        const baseValue = isObj(baseFrom)
          ? baseFrom[id === 't7' && kind === 'budget' ? 'budget' : col]
          : undefined;
        out.push({
          field,
          table: id,
          row: key,
          kind,
          label: `${spec.number}「${label}」行 主要原因（${kind === 'prior' ? '与上年相比' : '与年初预算相比'}）`,
          current: row[col] !== undefined && row[col] !== null ? String(row[col]) : null,
          base: baseValue !== undefined && baseValue !== null ? String(baseValue) : null,
          baseName: id === 't7' && kind === 'budget' ? '预算数' : KIND_BASE[kind],
          reason: text,
          state: 'given',
          message: null,
        });
      }
    });
  }
  const ac = data['adminCost'];
  if (isObj(ac) && isObj(ac['reasons'])) {
    const text = (ac['reasons'] as Obj)['prior'];
    if (typeof text === 'string' && text.trim() !== '' && !seen.has('adminCost.reasons.prior'))
      out.push({
        field: 'adminCost.reasons.prior',
        table: null,
        row: null,
        kind: 'prior',
        label: '机关运行经费 主要原因（与上年相比）',
        current: ac['amount'] !== undefined ? String(ac['amount']) : null,
        base: ac['prior'] !== undefined ? String(ac['prior']) : null,
        baseName: '上年决算数',
        reason: text,
        state: 'given',
        message: null,
      });
  }
  return out;
}

function previewBlocks(blocks: readonly Block[]): PreviewBlock[] {
  const out: PreviewBlock[] = [];
  for (const b of blocks) {
    if (b.type === 'title') out.push({ type: 'title', text: b.text });
    else if (b.type === 'heading') out.push({ type: 'heading', level: b.level, text: b.text });
    else if (b.type === 'paragraph')
      out.push({
        type: 'paragraph',
        text: b.runs.map((r) => r.text).join(''),
        runs: b.runs.map((r) => ({ text: r.text, ...(r.placeholder ? { placeholder: true } : {}) })),
      });
    else if (b.type === 'table')
      out.push({ type: 'table', text: [b.table.number, b.table.title].filter(Boolean).join(' ') });
    else if (b.type === 'chart') out.push({ type: 'chart', text: b.chart.title });
  }
  return out;
}

/** A gap as the editor and 待补内容清单.txt show it: a table cell is already named by place and text; another field gets its words. */
function gapItem(g: { place: string; text: string; field?: string | undefined }, data: Obj) {
  const out: GapItem = {
    place: g.place,
    text: g.text,
  };
  if (g.field === undefined) return out;
  out.field = g.field;
  if (!g.field.startsWith('tables')) {
    const label = describeField(g.field, data);
    if (label !== g.field) out.fieldLabel = label;
  }
  return out;
}

/** Validates data sent from the editor and builds what the editor shows beside it. */
export function liveCheck(data: unknown, profileName: string | undefined): LiveCheck {
  const checked = checkData(data);
  const obj = checked.data as Obj;
  const d = disclosureFromData(obj);
  const profile = profileOf(profileName, obj);
  const doc = buildReport(d, profile, { draft: checked.report.summary.error > 0 });
  const gaps = documentGaps(doc);
  return {
    findings: checked.report,
    reasons: reasonItems(obj, checked.report),
    preview: {
      profile: profile.id,
      profileName: profile.name,
      title: doc.title,
      draft: doc.draft,
      blocks: previewBlocks(doc.blocks),
    },
    gaps: {
      placeholders: gaps.placeholders.map((g) => gapItem(g, obj)),
      unknownCells: gaps.unknownCells.map((g) => gapItem(g, obj)),
      warnings: dataWarnings(d).map((w) => w.message),
    },
  };
}

// ------------------------------------------------------------------------------------------------
// The whole package.

export interface PackageFile {
  name: string;
  bytes: Uint8Array;
}

export interface BuiltPackage {
  baseName: string;
  files: PackageFile[];
  errors: string[];
  gaps: LiveCheck['gaps'];
  draft: boolean;
}

/** A file name without characters Windows or Unix refuse. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
}

/**
 * DOCX, XLSX, HTML, the open data (CSV and JSON) and the data file; PDF is added by the caller when
 * LibreOffice is present. Refused (errors listed) while validation reports errors.
 */
export async function buildPackage(data: unknown, profileName: string | undefined): Promise<BuiltPackage> {
  const checked = checkData(data);
  const obj = checked.data as Obj;
  const d = disclosureFromData(obj);
  const outcome = validateDisclosure(d);
  const errors = outcome.findings.filter((f) => f.severity === 'error').map((f) => f.message);
  const profile = profileOf(profileName, obj);
  const doc = buildReport(d, profile, { draft: errors.length > 0 });
  const g = documentGaps(doc);
  const gaps = {
    placeholders: g.placeholders.map((x) => gapItem(x, obj)),
    unknownCells: g.unknownCells.map((x) => gapItem(x, obj)),
    warnings: dataWarnings(d).map((w) => w.message),
  };
  const baseName = safeFileName(`${doc.title}${doc.draft ? '（草稿）' : ''}`);
  if (errors.length > 0) return { baseName, files: [], errors, gaps, draft: doc.draft };
  const office = { deflate: deflateRawSync };
  const enc = (s: string) => new TextEncoder().encode(s);
  const files: PackageFile[] = [
    { name: `${baseName}.docx`, bytes: await writeDocx(doc, office) },
    { name: `${baseName}.xlsx`, bytes: await writeXlsx(doc, office) },
    { name: `${baseName}.html`, bytes: enc(writeHtml(doc)) },
    { name: `${baseName}.csv`, bytes: enc(writeCsv(doc)) },
    { name: `${baseName}（公开数据）.json`, bytes: enc(writeJson(doc, d)) },
    {
      name: `${safeFileName(`${d.unit.name}-${d.year}`)}（数据文件）.json`,
      bytes: enc(JSON.stringify(obj, null, 2) + '\n'),
    },
  ];
  return { baseName, files, errors, gaps, draft: doc.draft };
}

// ------------------------------------------------------------------------------------------------
// Data-file fields in words, from the descriptions of core's data-format schema (the same text as
// docs/data-format.md): `procurement.goods` → 政府采购情况 › 政府采购货物支出. The table fields are named
// by their table, row and column: `tables.t5.rows[3].prior.total` → 表五 …「2101102 事业单位医疗」行
// 「上年决算数（合计）」. For 待补内容清单.txt and anything else a person reads.

interface JsonNode {
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
}

let fieldLabelCache: Map<string, string> | undefined;

/** Every field's words by path pattern (array items as `[]`): `performance.projects[].name` → 绩效… › 项目名称. */
export function fieldLabels(): Map<string, string> {
  if (fieldLabelCache) return fieldLabelCache;
  const out = new Map<string, string>();
  const root = z.toJSONSchema(disclosureFileSchema, { unrepresentable: 'any', io: 'input' }) as JsonNode;
  const walk = (node: JsonNode, path: string, words: string[]): void => {
    const variants = [node, ...(node.anyOf ?? [])];
    for (const v of variants) {
      for (const [k, child] of Object.entries(v.properties ?? {})) {
        if (path === '' && k === 'tables') continue;
        const p = path ? `${path}.${k}` : k;
        const w = child.description ? [...words, child.description] : [...words, k];
        if (!out.has(p)) out.set(p, w.join(' › '));
        walk(child, p, w);
      }
      if (v.items) walk(v.items, `${path}[]`, words);
    }
  };
  walk(root, '', []);
  fieldLabelCache = out;
  return out;
}

const WHICH: Record<string, string> = { prior: '上年决算数', initialBudget: '年初预算数' };
const ROW_FIELD: Record<string, string> = { code: '科目编码', name: '科目名称', row: '行' };

type Row = Record<string, unknown>;

/** A data path in words; the data gives the names of the rows. Unknown paths are returned as they are. */
export function describeField(path: string, data?: unknown): string {
  const t = /^tables\.(t\d)(?:\.rows\[(\d+)\](?:\.(.+))?|\.(emptyStatement))?$/.exec(path);
  if (t) {
    const spec = (TABLE_SPECS as Partial<Record<string, (typeof TABLE_SPECS)[keyof typeof TABLE_SPECS]>>)[
      t[1]!
    ];
    if (!spec) return path;
    const table = `${spec.number} ${spec.name}`;
    if (t[4]) return `${table} 空表说明`;
    if (t[2] === undefined) return table;
    const tables = isObj(data) && isObj(data['tables']) ? data['tables'] : {};
    const rows = isObj(tables[t[1]!]) ? (tables[t[1]!] as Row)['rows'] : undefined;
    const row = Array.isArray(rows) ? (rows[Number(t[2])] as unknown) : undefined;
    const rowName = isObj(row)
      ? row['code'] !== undefined
        ? `${String(row['code'])} ${String(row['name'] ?? '')}`.trim()
        : (spec.fixedRows.find((r) => r.id === row['row'])?.label ?? String(row['row'] ?? ''))
      : `第 ${Number(t[2]) + 1} 行`;
    const rest = t[3];
    if (!rest) return `${table}「${rowName}」行`;
    const parts = rest.split('.');
    let col = '';
    if (parts[0] === 'reasons')
      col = `主要原因（${parts[1] === 'budget' ? '与年初预算相比' : '与上年相比'}）`;
    else if (parts.length === 2 && WHICH[parts[0]!]) {
      const label = spec.columns.find((c) => c.id === parts[1])?.label ?? parts[1]!;
      col = label === '决算数' ? WHICH[parts[0]!]! : `${WHICH[parts[0]!]}（${label}）`;
    } else col = ROW_FIELD[parts[0]!] ?? spec.columns.find((c) => c.id === parts[0])?.label ?? rest;
    return `${table}「${rowName}」行「${col}」`;
  }
  const pattern = path.replace(/\[\d+\]/g, '[]');
  const words = fieldLabels().get(pattern);
  if (!words) return path;
  // Items of a list are numbered: 绩效… › 项目（第 2 项） › 项目名称.
  const n = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  return n.length ? `${words}（第 ${n.join('、')} 项）` : words;
}

/**
 * A data file that is not valid YAML/JSON, said in Chinese (core's yamlErrorText) with the line and column of
 * each error, before the file goes on to core: throws E_BAD_DATA_FILE, or returns when the text parses.
 */
export function assertValidYaml(text: string, fileName: string): void {
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { uniqueKeys: true });
  if (doc.errors.length === 0) return;
  const problems = doc.errors.slice(0, 20).map((e) => {
    const at = e.linePos?.[0];
    const where = at ? `第 ${at.line} 行第 ${at.col} 列` : '';
    const what = yamlErrorText(e.code, e.message);
    return { ...(at ? { line: at.line } : {}), message: `${where ? `${where}：` : ''}${what}`, where };
  });
  const first = problems[0]!;
  throw new ApiError(
    ApiErrorCode.BadDataFile,
    `数据文件无法读入：${fileName} 不是有效的 YAML/JSON。${first.message}${problems.length > 1 ? `（共 ${problems.length} 处）` : ''}`,
    { problems: problems.map((p) => ({ message: p.message })) },
  );
}
