/**
 * Model → data file (YAML or JSON): the reverse of `loadDisclosure`, so that what a person edited (in the
 * web application, in a spreadsheet) is saved in the format it was read from: `loadDisclosure(
 * saveDisclosure(m))` holds the same model as `m`. The fields and their order come from the data-format
 * schema (schema.ts) — the order of the examples — and the model's derived parts (row keys and levels,
 * indexes, sources, parsed indicator targets, `halfStepFen`) are not written.
 *
 * Amounts are printed exactly, in the model's `amountUnit` with its `decimals` ("214.73" for 万元 with 2
 * decimals, "2585100.37" for 元): nothing is rounded. An amount finer than the declared decimals (a
 * figure entered in 元 into a file kept in 万元 with 2 decimals) is printed with as many more decimals as
 * it needs — 1 分 is at most 2 decimals of 元, 6 of 万元, 10 of 亿元 — so that saving never changes a
 * figure. Unknown figures are left out (never written as 0).
 */
import { Document, isMap, isScalar, isSeq, visit, type Scalar } from 'yaml';
import { FEN_PER_UNIT, type Fen, type MoneyUnit } from '../money/amount.ts';
import type { Disclosure, Row, Table } from './disclosure.ts';
import { conversionOf, disclosureFileSchema, fileSide } from './schema.ts';
import { TABLE_IDS, TABLE_SPECS, type TableSpec } from './tables.ts';
import type { z } from 'zod';

export type SaveFormat = 'yaml' | 'json';

export interface SaveOptions {
  /** Default 'yaml'. */
  format?: SaveFormat;
}

/**
 * The exact decimal text of an amount in a unit: `decimals` places, or more when the amount needs them
 * (never rounded). 214_730_000 分 in 万元 with 2 decimals → "214.73"; 37 分 in 万元 → "0.000037".
 */
