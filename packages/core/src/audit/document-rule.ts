/**
 * Rules that read a published document (rules/catalog/narrative-*.ts, document-*.ts, audit-model.ts): the same
 * meta as the data rules (id, title, severity, category, basis, description) and the same Finding, with a check that
 * reads what the auditor found in the document instead of a data file. One registry lists both kinds
 * (rules/registry.ts); one config file sets the severity of either (validate.ts parseRuleConfig).
 */
import type { TextDocument } from '../read/text-document.ts';
import { ruleMessage } from '../rules/messages.ts';
import type {
  Finding,
  Location,
  MessageData,
  RuleMeta,
  Severity,
  SeverityOverrides,
} from '../rules/types.ts';
import type { NarrativeReading } from './narrative-extract.ts';
import type { ExtractedTable, StatedFigure } from './types.ts';

/**
 * When a rule runs in the audit: `file` on the document as read (before its text is trusted; a scan stops the audit
 * there), `text` on the narrative and the tables read from it, `verdict` on what the text stage found (a document
 * that is not a disclosure stops the audit there), `model` after the model was rebuilt and the data rules ran.
 */
export type DocumentStage = 'file' | 'text' | 'verdict' | 'model';

/** What the auditor found in the document, as far as the stage has got. */
export interface DocumentFacts {
  readonly doc: TextDocument;
  readonly reading: NarrativeReading;
  readonly figures: readonly StatedFigure[];
  /** The report year (given by the caller or read from the title); undefined when neither says it. */
  readonly year: number | undefined;
  readonly tables: readonly ExtractedTable[];
  /** Why the figures and tables read could not make a model (stage `model`). */
  readonly modelError?: string;
  /** Rule ids of the findings of the `text` stage, whatever their configured severity (stage `verdict`). */
  readonly earlier?: readonly string[];
}

/** A ready message, or the id of a template in the rule's `messages` with the values to fill in. */
export type DocumentReport = DocumentReportBase &
  (
    | { message: string; messageId?: undefined; data?: undefined }
    | { messageId: string; data?: MessageData; message?: undefined }
  );

interface DocumentReportBase {
  /** The spans of document text involved: page, line and the quoted sentence (a label alone when there is none). */
  location: Location[];
  expected?: string;
  actual?: string;
  difference?: string;
  /** Defaults to the rule's severity (or the configured one). */
  severity?: Severity;
  /**
   * Where the finding sorts among the findings of its stage: phase, then the figure's index, then the step
   * (see NARRATIVE_PHASE). Findings with equal keys keep the order their rule reported them.
   */
  order?: readonly number[];
}

export interface DocumentRuleContext {
  readonly facts: DocumentFacts;
  report(f: DocumentReport): void;
}

export interface DocumentRule extends RuleMeta {
  appliesTo: 'document' | 'both';
  stage: DocumentStage;
  checkDocument(ctx: DocumentRuleContext): void;
}

/** Sort phases of the text stage, so that findings come out in the order a reviewer checks: shares, changes, … */
export const NARRATIVE_PHASE = {
  share: 0,
  prior: 1,
  budget: 2,
  repeat: 3,
  year: 4,
  placeholder: 5,
  punctuation: 6,
  missingSection: 7,
  emptyTable: 8,
  table: 9,
  yearUnknown: 10,
} as const;

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Runs the document rules of one stage on the facts and returns their findings in order. Every rule runs, `off`
 * ones too (a verdict must not depend on the config): dropOff removes what the config turned off.
 */
export function runDocumentRules(
  rules: readonly DocumentRule[],
  stage: DocumentStage,
  facts: DocumentFacts,
  overrides: SeverityOverrides = {},
): Finding[] {
  const out: { f: Finding; order: readonly number[] }[] = [];
  for (const rule of rules) {
    if (rule.stage !== stage) continue;
    const o = overrides[rule.id];
    const severity = o === undefined || o === 'off' ? rule.severity : o;
    rule.checkDocument({
      facts,
      report(r) {
        const f: Finding = {
          rule: rule.id,
          severity: r.severity ?? severity,
          category: rule.category,
          message: r.messageId !== undefined ? ruleMessage(rule, r.messageId, r.data) : r.message,
          location: r.location,
        };
        if (r.messageId !== undefined) f.messageId = r.messageId;
        if (r.expected !== undefined) f.expected = r.expected;
        if (r.actual !== undefined) f.actual = r.actual;
        if (r.difference !== undefined) f.difference = r.difference;
        out.push({ f, order: r.order ?? [] });
      },
    });
  }
  // A stable sort: equal keys keep the order in which they were reported.
  return out.sort((a, b) => compareOrder(a.order, b.order)).map((x) => x.f);
}

/** The findings whose rule the config turned off removed. */
export function dropOff(findings: readonly Finding[], overrides: SeverityOverrides = {}): Finding[] {
  return findings.filter((f) => overrides[f.rule] !== 'off');
}

/** The page a finding points to in the document (its first location with a page). */
export function findingPage(f: Pick<Finding, 'location'>): number | undefined {
  return f.location.find((l) => l.page !== undefined)?.page;
}

/** The text a finding quotes: the distinct quotes of its locations, joined by " …… ". */
export function findingQuote(f: Pick<Finding, 'location'>): string | undefined {
  const quotes = [...new Set(f.location.map((l) => l.quote).filter((t): t is string => !!t))];
  return quotes.length > 0 ? quotes.join(' …… ') : undefined;
}
