/**
 * Cases for the document rules (rules/catalog/<id>.cases.ts), as plain data for the RuleTester (rules/rule-tester.ts):
 * each names a document — the publication the report builder writes for a generated unit, with some of its text
 * replaced, or a text of its own, or reader facts (a scan, damaged pages) — and, for a failing case, the findings the
 * rule must report, in order. The runner audits the document and keeps the findings of the one rule.
 */
import { ruleCases, type ExpectedFinding as TesterExpected, type RuleCases } from '../rules/rule-tester.ts';
import type { Finding, Severity } from '../rules/types.ts';
import type { PdfDamage, TextDocument } from '../read/text-document.ts';
import { disclosureFromData } from '../model/load.ts';
import { buildReport } from '../report/build.ts';
import { builtinProfile } from '../report/profile.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { auditTextDocument } from './audit.ts';
import { runDocumentRules, type DocumentRule } from './document-rule.ts';
import { readNarrative } from './narrative-extract.ts';
import { textDocumentFromReport, textDocumentFromString } from './plain-text.ts';
import type { ExtractedTable, StatedFigure } from './types.ts';

export interface DocumentCase {
  name: string;
  /** Replacements in the built publication (each `from` must occur; its first occurrence is replaced). */
  replace?: readonly (readonly [from: string, to: string])[];
  /** A document of its own instead of the built publication. */
  text?: string;
  /** What the reader found: a scan, damaged pages. */
  scanned?: boolean;
  damage?: PdfDamage[];
  /** Facts given directly to the rule instead of a document audited (figures and tables read, a model error). */
  facts?: { figures?: StatedFigure[]; tables?: ExtractedTable[]; modelError?: string; year?: number };
}

/** What a failing case must report: each field given must match (message and quote: contained; page: one location's). */
export interface ExpectedFinding {
  severity?: Severity;
  message?: string;
  expected?: string;
  actual?: string;
  quote?: string;
  page?: number;
}

export interface InvalidDocumentCase extends DocumentCase {
  findings: readonly ExpectedFinding[];
}

export interface DocumentRuleCases {
  valid: readonly DocumentCase[];
  invalid: readonly InvalidDocumentCase[];
}

/** A document rule's cases for the RuleTester: its runner audits each case's document (or gives the rule its facts). */
export function documentRuleCases(
  rule: DocumentRule,
  cases: DocumentRuleCases,
): RuleCases<DocumentCase> & { documentCases: DocumentRuleCases } {
  const expectOf = (e: ExpectedFinding): TesterExpected => {
    const out: { -readonly [K in keyof TesterExpected]: TesterExpected[K] } = {};
    if (e.severity !== undefined) out.severity = e.severity;
    if (e.message !== undefined) out.message = e.message;
    if (e.expected !== undefined) out.expected = e.expected;
    if (e.actual !== undefined) out.actual = e.actual;
    if (e.page !== undefined) out.locations = [{ page: e.page }];
    return out;
  };
  const tested = ruleCases<DocumentCase>(
    rule,
    {
      valid: cases.valid.map((c) => ({ name: c.name, input: c })),
      invalid: cases.invalid.map((c) => ({ name: c.name, input: c, expect: c.findings.map(expectOf) })),
    },
    (input) => ({ findings: caseFindings(rule, input) }),
  );
  return { ...tested, documentCases: cases };
}

let built: string | undefined;

/** The publication the builder writes for generated unit 1 (xinjiang-2022 form), as plain text with form feeds. */
export function builtPublication(): string {
  if (built === undefined) {
    const d = disclosureFromData(generateUnitData({ seed: 1, profile: 'xinjiang-2022' }));
    const doc = textDocumentFromReport(buildReport(d, builtinProfile('xinjiang-2022')));
    built = doc.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\f');
  }
  return built;
}

/** The document of a case. */
export function caseDocument(c: DocumentCase): TextDocument {
  let text = c.text ?? builtPublication();
  for (const [from, to] of c.replace ?? []) {
    if (!text.includes(from)) throw new Error(`用例「${c.name}」：文中没有「${from}」`);
    text = text.replace(from, to);
  }
  const doc = textDocumentFromString(text, { file: `${c.name}.txt` });
  if (c.scanned)
    return { ...doc, kind: 'pdf', scanned: true, pages: doc.pages.map((p) => ({ ...p, lines: [] })) };
  if (c.damage) return { ...doc, kind: 'pdf', damage: c.damage };
  return doc;
}

/** The findings of `rule` on the case's document (audited whole) or on the facts it gives. */
export function caseFindings(rule: DocumentRule, c: DocumentCase): Finding[] {
  if (c.facts) {
    const doc = caseDocument({ name: c.name, text: c.text ?? '' });
    const reading = readNarrative(doc);
    return runDocumentRules([rule], rule.stage, {
      doc,
      reading,
      figures: c.facts.figures ?? reading.figures,
      year: c.facts.year ?? reading.year,
      tables: c.facts.tables ?? [],
      ...(c.facts.modelError !== undefined ? { modelError: c.facts.modelError } : {}),
    });
  }
  return auditTextDocument(caseDocument(c)).findings.filter((f) => f.rule === rule.id);
}

/** What a failing case's findings lack (quotes included, which the RuleTester does not compare): one line per miss. */
export function caseProblems(found: readonly Finding[], c: InvalidDocumentCase): string[] {
  const matches = (f: Finding, e: ExpectedFinding) =>
    (e.severity === undefined || f.severity === e.severity) &&
    (e.message === undefined || f.message.includes(e.message)) &&
    (e.expected === undefined || f.expected === e.expected) &&
    (e.actual === undefined || f.actual === e.actual) &&
    (e.page === undefined || f.location.some((l) => l.page === e.page)) &&
    (e.quote === undefined ||
      f.location.some((l) => l.quote?.replace(/\s/g, '').includes(e.quote!.replace(/\s/g, ''))));
  return c.findings
    .filter((e) => !found.some((f) => matches(f, e)))
    .map((e) => `用例「${c.name}」未报告 ${JSON.stringify(e)}；实际：${JSON.stringify(found)}`);
}
