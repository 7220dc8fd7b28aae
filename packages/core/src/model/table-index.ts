/** The 类/款/项 structure of a classified table: which rows add up to which. */
import type { Row, Table, TableIndex } from './disclosure.ts';

export function buildTableIndex(table: Table): TableIndex {
  const tops: Row[] = [];
  const children = new Map<string, Row[]>();
  for (const r of table.rows) {
    const code = r.code;
    if (!code) continue;
    if (code.length === 3) tops.push(r);
    else {
      const parent = code.length === 7 ? code.slice(0, 5) : code.slice(0, 3);
      const list = children.get(parent);
      if (list) list.push(r);
      else children.set(parent, [r]);
      if (!table.byKey.has(code.slice(0, 3)) && !(code.length === 7 && table.byKey.has(code.slice(0, 5))))
        tops.push(r);
    }
  }
  return { tops, children };
}
