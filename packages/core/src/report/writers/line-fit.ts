/**
 * Titles, headings and captions that look set by hand (issue 8, "Publications that look finished"): a line of display
 * text that does not fit its measure is broken on purpose at a word boundary, into lines of similar length, instead of
 * letting the layout engine push one or two characters onto a line of their own. GB/T 9704-2012 §7.3.3: a title that
 * needs more than one line is broken "词意完整，排列对称，长短适宜".
 *
 * Widths are estimated in em of the font size: a CJK or full-width character is 1 em, a Latin letter or digit ½ em
 * (Times New Roman digits are ½ em; the estimate errs on the wide side for letters).
 */

/** Width of `text` in em. */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 1 : 0.5;
  }
  return w;
}

/** Characters that count as content when judging an orphan (punctuation does not). */
const CONTENT = /[\p{L}\p{N}]/gu;
const contentLength = (s: string) => s.match(CONTENT)?.length ?? 0;

/** Words ending a place name or an organisation: a title may break after them. */
const NAME_ENDS = [
  '自治区',
  '自治州',
  '自治县',
  '特别行政区',
  '地区',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '旗',
  '区',
  '镇',
  '乡',
  '街道',
  '委员会',
  '办公室',
  '领导小组',
  '工作组',
  '小组',
  '中心',
  '局',
  '厅',
  '委',
  '院',
  '所',
  '站',
  '馆',
  '处',
];

/**
 * Positions where a display line may break (between text[i-1] and text[i]): around brackets and after list
 * punctuation, before a run of digits and after 年度, after the words that end place and organisation names, and
 * after `names` that occur in the text (the unit's name).
 */
export function wordBoundaries(text: string, names: readonly string[] = []): number[] {
  const chars = [...text];
  const at = new Set<number>();
  const s = chars.join('');
  // Offsets below are in UTF-16 units of `s`; convert to character indices.
  const toChar = (u: number) => [...s.slice(0, u)].length;
  for (const name of names) {
    if (name === '') continue;
    for (let i = s.indexOf(name); i >= 0; i = s.indexOf(name, i + 1)) {
      at.add(toChar(i));
      at.add(toChar(i + name.length));
    }
  }
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const ch = chars[i]!;
    if ('（(“《'.includes(ch)) at.add(i);
    if ('）)”》、，：；'.includes(prev)) at.add(i);
    if (/\d/.test(ch) && !/\d/.test(prev)) at.add(i);
    if (prev === '度' && chars[i - 2] === '年') at.add(i);
  }
  for (const end of NAME_ENDS) {
    for (let i = s.indexOf(end); i >= 0; i = s.indexOf(end, i + 1)) at.add(toChar(i + end.length));
  }
  // A short bracket qualifies the word before it (分类（类）, 出国（境）, 局（本级）): no break before it.
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '（' && chars[i] !== '(') continue;
    const close = chars.findIndex((c, j) => j > i && (c === '）' || c === ')'));
    if (close > i && close - i - 1 <= 2) at.delete(i);
  }
  // Never at the ends, never before closing punctuation or after opening punctuation.
  return [...at]
    .filter((i) => i > 0 && i < chars.length)
    .filter((i) => !'）)”》、，。：；！？'.includes(chars[i]!) && !'（(“《'.includes(chars[i - 1]!))
    .sort((a, b) => a - b);
}

export interface FitOptions {
  /** Measure of each line in em (the last value serves the lines after it): e.g. [25.6, 27.6] for a first-line indent. */
  capacity: readonly number[];
  /** Where the text may break; default wordBoundaries(text, names). */
  boundaries?: readonly number[];
  names?: readonly string[];
  /** At most this many lines (default 3). */
  maxLines?: number;
}

const capOf = (o: FitOptions, line: number) => o.capacity[Math.min(line, o.capacity.length - 1)] ?? Infinity;

/**
 * The lines to print `text` on: one when it fits, else the fewest lines, broken at word boundaries, that fit their
 * measures with no line of one or two characters, the most even such split; failing that, an even split by
 * characters (still without orphans). Returned lines joined give back `text`.
 */
export function fitLines(text: string, options: FitOptions): string[] {
  const chars = [...text];
  if (textEm(text) <= capOf(options, 0)) return [text];
  const bounds = options.boundaries ?? wordBoundaries(text, options.names);
  const maxLines = options.maxLines ?? 3;
  const piece = (a: number, b: number) => chars.slice(a, b).join('');
  let best: { cuts: number[]; score: number } | undefined;
  const consider = (cuts: number[]) => {
    const edges = [0, ...cuts, chars.length];
    const lines = edges.slice(1).map((e, i) => piece(edges[i]!, e));
    if (lines.some((l, i) => textEm(l) > capOf(options, i) || contentLength(l) <= 2)) return;
    // Most even: the smallest spread of widths relative to the measure; the title's own order breaks ties.
    const fill = lines.map((l, i) => textEm(l) / capOf(options, i));
    const score = Math.max(...fill) - Math.min(...fill);
    if (best === undefined || score < best.score - 1e-9) best = { cuts, score };
  };
  for (let k = 2; k <= maxLines && best === undefined; k++) {
    const choose = (from: number, left: number, cuts: number[]) => {
      if (left === 0) return consider(cuts);
      for (let j = from; j < bounds.length; j++) choose(j + 1, left - 1, [...cuts, bounds[j]!]);
    };
    choose(0, k - 1, []);
  }
  if (best !== undefined) {
    const edges = [0, ...best.cuts, chars.length];
    return edges.slice(1).map((e, i) => piece(edges[i]!, e));
  }
  // No word boundary gives a fit: fill lines greedily, then even out the last two so the last is not an orphan.
  const lines: string[] = [];
  let cur = '';
  for (const ch of chars) {
    if (cur !== '' && textEm(cur + ch) > capOf(options, lines.length)) {
      lines.push(cur);
      cur = '';
    }
    cur += ch;
  }
  lines.push(cur);
  if (lines.length >= 2 && contentLength(lines[lines.length - 1]!) <= 2) {
    const both = [...lines[lines.length - 2]!, ...lines[lines.length - 1]!];
    const half = Math.ceil(both.length / 2);
    lines.splice(lines.length - 2, 2, both.slice(0, half).join(''), both.slice(half).join(''));
  }
  return lines;
}

/**
 * Whether the layout engine, filling `text` line by line into the measures, would leave one or two characters on
 * the last line (what fitLines avoids). A line break happens before the character that does not fit.
 */
export function wouldOrphan(text: string, capacity: readonly number[]): boolean {
  const lines: string[] = [];
  let cur = '';
  for (const ch of text) {
    const cap = capacity[Math.min(lines.length, capacity.length - 1)] ?? Infinity;
    if (cur !== '' && textEm(cur + ch) > cap) {
      lines.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return lines.length > 0 && contentLength(cur) <= 2;
}
