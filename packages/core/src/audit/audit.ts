/**
 * `audit`: a published disclosure (PDF, DOCX or text) read the way a careful reviewer reads it — every
 * stated figure with its meaning and place, the nine tables rebuilt and accepted only when they balance,
 * the model rebuilt from both and checked with the same rule catalogue as `validate`, plus the narrative
 * checks. Every finding carries its evidence: page, quoted text, expected and found.
 */
import type { Disclosure } from '../model/disclosure.ts';
import { JuesuanError } from '../errors.ts';
import { readDocument, type ReadOptions } from '../read/read-document.ts';
import type { TextDocument } from '../read/text-document.ts';
import { DOCUMENT_RULES } from '../rules/registry.ts';
import type { Finding, Location, SeverityOverrides } from '../rules/types.ts';
import { validateDisclosure } from '../validate.ts';
import { dropOff, runDocumentRules, type DocumentFacts, type DocumentStage } from './document-rule.ts';
import { disclosureFromExtraction, narrativeEmptyStatements } from './model-from-extraction.ts';
import { readNarrative } from './narrative-extract.ts';
import { extractTables } from './table-extract.ts';
import type { AuditResult, Evidence, ExtractedTable, StatedFigure } from './types.ts';

export type AuditOptions = ReadOptions;

/** The unit's kind as the text states it; 事业 when it cannot tell (the milder checks of 机关运行经费). */
function unitKind(doc: TextDocument): '行政' | '参公' | '事业' {
  const text = doc.pages.map((p) => p.lines.map((l) => l.text).join('')).join('');
  if (/（事业单位）|\(事业单位\)|为事业单位|属于事业单位|公益[一二]类事业单位/.test(text)) return '事业';
  if (/（参公单位）|参照公务员法管理的事业单位）|（参公）/.test(text)) return '参公';
  if (/（行政单位）|\(行政单位\)|为行政单位|属于行政单位/.test(text)) return '行政';
  return '事业';
}

/** Evidence for each model cell that a figure or a table line gave. */
function evidenceIndex(figures: readonly StatedFigure[]): Map<string, Evidence> {
  const m = new Map<string, Evidence>();
  for (const f of figures) if (!m.has(f.key)) m.set(f.key, f.evidence);
  return m;
}

function cellKey(table: string, row: string, column: string): string[] {
  // The narrative keys that can name this cell (see model-from-extraction.ts).
  if (table === 't7')
    return [`threePublic.${row}${column === 'budget' ? '.budget' : ''}`, `t7.${row}.${column}`];
  if (table === 't1' || table === 't6') return [`${table}.${row}`];
  return [`${table}.${row}.${column}`];
}

/**
 * A rule finding of the rebuilt model as plain data, with the page and quoted text of the first of its cells that a
 * figure or a table line of the document gave.
 */
function withEvidence(f: Finding, evidence: Map<string, Evidence>): Finding {
  let found = false;
  const location = f.location.map((loc): Location => {
    const out: Location = { ...loc };
    if (found) return out;
    const keys =
      loc.table && loc.row && loc.column
        ? cellKey(loc.table, loc.row, loc.column)
        : loc.field
          ? [loc.field]
          : [];
    for (const k of keys) {
      const e = evidence.get(k);
      if (e) {
        out.page = e.page;
        out.quote = e.text;
        found = true;
        break;
      }
    }
    return out;
  });
  const out: Finding = {
    rule: f.rule,
    severity: f.severity,
    category: f.category,
    message: f.message,
    location,
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.difference !== undefined) out.difference = f.difference;
  if (f.kind !== undefined) out.kind = f.kind;
  return out;
}

/**
 * A missing "主要原因" in a published document. The data-file rule is an error: the unit filling in its data must
 * give it. A publication is read as printed: a reason anywhere in the comparison's paragraph was taken as its
 * reason (narrative-extract.ts); where none is printed, the region's form may not ask for one (many give the
 * purpose, 主要用于…, or no explanation for the items), so a reviewer notes it and does not reject the
 * document on it — a warning, unless the configuration sets the rule's severity. A reason left as a
 * placeholder (reason-placeholder) stays an error.
 */
