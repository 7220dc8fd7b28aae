/**
 * The narrative checks (issue 4 item 4) as the audit runs them: what a careful reviewer verifies in 决算情况说明 —
 * shares, year-on-year changes and rates, direction words, budget variance and completion rates, the year in titles
 * and dates, placeholders and doubled punctuation, missing sections, empty-table statements, one figure stated twice
 * with two values, and narrative figures against the tables read. Each check is a rule of the catalogue with its
 * own file (rules/catalog/narrative-*.ts); this runs them together on one document.
 */
import type { TextDocument } from '../read/text-document.ts';
import { DOCUMENT_RULES } from '../rules/registry.ts';
import type { Finding, SeverityOverrides } from '../rules/types.ts';
import { dropOff, runDocumentRules } from './document-rule.ts';
import { readNarrative, type NarrativeReading } from './narrative-extract.ts';
import type { ExtractedTable, StatedFigure } from './types.ts';

/**
 * Runs the narrative rules. `figures` are what readNarrative found in `doc`; `year` is the report year (from the
 * title when undefined). Pass `reading` (from readNarrative) to reuse the parsed document, `tables` to compare the
 * narrative with the tables read.
 */
export function checkNarrative(
  figures: StatedFigure[],
  doc: TextDocument,
  year: number | undefined,
  reading?: NarrativeReading,
  options: { tables?: readonly ExtractedTable[]; overrides?: SeverityOverrides } = {},
): Finding[] {
  const r = reading ?? readNarrative(doc, year !== undefined ? { year } : {});
  const facts = { doc, reading: r, figures, year: year ?? r.year, tables: options.tables ?? [] };
  return dropOff(runDocumentRules(DOCUMENT_RULES, 'text', facts, options.overrides), options.overrides);
}
