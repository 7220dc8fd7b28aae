/**
 * Data file → YAML text through the project serialiser (`saveDisclosure`): the fields in the schema's
 * order, amounts exact in the file's unit, codes quoted. What the spreadsheet commands add is comments:
 * a header, and above each table row the sheet and cell it was read from. The serialiser's text is read
 * back with every scalar kept as its source text (failsafe schema, quoting kept), so adding comments
 * never changes a figure.
 */
import { isMap, isSeq, parseDocument, type Node, type Scalar } from 'yaml';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { saveDisclosure } from '../model/save.ts';
import type { CellSource } from './read-table.ts';

export interface YamlOptions {
  /** Comment lines at the top of the file. */
  header?: string[];
  /** Sources by data path: each table row gets a comment naming the sheet and cell it came from. */
  sources?: Record<string, CellSource>;
}

/** YAML text of a data file (or of a model), with the comments asked for. */
export function dataFileToYaml(
  data: Record<string, unknown> | Disclosure,
  options: YamlOptions = {},
): string {
  const model = isModel(data) ? data : disclosureFromData(data);
  const text = saveDisclosure(model);
  if ((!options.header || options.header.length === 0) && !options.sources) return text;
  const doc = parseDocument(text, { schema: 'failsafe', keepSourceTokens: false });
  if (options.header && options.header.length > 0)
    doc.commentBefore = options.header.map((l) => ` ${l}`).join('\n');
  if (options.sources) {
    const tables = doc.get('tables', true);
    if (isMap(tables))
      for (const t of tables.items) {
        const id = String((t.key as Scalar).value);
        const rows = isMap(t.value) ? t.value.get('rows', true) : undefined;
        if (!isSeq(rows)) continue;
        rows.items.forEach((row, i) => {
          const s = options.sources![`tables.${id}.rows[${i}]`];
          if (s) (row as Node).commentBefore = ` 工作表「${s.sheet}」${s.cell}`;
        });
      }
  }
  return doc.toString({ lineWidth: 0, singleQuote: true });
}

function isModel(x: unknown): x is Disclosure {
  const t = (x as { tables?: { t1?: object } }).tables?.t1;
  return t !== undefined && 'byKey' in t;
}
