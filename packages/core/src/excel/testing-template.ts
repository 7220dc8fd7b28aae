/**
 * A data-entry workbook filled in by code the way a person fills it (for the template tests in core
 * and the CLI): each figure typed into its cell, code rows into the empty rows.
 */
import ExcelJS from 'exceljs';
import { TABLE_SPECS } from '../model/tables.ts';
import {
  FIELD_SHEETS,
  GOALS_SHEET,
  INDICATORS_SHEET,
  PROJECTS_SHEET,
  TABLE_SHEETS,
} from './template-layout.ts';

type Obj = Record<string, unknown>;

export async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function keyRow(ws: ExcelJS.Worksheet): Map<string, number> {
  const m = new Map<string, number>();
  ws.getRow(3).eachCell((c, n) => m.set(String(c.value), n));
  return m;
}

export function rowWithKey(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === key) return r;
  throw new Error(`no row ${key} in ${ws.name}`);
}

/**
 * Fills a fresh template with a data file's figures the way a person would: each figure typed into
 * its cell (a stated total over a formula, as after 撤销工作表保护), code rows into the empty rows.
 */
export async function fillTemplate(template: Uint8Array, data: Obj): Promise<Uint8Array> {
  const wb = await open(template);
  for (const fs of FIELD_SHEETS) {
    const ws = wb.getWorksheet(fs.name)!;
    for (const f of fs.fields) {
      let v: unknown = data;
      for (const k of f.path.split('.')) v = v && typeof v === 'object' ? (v as Obj)[k] : undefined;
      if (v === undefined || f.path === 'year') continue;
      const r = rowWithKey(ws, f.path);
      ws.getCell(r, 3).value =
        f.kind === 'list'
          ? (v as string[]).join('、')
          : f.kind === 'amount' || f.kind === 'count'
            ? Number(v)
            : String(v);
    }
  }
  for (const { id, name } of TABLE_SHEETS) {
    const ws = wb.getWorksheet(name)!;
    const cols = keyRow(ws);
    const t = (data['tables'] as Obj)[id] as { rows: Obj[]; emptyStatement?: string } | undefined;
    if (!t) continue;
    let nextCodeRow = 0;
    const codeRows: number[] = [];
    for (let r = 6; r <= ws.rowCount; r++) {
      const k = ws.getCell(r, 1).value;
      if (k === 'emptyStatement') break;
      if (k === null || k === '') codeRows.push(r);
    }
    for (const row of t.rows) {
      const r = row['row'] !== undefined ? rowWithKey(ws, String(row['row'])) : codeRows[nextCodeRow++]!;
      if (row['code'] !== undefined) {
        ws.getCell(r, cols.get('code')!).value = String(row['code']);
        if (row['name'] !== undefined) ws.getCell(r, cols.get('name')!).value = String(row['name']);
      }
      for (const c of TABLE_SPECS[id].columns) {
        const put = (prefix: string, v: unknown) => {
          if (v !== undefined && v !== null) ws.getCell(r, cols.get(`${prefix}${c.id}`)!).value = Number(v);
        };
        put('v:', row[c.id]);
        put('p:', (row['prior'] as Obj | undefined)?.[c.id]);
        put('b:', (row['initialBudget'] as Obj | undefined)?.[c.id]);
      }
      const reasons = row['reasons'] as Obj | undefined;
      if (reasons?.['prior']) ws.getCell(r, cols.get('r:prior')!).value = String(reasons['prior']);
      if (reasons?.['budget']) ws.getCell(r, cols.get('r:budget')!).value = String(reasons['budget']);
    }
    if (t.emptyStatement)
      ws.getCell(rowWithKey(ws, 'emptyStatement'), cols.get('name')! + 1).value = t.emptyStatement;
  }
  const perf = data['performance'] as { projects?: Obj[] } | undefined;
  const lists: [string, Obj[]][] = [
    [PROJECTS_SHEET.name, (perf?.projects ?? []).map((p, i) => ({ ...p, no: i + 1 }))],
    [
      GOALS_SHEET.name,
      (perf?.projects ?? []).flatMap((p, i) =>
        ((p['goals'] as Obj[] | undefined) ?? []).map((g) => ({ ...g, project: i + 1 })),
      ),
    ],
    [
      INDICATORS_SHEET.name,
      (perf?.projects ?? []).flatMap((p, i) =>
        ((p['indicators'] as Obj[] | undefined) ?? []).map((g) => ({ ...g, project: i + 1 })),
      ),
    ],
  ];
  for (const [name, items] of lists) {
    const ws = wb.getWorksheet(name)!;
    const cols = keyRow(ws);
    items.forEach((item, i) => {
      for (const [key, c] of cols) {
        if (key === '#keys') continue;
        let v: unknown = item;
        for (const k of key.split('.')) v = v && typeof v === 'object' ? (v as Obj)[k] : undefined;
        if (v !== undefined) ws.getCell(6 + i, c).value = typeof v === 'number' ? v : String(v);
      }
    });
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
