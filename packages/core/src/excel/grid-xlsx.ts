/**
 * XLSX bytes → grids, through exceljs. The archive is checked first (container.ts), so exceljs only
 * ever sees a workbook of bounded inflated size. Merged cells keep their value on the top-left cell
 * and the merge ranges are recorded; hidden rows, columns and sheets are recorded, not dropped.
 */
import type * as ExcelJS from 'exceljs';
import { ErrorCode, JuesuanError } from '../errors.ts';
import { checkWorkbookArchive } from './container.ts';
import { loadExcel } from './exceljs.ts';
import { addMerge, newSheet, setCell, type GridCell, type Sheet, type Workbook } from './grid.ts';

/** Most cells read from one workbook (a unit's nine tables hold a few thousand). */
export const MAX_CELLS = 1_000_000;

/** Shortest decimal text of a number that round-trips: 214.73, not 214.73000000000002. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const p = Number(n.toPrecision(15));
  return String(p);
}

function gridCell(v: ExcelJS.CellValue): GridCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { text: numberText(v), num: v };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const res = f.result as unknown;
      const out: GridCell = {
        text: '',
        formula: f.formula ?? '',
        hasResult: res !== undefined && res !== null,
      };
      if (typeof res === 'number') {
        out.num = res;
        out.text = numberText(res);
      } else if (typeof res === 'string') out.text = res;
      else if (res && typeof res === 'object' && 'error' in (res as object))
        out.text = String((res as { error: string }).error);
      return out;
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string')
      return { text: (v as { text: string }).text };
    if ('error' in v) return { text: String((v as { error: string }).error) };
  }
  return { text: String(v) };
}

/** Reads an XLSX workbook into grids. */
export async function readXlsxGrid(bytes: Uint8Array, file: string): Promise<Workbook> {
  await checkWorkbookArchive(bytes, file);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new JuesuanError(ErrorCode.UnsupportedFormat, `${file}：工作簿已损坏，无法打开`, [
      {
        file,
        message: `Excel 结构有误（${String((e as Error).message ?? e).slice(0, 80)}）；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入`,
      },
    ]);
  }
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    const sheet = newSheet(ws.name);
    sheet.hidden = ws.state !== 'visible';
    const ranges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      if (row.hidden) sheet.hiddenRows.add(r);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = colNumber - 1;
        if (++cells > MAX_CELLS) {
          throw new JuesuanError(ErrorCode.TooLarge, `${file}：单元格过多`, [
            { file, message: `工作簿有 ${MAX_CELLS} 个以上非空单元格，不是正常的决算报表` },
          ]);
        }
        if (cell.type === Excel.ValueType.Merge) {
          const m = cell.master;
          const key = `${Number(m.row) - 1}:${Number(m.col) - 1}`;
          const range = ranges.get(key) ?? {
            top: Number(m.row) - 1,
            left: Number(m.col) - 1,
            bottom: Number(m.row) - 1,
            right: Number(m.col) - 1,
          };
          range.bottom = Math.max(range.bottom, r);
          range.right = Math.max(range.right, c);
          range.top = Math.min(range.top, r);
          range.left = Math.min(range.left, c);
          ranges.set(key, range);
          return;
        }
        const g = gridCell(cell.value);
        if (g) setCell(sheet, r, c, g);
      });
    });
    for (const range of ranges.values()) addMerge(sheet, range);
    const colCount = ws.columnCount;
    for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) sheet.hiddenCols.add(c - 1);
    sheets.push(sheet);
  }
  return { file, sheets };
}
