/**
 * The generated narrative against the seed publication (../shared/seed/000_13a944de2df0659e.txt):
 * every sentence of its 第二部分 that states a figure must appear in the output with the same figures,
 * percentages and direction words. Compared after NFKC (full-width punctuation = half-width) and with
 * all whitespace removed, since PDF extraction breaks lines and adds spaces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../src/classification/builtin.ts';
import { loadDisclosure } from '../src/model/load.ts';
import { ruleSettingsFor } from '../src/profiles/rule-settings.ts';
import { paragraphText, type Block } from '../src/report/document.ts';
import { buildNarrative } from '../src/report/narrative.ts';
import { builtinProfile } from '../src/report/profile.ts';

const root = join(import.meta.dirname, '../../..');
const seedPath = [
  join(root, '../shared/seed/000_13a944de2df0659e.txt'),
  '/work/shared/seed/000_13a944de2df0659e.txt',
].find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
})!;
const seed = readFileSync(seedPath, 'utf8');

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Figures, percentages and direction words of a sentence, in order. */
export function signature(sentence: string): string[] {
  return sentence.match(/-?\d+(?:\.\d+)?%?|增加|减少|增长|下降|持平|大于|小于|高于|低于/g) ?? [];
}

function sentences(text: string): string[] {
  return text
    .split('。')
    .map((s) => s.trim())
    .filter((s) => /\d/.test(s));
}

function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.type === 'heading' ? b.text : b.type === 'paragraph' ? paragraphText(b) : ''))
    .join('');
}

describe('the narrative for the seed unit matches the seed publication', () => {
  const d = loadDisclosure(readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8'));
  const profile = builtinProfile('xinjiang-2022');
  const blocks = buildNarrative({
    d,
    profile,
    catalogues: builtinCatalogues(2022),
    settings: ruleSettingsFor('xinjiang-2022'),
  });
  const out = norm(blocksText(blocks));
  // 第二部分 up to the 项目支出绩效自评表, which is a table (checked with the tables), not narrative.
  const part2All = norm(seed.slice(seed.indexOf('第二部分'), seed.indexOf('第三部分')));
  const part2 = part2All
    .slice(0, part2All.indexOf('项目支出绩效自评表(2022年度)'))
    .replace(/^第二部分部门决算情况说明/, '');
  const seedSentences = sentences(part2);
  const outSentences = sentences(out);

  it('finds the seed sentences that state figures', () => {
    expect(seedSentences.length).toBeGreaterThan(40);
  });

  it('every such sentence appears with the same figures, percentages and direction words', () => {
    const differing: string[] = [];
    for (const s of seedSentences) {
      if (out.includes(s)) continue;
      const sig = signature(s).join(' ');
      const candidate = outSentences.find((o) => signature(o).join(' ') === sig);
      if (candidate !== undefined) continue;
      differing.push(`seed: ${s}\n  sig: ${sig}`);
    }
    expect(differing, `${differing.length} sentences differ:\n${differing.join('\n')}`).toEqual([]);
  });

  it('and matches the text itself, not only its figures', () => {
    const notVerbatim = seedSentences.filter((s) => !out.includes(s));
    expect(notVerbatim, notVerbatim.join('\n')).toEqual([]);
  });

  it('leaves no placeholder: every reason the seed gives is in the data', () => {
    const placeholders = blocks.flatMap((b) =>
      b.type === 'paragraph' ? b.runs.filter((r) => r.placeholder).map((r) => r.text) : [],
    );
    expect(placeholders).toEqual([]);
  });
});
