/**
 * @juesuan/core/audit — what auditing a published document needs (readers, the auditor, errors, amounts), without
 * the report writers: importing the whole of @juesuan/core loads echarts, exceljs and docx (about 0.6 s of CPU and
 * 70 MB at start), which `juesuan audit` and its workers never use.
 */
export { ErrorCode, JuesuanError, formatProblem, type InputProblem } from './errors.ts';
export * from './money/index.ts';
export type * from './audit/types.ts';
export type * from './read/text-document.ts';
export { auditDocument, auditTextDocument, type AuditOptions } from './audit/audit.ts';
export { findingPage, findingQuote, type DocumentRule } from './audit/document-rule.ts';
export { parseRuleConfig } from './validate.ts';
export type { Finding, Location, SeverityOverrides } from './rules/types.ts';
export { readDocument, sniffDocument, type ReadOptions } from './read/read-document.ts';
export { describeDamage, describeDamageItem } from './read/pdf-damage.ts';
