/** Test helpers for the classification-code rules: rename codes and names in a unit's data. */
import { TABLE_IDS } from '../model/tables.ts';
import type { Data } from './testing.ts';

type RowData = Record<string, unknown>;

function tablesOf(data: Data): Record<string, { rows: RowData[] } | undefined> {
  return data['tables'] as Record<string, { rows: RowData[] } | undefined>;
}

/**
 * Copy of data where every code starting with `from` starts with `to` instead (a whole 类 or 款
 * moved, hierarchy kept), in the given tables (default all); `name` renames the exact code `to`.
 */
export function renameCodes(
  data: Data,
  from: string,
  to: string,
  opts: { tables?: readonly string[]; name?: string } = {},
): Data {
  const copy = structuredClone(data);
  const tables = tablesOf(copy);
  for (const t of opts.tables ?? TABLE_IDS) {
    for (const r of tables[t]?.rows ?? []) {
      const code = r['code'];
      if (typeof code !== 'string' || !code.startsWith(from)) continue;
      r['code'] = to + code.slice(from.length);
      if (opts.name !== undefined && r['code'] === to) r['name'] = opts.name;
    }
  }
  return copy;
}

/** Copy of data where the row with this code has another name (or none) in the given tables. */
export function renameRow(
  data: Data,
  code: string,
  name: string | undefined,
  tables: readonly string[],
): Data {
  const copy = structuredClone(data);
  const all = tablesOf(copy);
  for (const t of tables) {
    for (const r of all[t]?.rows ?? []) {
      if (r['code'] !== code) continue;
      if (name === undefined) delete r['name'];
      else r['name'] = name;
    }
  }
  return copy;
}

/** Copy of data with the rows of these codes removed from the given tables. */
export function dropRows(data: Data, codes: readonly string[], tables: readonly string[]): Data {
  const copy = structuredClone(data);
  const all = tablesOf(copy);
  for (const t of tables) {
    const tbl = all[t];
    if (tbl) tbl.rows = tbl.rows.filter((r) => !codes.includes(String(r['code'])));
  }
  return copy;
}
