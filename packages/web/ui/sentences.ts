/**
 * Sentences of the narrative preview: a reviewer picks one to comment on, and the editor sees the
 * comment beside it. A paragraph's runs (placeholders kept) are cut at the ends of its sentences.
 */

export interface Piece {
  text: string;
  placeholder?: boolean | undefined;
}

/** Ends of sentences: 。！？ (and their ASCII forms), with any closing quotes or brackets after them. */
const SENTENCE_RE = /[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$/g;

/** The paragraph's runs grouped by sentence, each sentence a list of pieces. */
export function sentencesOf(runs: readonly Piece[]): Piece[][] {
  const text = runs.map((r) => r.text).join('');
  const ends = new Set<number>();
  for (const m of text.matchAll(SENTENCE_RE)) if (m[0] !== '') ends.add(m.index + m[0].length);
  const out: Piece[][] = [];
  let cur: Piece[] = [];
  const cut = (r: Piece, from: number, to: number) =>
    cur.push({ text: r.text.slice(from, to), ...(r.placeholder ? { placeholder: true } : {}) });
  let pos = 0;
  for (const r of runs) {
    let from = 0;
    for (let i = 0; i < r.text.length; i++) {
      pos++;
      if (!ends.has(pos)) continue;
      cut(r, from, i + 1);
      out.push(cur);
      cur = [];
      from = i + 1;
    }
    if (from < r.text.length) cut(r, from, r.text.length);
  }
  if (cur.length) out.push(cur);
  return out;
}

export const sentenceText = (pieces: readonly Piece[]): string =>
  pieces
    .map((p) => p.text)
    .join('')
    .trim();

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Whether a comment quoting `quoted` is about this sentence (the quote may be part of it, or span it). */
export function quotes(sentence: string, quoted: string): boolean {
  const s = squeeze(sentence);
  const q = squeeze(quoted);
  if (!s || !q) return false;
  return s.includes(q) || (s.length >= 6 && q.includes(s));
}
