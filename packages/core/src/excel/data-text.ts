/**
 * A data file's bytes as plain data (the form `disclosureFromData` takes), checked by loading it:
 * what the spreadsheet and consolidation functions work on. YAML floats stay their source text.
 */
import { loadDisclosure } from '../model/load.ts';
import { parseSourceText } from '../model/yaml-source.ts';

export function parseDataFile(bytes: Uint8Array | string, file?: string): Record<string, unknown> {
  loadDisclosure(bytes, file !== undefined ? { file } : {});
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  return parseSourceText(text, file).data as Record<string, unknown>;
}
