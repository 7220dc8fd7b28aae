/**
 * The audit scored on the whole corpus of publications (packages/core/test/corpus, issue 9). The figures
 * are printed, as `npx tsx scripts/score-corpus.ts` prints them, and held as floors: a change that reads fewer
 * figures or comparisons, catches fewer injected errors, refuses documents or reports an error on a clean
 * document fails here. Raise the floors when the audit improves.
 */
import { describe, expect, it } from 'vitest';
import { scoreCorpus, type CorpusTotals } from './score-corpus.ts';

const ratio = (x: { found: number; total: number }): number => (x.total === 0 ? 0 : x.found / x.total);
const pct = (a: number, b: number): string => `${a}/${b} ${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;

describe('the audit on the corpus', () => {
  let totals: CorpusTotals;

  it('scores every document and prints the figures', { timeout: 240_000 }, async () => {
    ({ totals } = await scoreCorpus());
    console.log(
      [
        `corpus: ${totals.documents} documents, ${totals.recognised} recognised`,
        `figures recall ${pct(totals.figures.found, totals.figures.total)}`,
        `comparisons with the right base ${pct(totals.comparisons.found, totals.comparisons.total)}`,
        `injected errors caught ${pct(totals.errors.caught, totals.errors.total)}`,
        `false errors on clean documents ${totals.falseErrors}, warnings on clean ${totals.warningsOnClean}`,
      ].join('\n'),
    );
    expect(totals.documents).toBeGreaterThanOrEqual(40);
  });

  it('recognises every document as a disclosure of its kind', () => {
    expect(totals.recognised).toBeGreaterThanOrEqual(40);
    expect(totals.recognised).toBe(totals.documents);
  });

  it('keeps figures recall and comparisons at their floors', () => {
    expect(ratio(totals.figures)).toBeGreaterThanOrEqual(0.98);
    expect(ratio(totals.comparisons)).toBeGreaterThanOrEqual(0.92);
  });

  it('catches at least as many injected errors as before', () => {
    expect(totals.errors.total).toBeGreaterThan(0);
    expect(totals.errors.caught).toBeGreaterThanOrEqual(22);
  });

  it('reports no error on the documents without injected errors', () => {
    expect(totals.falseErrors).toBe(0);
  });
});
