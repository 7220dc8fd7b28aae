/**
 * @juesuan/core — money, classifications, the disclosure model, rules and reports.
 *
 * Named exports only (no `export *`, see test/public-surface.test.ts): what the CLI, the web application, the
 * benchmarks and the scripts use, and the model's serialiser. Generators and sample inputs for tests are in
 * `@juesuan/core/testing`; what auditing alone needs is also in the lighter `@juesuan/core/audit`.
 */
export { ErrorCode, JuesuanError, formatProblem, InputNeed, type InputProblem } from './errors.ts';
export { formatAmount, parseAmount, MoneyUnit } from './money/amount.ts';
export { TABLE_IDS, TABLE_SPECS, type TableId } from './model/tables.ts';
export type { Disclosure } from './model/disclosure.ts';
export { disclosureFileSchema } from './model/schema.ts';
export { loadDisclosure, disclosureFromData, MAX_DATA_FILE_BYTES } from './model/load.ts';
// The serialiser from model to data file (issue 7): what the web application saves a person's edits with.
export { saveDisclosure, type SaveFormat, type SaveOptions } from './model/save.ts';
export { yamlErrorText } from './model/yaml-source.ts';
export {
  catalogueFromCsv,
  catalogueFromRows,
  type Catalogue,
  type CatalogueSet,
  type ClassificationKind,
} from './classification/catalogue.ts';
export { builtinCatalogue, builtinCatalogues, builtinYears } from './classification/builtin.ts';
export { citedDocuments, describeSource, provenanceCounts } from './classification/provenance.ts';
export { ruleSettingsFor } from './profiles/rule-settings.ts';
export { ALL_RULES, ruleById, ruleMetaById, rulesInOrder } from './rules/registry.ts';
export {
  CATEGORY_LABEL,
  SEVERITY_LABEL,
  APPLIES_TO_LABEL,
  ruleAppliesTo,
  type Finding,
  type NotRun,
  type RuleOutcome,
  type SeverityOverrides,
} from './rules/types.ts';
export { validateDisclosure, parseRuleConfig, findingToJson } from './validate.ts';
export { formatFindingsText } from './report/findings-text.ts';
export type { Block, DocTable, ReportDocument } from './report/document.ts';
export { buildReport, DRAFT_REASON_INCOMPLETE } from './report/build.ts';
export { dataWarnings, documentGaps, type DataWarning, type DocumentGaps, type Gap } from './report/gaps.ts';
export { builtinProfile, builtinProfileNames, parseProfile, type ReportProfile } from './report/profile.ts';
export { writeDocx } from './report/writers/docx.ts';
export { writeXlsx } from './report/writers/xlsx.ts';
export { writeHtml } from './report/writers/html.ts';
export { writeMarkdown } from './report/writers/markdown.ts';
export { writeCsv, writeJson } from './report/writers/open-data.ts';
export type { AuditResult, StatedFigure } from './audit/types.ts';
export type { TextDocument } from './read/text-document.ts';
export { auditDocument, auditTextDocument } from './audit/audit.ts';
export { findingPage, findingQuote } from './audit/document-rule.ts';
export { readDocument } from './read/read-document.ts';
export { readPdf, MAX_PDF_BYTES } from './read/pdf-reader.ts';
export { normaliseText, documentParagraphs } from './read/normalise.ts';
// Spreadsheets, 舍位平衡, consolidation and consecutive years (issue 10).
export {
  importWorkbook,
  importWorkbooks,
  sourceOfPath,
  pathOfLocation,
  formatCellSource,
  type ImportOptions,
} from './excel/import.ts';
export { formatImportReport } from './excel/report-text.ts';
export { templateWorkbook, exportWorkbook, type TemplateOptions } from './excel/template.ts';
export { sniffSpreadsheet, MAX_WORKBOOK_BYTES } from './excel/container.ts';
export { dataFileToYaml } from './excel/data-yaml.ts';
export { parseDataFile } from './excel/data-text.ts';
export { balanceData } from './balance/balance.ts';
export { consolidate, type TransferPair } from './consolidate/consolidate.ts';
export { applyPreviousYear, checkCarriedFigures, previousFromPublication } from './years/previous-year.ts';
