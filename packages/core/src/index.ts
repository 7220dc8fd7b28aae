/** @juesuan/core — money, classifications, the disclosure model, rules and reports. */
export { ErrorCode, JuesuanError, formatProblem, InputNeed, type InputProblem } from './errors.ts';
export * from './money/index.ts';
export {
  TABLE_IDS,
  TABLE_SPECS,
  columnLabel,
  fixedRowLabel,
  type TableId,
  type TableSpec,
} from './model/tables.ts';
export type * from './model/disclosure.ts';
export { disclosureFileSchema, FORMAT_ID, type DisclosureFile } from './model/schema.ts';
export {
  loadDisclosure,
  disclosureFromData,
  MAX_DATA_FILE_BYTES,
  type FromDataOptions,
} from './model/load.ts';
export {
  saveDisclosure,
  disclosureToData,
  exactAmountText,
  type SaveFormat,
  type SaveOptions,
} from './model/save.ts';
export {
  GLOSSARY,
  glossaryLabels,
  glossaryName,
  spokenName,
  type Term,
  type TermId,
} from './glossary/glossary.ts';
export {
  catalogueFromCsv,
  catalogueFromRows,
  catalogueName,
  sameClassName,
  type Catalogue,
  type CatalogueEntry,
  type CatalogueSet,
  type ClassificationKind,
} from './classification/catalogue.ts';
export { builtinCatalogue, builtinCatalogues, builtinYears } from './classification/builtin.ts';
export {
  citedDocuments,
  describeSource,
  provenanceCounts,
  SOURCE_STATUS_LABEL,
  type SourceInfo,
  type SourceStatus,
} from './classification/provenance.ts';
export { ruleSettingsFor, RULE_SETTINGS, type RuleSettings } from './profiles/rule-settings.ts';
export { runRules, type RunOptions } from './rules/engine.ts';
export {
  ALL_RULES,
  CATALOGUE,
  DOCUMENT_RULES,
  ruleById,
  ruleMetaById,
  rulesInOrder,
} from './rules/registry.ts';
export {
  CATEGORY_LABEL,
  SEVERITY_LABEL,
  APPLIES_TO_LABEL,
  ruleAppliesTo,
  type AppliesTo,
  type RuleMeta,
  type Finding,
  type Location,
  type NotRun,
  type Rule,
  type RuleOutcome,
  type Severity,
  type SeverityOverrides,
} from './rules/types.ts';
export { validateDisclosure, parseRuleConfig, findingToJson, type FindingJson } from './validate.ts';
export { formatFindingsText } from './report/findings-text.ts';
export type * from './report/document.ts';
export {
  buildReport,
  DRAFT_REASON_ERRORS,
  DRAFT_REASON_INCOMPLETE,
  type BuildOptions,
} from './report/build.ts';
export { draftNotice, UNKNOWN_CELL_NOTE, UNKNOWN_CELL_TEXT } from './report/document.ts';
export {
  dataWarnings,
  documentGaps,
  tableName,
  type DataWarning,
  type DocumentGaps,
  type Gap,
} from './report/gaps.ts';
export { buildNarrative } from './report/narrative.ts';
export { builtinProfile, builtinProfileNames, parseProfile, type ReportProfile } from './report/profile.ts';
export { writeDocx, type DeflateRaw, type OfficeWriteOptions } from './report/writers/docx.ts';
export { writeXlsx } from './report/writers/xlsx.ts';
export { writeHtml } from './report/writers/html.ts';
export { writeMarkdown } from './report/writers/markdown.ts';
export { writeCsv, writeJson } from './report/writers/open-data.ts';
export { renderChartSvg } from './report/charts.ts';
export type * from './audit/types.ts';
export type * from './read/text-document.ts';
export { auditDocument, auditTextDocument, type AuditOptions } from './audit/audit.ts';
export { findingPage, findingQuote, type DocumentRule } from './audit/document-rule.ts';
export { allLines } from './read/text-document.ts';
export {
  readDocument,
  sniffDocument,
  type DocumentKind,
  type ReadOptions,
  type SniffResult,
} from './read/read-document.ts';
export { readPdf, MAX_PDF_BYTES, MAX_PDF_PAGES, type PdfReadOptions } from './read/pdf-reader.ts';
export { describeDamage, describeDamageItem } from './read/pdf-damage.ts';
export { readDocx } from './read/docx-reader.ts';
export { readText, decodeText } from './read/text-reader.ts';
export {
  normaliseText,
  joinBrokenLines,
  removePageFurniture,
  isPageNumber,
  documentParagraphs,
  locateInParagraph,
  type Paragraph,
} from './read/normalise.ts';
// Spreadsheets, 舍位平衡, consolidation and consecutive years (issue 10).
export * from './excel/index.ts';
export * from './balance/index.ts';
export * from './consolidate/index.ts';
export * from './years/index.ts';
