/**
 * exceljs, loaded when a workbook is first read or written: validating or auditing a unit reads none, and loading
 * exceljs is a third of what `juesuan validate` spends starting up.
 */
import type * as ExcelJS from 'exceljs';

export type ExcelModule = typeof ExcelJS;

let loading: Promise<ExcelModule> | undefined;

export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
