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
import type { Finding } from '../rules/types.ts';
import { validateDisclosure } from '../validate.ts';
import { disclosureFromExtraction } from './model-from-extraction.ts';
import { checkNarrative } from './narrative-checks.ts';
import { readNarrative } from './narrative-extract.ts';
import { checkNarrativeAgainstTables } from './narrative-table.ts';
import { extractTables } from './table-extract.ts';
import type { AuditFinding, AuditResult, Evidence, StatedFigure } from './types.ts';

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

/** A rule finding of the rebuilt model, with the page and text it came from. */
function withEvidence(f: Finding, evidence: Map<string, Evidence>): AuditFinding {
  const out: AuditFinding = { rule: f.rule, severity: f.severity, message: f.message };
  for (const loc of f.location) {
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
        out.text = e.text;
        break;
      }
    }
    if (out.page !== undefined) break;
  }
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  return out;
}

function summarise(findings: readonly AuditFinding[]): AuditResult['summary'] {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** Audits a document already read. */
export function auditTextDocument(
  doc: TextDocument,
  options: { year?: number } = {},
): AuditResult & { model?: Disclosure } {
  const pages = doc.pages.length;
  if (doc.scanned) {
    const findings: AuditFinding[] = [
      {
        rule: 'document-scanned',
        severity: 'error',
        message:
          '扫描件：文档没有文字层，无法读取数字（请取得可复制文字的 PDF 或 DOCX 原件，或先做文字识别）',
        page: 1,
      },
    ];
    return {
      file: doc.file,
      kind: doc.kind,
      pages,
      figures: [],
      tables: [],
      findings,
      summary: summarise(findings),
    };
  }
  const reading = readNarrative(doc, options.year !== undefined ? { year: options.year } : {});
  const year = options.year ?? reading.year;
  const figures = reading.figures;
  const tables = extractTables(doc, year);
  const findings: AuditFinding[] = [];
  const narrativeFindings = checkNarrative(figures, doc, year, reading);
  if (
    figures.length === 0 &&
    narrativeFindings.every((f) => f.rule === 'narrative-missing-section' || f.rule === 'narrative-year')
  ) {
    // Nothing of a 决算公开 at all: one finding, not a list of every missing section.
    const notDisclosure: AuditFinding[] = [
      {
        rule: 'document-not-disclosure',
        severity: 'error',
        message: '文档中没有找到部门决算公开的标题、章节或数字：可能不是决算公开文件',
        page: 1,
      },
    ];
    return {
      file: doc.file,
      kind: doc.kind,
      pages,
      figures,
      tables: [],
      findings: notDisclosure,
      summary: summarise(notDisclosure),
    };
  }
  findings.push(...narrativeFindings);
  findings.push(...checkNarrativeAgainstTables(figures, tables));
  let model: Disclosure | undefined;
  if (year !== undefined) {
    try {
      model = disclosureFromExtraction({
        year,
        unit: reading.unit ?? '',
        kind: unitKind(doc),
        figures,
        tables,
      });
      const outcome = validateDisclosure(model);
      const evidence = evidenceIndex(figures);
      for (const f of outcome.findings) findings.push(withEvidence(f, evidence));
    } catch (e) {
      const message =
        e instanceof JuesuanError
          ? `${e.message}：${e.problems.map((p) => `${p.path ?? ''} ${p.message}`).join('；')}`
          : String(e);
      findings.push({
        rule: 'audit-model',
        severity: 'warning',
        message: `读出的数字无法组成完整的数据模型，勾稽规则未全部运行：${message}`,
      });
    }
  } else {
    findings.push({
      rule: 'narrative-year',
      severity: 'warning',
      message: '未能从标题或正文识别决算年度，表间勾稽规则未运行',
    });
  }
  const result: AuditResult & { model?: Disclosure } = {
    file: doc.file,
    kind: doc.kind,
    pages,
    figures,
    tables,
    findings,
    summary: summarise(findings),
  };
  if (year !== undefined) result.year = year;
  if (reading.unit) result.unit = reading.unit;
  if (model) result.model = model;
  return result;
}

/** Reads and audits one document (bytes of a PDF, DOCX or text file). */
export async function auditDocument(
  bytes: Uint8Array,
  file: string,
  options: AuditOptions = {},
): Promise<AuditResult & { model?: Disclosure }> {
  const doc = await readDocument(bytes, file, options);
  return auditTextDocument(doc);
}