export function exactAmountText(fen: Fen, unit: MoneyUnit, decimals: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额「${fen}」不是以分为单位的整数`);
  const per = FEN_PER_UNIT[unit];
  const maxDecimals = per.toString().length - 1;
  let d = decimals;
  let scaled = BigInt(fen) * 10n ** BigInt(d);
  while (scaled % per !== 0n && d < maxDecimals) {
    d++;
    scaled *= 10n;
  }
  const q = scaled / per;
  const neg = q < 0n;
  const digits = (neg ? -q : q).toString().padStart(d + 1, '0');
  const int = d > 0 ? digits.slice(0, digits.length - d) : digits;
  const frac = d > 0 ? digits.slice(digits.length - d) : '';
  return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}

/** A number written as its decimal text; the YAML writer prints it as a plain number. */
class NumberText {
  constructor(readonly text: string) {}
}

interface Encoder {
  amount: (fen: Fen) => unknown;
  decimal: (text: string) => unknown;
}

type Obj = Record<string, unknown>;

/** A table as the file lists it, amounts still in 分: `row` or `code`, the name when not the default one. */
function tableToFile(spec: TableSpec, t: Table): Obj {
  const rows = t.rows.map((r: Row) => {
    const out: Obj = {};
    if (r.level === 'fixed' || r.level === 'total') {
      out['row'] = r.key;
      if (r.name !== spec.fixedRows.find((x) => x.id === r.key)?.label) out['name'] = r.name;
    } else {
      out['code'] = r.code ?? r.key;
      if (r.name !== '') out['name'] = r.name;
    }
    Object.assign(out, r.values);
    if (r.prior) out['prior'] = r.prior;
    if (r.budget) out['initialBudget'] = r.budget;
    if (r.reasons) out['reasons'] = r.reasons;
    return out;
  });
  const out: Obj = {};
  if (t.emptyStatement !== undefined) out['emptyStatement'] = t.emptyStatement;
  out['rows'] = rows;
  return out;
}

/** Writes `value` the way `schema` reads it: its fields in the schema's order, amounts as text. */
function encode(schema: z.core.$ZodType, value: unknown, enc: Encoder): unknown {
  const conversion = conversionOf(schema);
  if (conversion?.kind === 'amount') return enc.amount(value as Fen);
  if (conversion) return enc.decimal(value as string);
  const base = fileSide(schema);
  const def = base._zod.def;
  if (def.type === 'object' && value !== null && typeof value === 'object') {
    const shape = (def as z.core.$ZodObjectDef).shape;
    const v = value as Obj;
    const out: Obj = {};
    for (const [k, child] of Object.entries(shape)) {
      if (v[k] === undefined) continue;
      out[k] = encode(child, v[k], enc);
    }
    return out;
  }
  if (def.type === 'array' && Array.isArray(value))
    return value.map((x) => encode((def as z.core.$ZodArrayDef).element, x, enc));
  return value;
}

function fieldSchema(key: string): z.core.$ZodType {
  const shape = (fileSide(disclosureFileSchema)._zod.def as z.core.$ZodObjectDef).shape;
  return shape[key]!;
}

/** The data file's content as plain data, with amounts and decimals made by `enc`. */
function toFileData(d: Disclosure, enc: Encoder): Obj {
  const tablesSchema = (fileSide(fieldSchema('tables'))._zod.def as z.core.$ZodObjectDef).shape;
  const tables: Obj = {};
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    // The loader indexes every table the file lists, even an empty one: that marks it as listed.
    if (t.index === undefined && t.rows.length === 0 && t.emptyStatement === undefined) continue;
    tables[id] = encode(tablesSchema[id]!, tableToFile(TABLE_SPECS[id], t), enc);
  }
  const out: Obj = {};
  const shape = (fileSide(disclosureFileSchema)._zod.def as z.core.$ZodObjectDef).shape;
  for (const [k, child] of Object.entries(shape)) {
    if (k === 'tables') {
      out[k] = tables;
      continue;
    }
    let v = (d as unknown as Obj)[k];
    if (k === 'threePublic' && v !== undefined && Object.keys(v as Obj).length === 0) continue;
    if (k === 'performance' && v !== undefined) {
      // An empty list of projects is what a file without one loads as.
      const p = v as Obj;
      if (Array.isArray(p['projects']) && p['projects'].length === 0) v = { ...p, projects: undefined };
    }
    if (v === undefined) continue;
    out[k] = encode(child, v, enc);
  }
  return out;
}

/** A decimal that YAML reads back as the same text: a plain number, else a string. */
const PLAIN_DECIMAL_RE = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

/**
 * The model as the content of a data file (plain data, amounts as decimal strings in the model's unit),
 * for writers of other formats (JSON, spreadsheets).
 */
export function disclosureToData(d: Disclosure): Record<string, unknown> {
  return toFileData(d, {
    amount: (fen) => exactAmountText(fen, d.amountUnit, d.decimals),
    decimal: (t) => t,
  });
}

const numberTextTag = {
  identify: (v: unknown) => v instanceof NumberText,
  tag: 'tag:juesuan.example,2025:number-text',
  default: true,
  resolve: (s: string) => s,
  stringify: (item: Scalar) => (item.value as NumberText).text,
};

/**
 * Short maps and lists of plain values print on one line, as the examples write rows and fund lines;
 * sentences (reasons, descriptions) stay on lines of their own.
 */
const FLOW_WIDTH = 120;
const FLOW_VALUE_WIDTH = 40;

function flowWidth(node: unknown): number | undefined {
  if (isMap(node)) {
    let n = 4;
    for (const it of node.items) {
      if (!isScalar(it.key) || !isScalar(it.value)) return undefined;
      const w = scalarWidth(it.value);
      if (w > FLOW_VALUE_WIDTH) return undefined;
      n += String(it.key.value).length + w + 4;
    }
    return n;
  }
  if (isSeq(node)) {
    let n = 4;
    for (const it of node.items) {
      if (!isScalar(it)) return undefined;
      const w = scalarWidth(it);
      if (w > FLOW_VALUE_WIDTH) return undefined;
      n += w + 2;
    }
    return n;
  }
  return undefined;
}

function scalarWidth(s: Scalar): number {
  const v = s.value;
  const t = v instanceof NumberText ? v.text : String(v);
  // A CJK character takes two columns.
  let w = 0;
  for (const ch of t) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Writes the model as a data file (YAML by default, or JSON). */
export function saveDisclosure(d: Disclosure, options: SaveOptions = {}): string {
  if (options.format === 'json') return JSON.stringify(disclosureToData(d), null, 2) + '\n';
  const data = toFileData(d, {
    amount: (fen) => new NumberText(exactAmountText(fen, d.amountUnit, d.decimals)),
    decimal: (t) => (PLAIN_DECIMAL_RE.test(t) && t !== '-0' ? new NumberText(t) : t),
  });
  const doc = new Document(data, { customTags: [numberTextTag] });
  visit(doc, {
    Map(_k, node) {
      const w = flowWidth(node);
      if (w !== undefined && w <= FLOW_WIDTH && node.items.length > 0) node.flow = true;
    },
    Seq(_k, node) {
      const w = flowWidth(node);
      if (w !== undefined && w <= FLOW_WIDTH && node.items.length > 0) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, singleQuote: true });
}
