/**
 * Data-file fields in words, from the descriptions of core's data-format schema (the same text as
 * docs/data-format.md): `procurement.goods` → 政府采购情况 › 政府采购货物支出. The table fields are named
 * by their table, row and column: `tables.t5.rows[3].prior.total` → 表五 …「2101102 事业单位医疗」行
 * 「上年决算数（合计）」. For 待补内容清单.txt and anything else a person reads.
 */
import { disclosureFileSchema } from '@juesuan/core';
import { tableSpecs } from '../core-adapter.ts';
import { z } from 'zod';

interface JsonNode {
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
}

let cache: Map<string, string> | undefined;

/** Every field's words by path pattern (array items as `[]`): `performance.projects[].name` → 绩效… › 项目名称. */
export function fieldLabels(): Map<string, string> {
  if (cache) return cache;
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
  cache = out;
  return out;
}

const WHICH: Record<string, string> = { prior: '上年决算数', initialBudget: '年初预算数' };
const ROW_FIELD: Record<string, string> = { code: '科目编码', name: '科目名称', row: '行' };

type Row = Record<string, unknown>;
const isObj = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A data path in words; the data gives the names of the rows. Unknown paths are returned as they are. */
export function describeField(path: string, data?: unknown): string {
  const t = /^tables\.(t\d)(?:\.rows\[(\d+)\](?:\.(.+))?|\.(emptyStatement))?$/.exec(path);
  if (t) {
    const spec = tableSpecs().find((s) => s.id === t[1]);
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
