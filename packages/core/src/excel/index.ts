/** Spreadsheets in and out: import of the nine tables, the data-entry workbook and its export. */
export {
  importWorkbook,
  importWorkbooks,
  readWorkbookGrid,
  sourceOfPath,
  pathOfLocation,
  formatCellSource,
  type CellSource,
  type DataFile,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type ImportedTable,
  type WorkbookInput,
} from './import.ts';
export { formatImportReport } from './report-text.ts';
export { templateWorkbook, exportWorkbook, type TemplateOptions, type ExportOptions } from './template.ts';
export {
  sniffSpreadsheet,
  MAX_WORKBOOK_BYTES,
  MAX_INFLATED_BYTES,
  type SpreadsheetKind,
} from './container.ts';
export { TABLE_TITLES, matchTableTitle } from './vocabulary.ts';
export { dataFileToYaml, type YamlOptions } from './data-yaml.ts';
export { parseDataFile } from './data-text.ts';
