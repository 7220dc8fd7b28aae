/**
 * Inputs for the audit tests: the seed as a TextDocument, and built reports of the three profiles as text.
 * Pure (no file access): tests read the files and pass their text in.
 */
import { loadDisclosure, disclosureFromData } from '../model/load.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { buildReport } from '../report/build.ts';
import { builtinProfile } from '../report/profile.ts';
import type { TextDocument } from '../read/text-document.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { textDocumentFromReport, textDocumentFromString } from './plain-text.ts';

/** The seed text as the reader would give it: a page starts where a line starts with a space. */
export function seedDocument(text: string): TextDocument {
  return textDocumentFromString(text, { file: '000_13a944de2df0659e.txt', pageBreakOnLeadingSpace: true });
}

export interface BuiltCase {
  name: string;
  profile: string;
  d: Disclosure;
  doc: TextDocument;
}

/** The example and generated units built with a profile, as text (optionally wrapped like PDF lines). */
export function builtCases(
  profile: string,
  exampleYaml: string,
  seeds: readonly number[],
  wrap?: number,
): BuiltCase[] {
  const out: BuiltCase[] = [];
  const units: [string, Disclosure][] = [['example', loadDisclosure(exampleYaml)]];
  for (const seed of seeds)
    units.push([
      `seed ${seed}`,
      disclosureFromData(generateUnitData({ seed, profile, rounded: seed % 2 === 0 })),
    ]);
  for (const [name, d] of units) {
    const report = buildReport(d, builtinProfile(profile));
    out.push({ name, profile, d, doc: textDocumentFromReport(report, wrap !== undefined ? { wrap } : {}) });
  }
  return out;
}
