/**
 * Writes the corpus: each document of corpus-list.ts as `<name>.txt` with its answer key
 * `<name>.key.yaml`, and the table of README.md between its markers. Run from the repository root:
 *   npx tsx packages/core/test/corpus/build/build-corpus.ts
 * The documents are committed; this script is how they were made and how to remake them after a
 * change to a layout (never edit a generated document by hand: its key would no longer match).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { DocBuilder, type InjectedError } from './doc.ts';
import { CORPUS, type CorpusDoc } from './corpus-list.ts';
import { makeUnit } from './model.ts';
import { toTraditional } from './traditional.ts';

const dir = join(import.meta.dirname, '..');

function build(doc: CorpusDoc): { text: string; key: Record<string, unknown> } {
  const u = makeUnit(doc.unit);
  const d = new DocBuilder(doc.options);
  doc.layout(d, u);
  const specs = typeof doc.errors === 'function' ? doc.errors(u, d) : (doc.errors ?? []);
  const { text: raw, applied, figures: printed, tables } = d.render(specs);
  const text = doc.post ? doc.post(raw) : raw;
  const changedFigures = new Map<string, string>();
  for (const e of applied) for (const f of e.figures ?? []) changedFigures.set(f.key, f.value);
  const figures = printed.map((f) => {
    const out: Record<string, unknown> = {
      key: f.key,
      name: f.name,
      value: changedFigures.get(f.key) ?? f.n,
      unit: f.unit,
    };
    if (f.proposed) out.proposed = true;
    if (f.share) out.share = f.share;
    if (f.changes.length) out.changes = f.changes;
    return out;
  });
  const conv = (s: string) => (doc.options.traditional ? toTraditional(s) : s);
  const errors = applied.map((e: InjectedError) => {
    const out: Record<string, unknown> = {
      kind: e.kind,
      what: e.what,
      original: conv(e.from),
      changed: conv(e.changed),
    };
    if (e.message) out.message = e.message;
    return out;
  });
  const key: Record<string, unknown> = {
    document: `${doc.name}.txt`,
    layout: {
      province: doc.province,
      level: doc.level,
      form: doc.form,
      kind: doc.kind,
      year: doc.unit.year,
      unit: doc.options.unit,
      follows: doc.follows,
    },
    features: doc.features,
    tables,
    figures,
    errors,
  };
  if (doc.twin) key.twin = `${doc.twin}.txt`;
  return { text, key };
}

/** Written as the repository's Prettier settings would write it (`npm run format:check` covers these files). */
async function pretty(file: string, text: string, parser: 'yaml' | 'markdown'): Promise<string> {
  const config = (await resolveConfig(file)) ?? {};
  return format(text, { ...config, parser });
}

const rows: string[] = [];
for (const doc of CORPUS) {
  const { text, key } = build(doc);
  writeFileSync(join(dir, `${doc.name}.txt`), text);
  const keyFile = join(dir, `${doc.name}.key.yaml`);
  const yaml = `# Answer key of ${doc.name}.txt (written by build/build-corpus.ts)\n${stringify(key, { lineWidth: 0 })}`;
  writeFileSync(keyFile, await pretty(keyFile, yaml, 'yaml'));
  const errs = [...new Set((key.errors as { kind: string }[]).map((e) => e.kind))].join(', ');
  rows.push(
    `| \`${doc.name}.txt\` | ${doc.province} | ${doc.level} | ${doc.unit.year} | ${doc.form} | ${doc.kind} | ${doc.options.unit} | ${doc.follows} | ${doc.features.join('；')} | ${errs || '—'} |`,
  );
}
const readmePath = join(dir, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- corpus-table:start -->';
const end = '<!-- corpus-table:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < 0) throw new Error('README.md lacks the corpus-table markers');
const table = [
  '| file | province | level | year | form | kind | amounts | real layout it follows | features | injected errors |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
writeFileSync(
  readmePath,
  await pretty(readmePath, `${readme.slice(0, a + start.length)}\n${table}\n${readme.slice(b)}`, 'markdown'),
);
console.log(`${CORPUS.length} documents written to ${dir}`);
