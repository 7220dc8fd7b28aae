/**
 * Every call from the web package into @juesuan/core goes through this module. Core's API is being
 * refactored (findings become plain data, a `saveDisclosure` serialiser is coming); when it changes,
 * this file changes and nothing else in the server does. Nothing here leaks core types: the rest of
 * the server sees the plain shapes declared below.
 */
import {
  JuesuanError,
  disclosureFromData,
  findingToJson,
  loadDisclosure,
  validateDisclosure,
  MAX_DATA_FILE_BYTES,
  TABLE_IDS,
  TABLE_SPECS,
} from '@juesuan/core';
import { parseDocument, type ScalarTag } from 'yaml';
import { ApiError, ApiErrorCode } from './errors.ts';

/** Largest data file the server accepts (core's limit). */
export const MAX_DATA_BYTES: number = MAX_DATA_FILE_BYTES;

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface FindingCell {
  label: string;
  table?: string | undefined;
  row?: string | undefined;
  column?: string | undefined;
  which?: string | undefined;
  field?: string | undefined;
  line?: number | undefined;
  value?: string | undefined;
}

export interface FindingData {
  rule: string;
  severity: FindingSeverity;
  message: string;
  /** Where, as one line of text. */
  location: string;
  cells: FindingCell[];
  expected?: string | undefined;
  actual?: string | undefined;
  difference?: string | undefined;
  kind?: string | undefined;
}

export interface NotRunData {
  rule: string;
  reason: string;
  detail: string;
}

export interface FindingsReport {
  summary: { error: number; warning: number; info: number; rules: number; notRun: number };
  findings: FindingData[];
  notRun: NotRunData[];
}

/** What the server needs to know about a checked data file. */
export interface CheckedData {
  /** Plain data as stored (JSON-safe; decimals kept as text). */
  data: unknown;
  year: number;
  unitName: string;
  report: FindingsReport;
}

function toApiError(e: unknown, what: string): never {
  if (e instanceof JuesuanError) {
    const status = e.code === 'E_TOO_LARGE' ? ApiErrorCode.TooLarge : ApiErrorCode.BadDataFile;
    throw new ApiError(status, `${what}：${e.message}`, {
      problems: e.problems.map((p) => ({
        ...(p.path !== undefined ? { path: p.path } : {}),
        ...(p.line !== undefined ? { line: p.line } : {}),
        message: p.message,
      })),
    });
  }
  throw e;
}

function report(d: ReturnType<typeof disclosureFromData>): FindingsReport {
  const outcome = validateDisclosure(d);
  return {
    summary: { ...outcome.summary },
    // Core's JSON form is already plain data of this shape, made for every save: used as it is, not
    // copied field by field and cell by cell again.
    findings: outcome.findings.map(findingToJson),
    notRun: outcome.notRun.map((n) => ({ rule: n.rule, reason: n.reason, detail: n.detail })),
  };
}

/**
 * Plain data of a YAML/JSON file with every float kept as its decimal text, as core reads it: an
 * amount such as 360.44 never passes through a binary float. (Core will export this; until then the
 * rule is restated here, in the one module that knows core.)
 */
function plainData(text: string): unknown {
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    uniqueKeys: true,
    customTags: (tags) =>
      tags.map((t) => {
        if (typeof t !== 'object' || t.tag !== 'tag:yaml.org,2002:float' || 'collection' in t) return t;
        const asText: ScalarTag = { ...(t as ScalarTag), resolve: (s: string) => s };
        return asText;
      }),
  });
  return doc.toJS({ maxAliasCount: 100 });
}

/** Reads an uploaded data file (YAML or JSON) and checks it; a file that cannot be read is `E_BAD_DATA_FILE`. */
export function readDataFile(content: string | Uint8Array, fileName: string): CheckedData {
  try {
    const d = loadDisclosure(content, { file: fileName });
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    return { data: plainData(text), year: d.year, unitName: d.unit.name, report: report(d) };
  } catch (e) {
    return toApiError(e, '数据文件无法读入');
  }
}

/** Checks data sent by the browser (the data file as a JSON object). */
export function checkData(data: unknown): CheckedData {
  try {
    const d = disclosureFromData(data);
    return { data, year: d.year, unitName: d.unit.name, report: report(d) };
  } catch (e) {
    return toApiError(e, '数据有误，未保存');
  }
}

/** The data file text of stored data (JSON, as saved). Core's `saveDisclosure` will replace this. */
export function dataFileText(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

export interface TableSpecData {
  id: string;
  number: string;
  name: string;
  columns: { id: string; label: string }[];
  fixedRows: { id: string; label: string }[];
}

/** The nine tables' official labels, for showing data the way the forms print it. */
export function tableSpecs(): TableSpecData[] {
  return TABLE_IDS.map((id) => {
    const s = TABLE_SPECS[id];
    return {
      id,
      number: s.number,
      name: s.name,
      columns: s.columns.map((c) => ({ id: c.id, label: c.label })),
      fixedRows: s.fixedRows.map((r) => ({ id: r.id, label: r.label })),
    };
  });
}
