/**
 * Data file → YAML text, in one place so that it can be switched to the project serialiser
 * (saveDisclosure, helper D) when that lands. Amounts written as decimal text ("214.70") come out as
 * plain YAML numbers with their decimals kept; the loader reads YAML floats as their source text, so
 * no amount passes through a binary float. Codes stay quoted strings.
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { CellSource } from './read-table.ts';

const DECIMAL = /^-?\d+\.\d+$/;

export interface YamlOptions {
  /** Comment lines at the top of the file. */
  header?: string[];
  /** Sources by data path: each table row gets a comment naming the sheet and cell it came from. */
  sources?: Record<string, CellSource>;
}

function plainNumbers(node: Node | null | undefined): void {
  if (!node) return;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isScalar(item)) continue;
      const pair = item as { value?: Node | null };
      if (pair && typeof pair === 'object' && 'value' in pair) {
        const v = pair.value;
        if (isScalar(v) && typeof v.value === 'string' && DECIMAL.test(v.value)) {
          const text = v.value;
          const digits = text.split('.')[1]!.length;
          // Only where the number prints back as the same text (yaml pads the shortest form with zeros).
          const shortest = String(Number(text));
          const [i, f = ''] = shortest.split('.');
          if (!shortest.includes('e') && `${i}.${f.padEnd(digits, '0')}` === text) {
            const n = new Scalar(Number(text));
            n.minFractionDigits = digits;
            pair.value = n;
          }
        } else plainNumbers(v as Node);
      } else plainNumbers(item as Node);
    }
  }
}

/** YAML text of a data file. */
export function dataFileToYaml(data: Record<string, unknown>, options: YamlOptions = {}): string {
  const doc = new Document(data);
  plainNumbers(doc.contents as Node);
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
          if (s && isMap(row)) (row as Node).commentBefore = ` 工作表「${s.sheet}」${s.cell}`;
        });
      }
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