function publishedSeverity(f: Finding, overrides: SeverityOverrides): Finding {
  if (
    f.severity !== 'error' ||
    !f.rule.startsWith('reason-') ||
    f.rule === 'reason-placeholder' ||
    overrides[f.rule] !== undefined
  )
    return f;
  return { ...f, severity: 'warning', message: `${f.message}（公开文本未写明原因）` };
}

function summarise(findings: readonly Finding[]): AuditResult['summary'] {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/**
 * 表七–表九's empty-table statement (本表为空表) is printed under the table: of a table the text did not contain
 * (not found, or not readable) the audit cannot say it lacks one — its figures may come from the narrative alone.
 * The narrative's own statement is narrative-empty-table's to check.
 */
function aboutUnreadTable(f: Finding, tables: readonly ExtractedTable[]): boolean {
  if (f.rule !== 'statement-empty-table') return false;
  const t = tables.find((x) => x.id === f.location[0]?.table);
  return t === undefined || t.status === 'missing' || t.status === 'unreadable';
}

export interface AuditTextOptions {
  /** The report year, when the caller knows it (else read from the title). */
  year?: number;
  /** Severities from a config file (parseRuleConfig), for document and data rules alike. */
  overrides?: SeverityOverrides;
}

/** Audits a document already read. */
export function auditTextDocument(
  doc: TextDocument,
  options: AuditTextOptions = {},
): AuditResult & { model?: Disclosure } {
  const overrides = options.overrides ?? {};
  const pages = doc.pages.length;
  const reading = readNarrative(doc, options.year !== undefined ? { year: options.year } : {});
  const year = options.year ?? reading.year;
  const base = { file: doc.file, kind: doc.kind, pages };
  const facts: DocumentFacts = { doc, reading, figures: reading.figures, year, tables: [] };
  const run = (stage: DocumentStage, f: DocumentFacts) =>
    runDocumentRules(DOCUMENT_RULES, stage, f, overrides);
  const findings = dropOff(run('file', facts), overrides);
  if (findings.some((f) => f.rule === 'document-scanned')) {
    return { ...base, figures: [], tables: [], findings, summary: summarise(findings) };
  }
  const figures = reading.figures;
  const tables = extractTables(doc, year);
  const textFacts: DocumentFacts = { ...facts, tables };
  const narrative = run('text', textFacts);
  // Nothing of a 决算公开 at all: one finding, not a list of every missing section (whatever the config shows).
  const verdict = dropOff(run('verdict', { ...textFacts, earlier: narrative.map((f) => f.rule) }), overrides);
  if (verdict.length > 0) {
    findings.push(...verdict);
    return { ...base, figures, tables: [], findings, summary: summarise(findings) };
  }
  findings.push(...dropOff(narrative, overrides));
  let model: Disclosure | undefined;
  if (year !== undefined) {
    try {
      model = disclosureFromExtraction({
        year,
        unit: reading.unit ?? '',
        kind: unitKind(doc),
        figures,
        tables,
        emptyStatements: narrativeEmptyStatements(reading.flow.text),
      });
      const outcome = validateDisclosure(model, { overrides });
      const evidence = evidenceIndex(figures);
      for (const f of outcome.findings)
        if (!aboutUnreadTable(f, tables))
          findings.push(publishedSeverity(withEvidence(f, evidence), overrides));
    } catch (e) {
      const modelError =
        e instanceof JuesuanError
          ? `${e.message}：${e.problems.map((p) => `${p.path ?? ''} ${p.message}`).join('；')}`
          : String(e);
      findings.push(...dropOff(run('model', { ...textFacts, modelError }), overrides));
    }
  }
  const result: AuditResult & { model?: Disclosure } = {
    ...base,
    figures,
    tables,
    findings,
    summary: summarise(findings),
  };
  if (year !== undefined) result.year = year;
  if (reading.unit) result.unit = reading.unit;
  result.documentKind = reading.sections.kind;
  result.documentForm = reading.sections.form;
  if (model) result.model = model;
  return result;
}

/** Reads and audits one document (bytes of a PDF, DOCX or text file). */
export async function auditDocument(
  bytes: Uint8Array,
  file: string,
  options: AuditOptions & { overrides?: SeverityOverrides } = {},
): Promise<AuditResult & { model?: Disclosure }> {
  const doc = await readDocument(bytes, file, options);
  return auditTextDocument(doc, options.overrides ? { overrides: options.overrides } : {});
}
