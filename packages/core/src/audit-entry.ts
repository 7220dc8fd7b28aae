/**
 * @juesuan/core/audit — what auditing a published document needs (readers, the auditor, errors, amounts), without
 * the report writers: importing the whole of @juesuan/core loads echarts, exceljs and docx (about 0.6 s of CPU and
 * 70 MB at start), which `juesuan audit` and its workers never use.
 */
export { ErrorCode, JuesuanError } from './errors.ts';
export { formatAmount } from './money/amount.ts';
export type { AuditResult } from './audit/types.ts';
export type { PdfDamage } from './read/text-document.ts';
export { auditTextDocument } from './audit/audit.ts';
export { findingPage, findingQuote } from './audit/document-rule.ts';
export { parseRuleConfig } from './validate.ts';
export type { SeverityOverrides } from './rules/types.ts';
export { readDocument } from './read/read-document.ts';
