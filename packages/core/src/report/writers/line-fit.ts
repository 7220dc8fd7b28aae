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
  /** Fewest letters and digits a line may hold (default 3: no line of one or two characters). */
  minContent?: number;
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
  const minContent = options.minContent ?? 3;
  const piece = (a: number, b: number) => chars.slice(a, b).join('');
  // Breaks right after a name (the unit's) come first among equals.
  const nameEnds = new Set(
    (options.names ?? []).flatMap((n) => {
      const at = text.indexOf(n);
      return n !== '' && at >= 0 ? [[...text.slice(0, at + n.length)].length] : [];
    }),
  );
  let best: { cuts: number[]; score: number; named: number; first: number } | undefined;
  const consider = (cuts: number[]) => {
    const edges = [0, ...cuts, chars.length];
    const lines = edges.slice(1).map((e, i) => piece(edges[i]!, e));
    if (lines.some((l, i) => textEm(l) > capOf(options, i) || contentLength(l) < minContent)) return;
    // Most even: the smallest spread of widths relative to the measure; among equals, a break after a name, then
    // the longer first line.
    const fill = lines.map((l, i) => textEm(l) / capOf(options, i));
    const score = Math.max(...fill) - Math.min(...fill);
    const named = cuts.filter((c) => nameEnds.has(c)).length;
    const first = textEm(lines[0]!);
    const better =
      best === undefined ||
      score < best.score - 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 &&
        (named > best.named || (named === best.named && first > best.first)));
    if (better) best = { cuts, score, named, first };
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
  if (lines.length >= 2 && contentLength(lines[lines.length - 1]!) < minContent) {
    const both = [...lines[lines.length - 2]!, ...lines[lines.length - 1]!];
    const half = Math.ceil(both.length / 2);
    lines.splice(lines.length - 2, 2, both.slice(0, half).join(''), both.slice(half).join(''));
  }
  return lines;
}

/** Words of the 决算 forms' column headers, longest first where one contains another. */
const HEADER_WORDS = [
  '一般公共预算',
  '政府性基金',
  '国有资本经营',
  '对附属单位',
  '非财政拨款',
  '公务用车',
  '因公出国',
  '公务接待',
  '预算数',
  '决算数',
  '执行数',
  '执行率',
  '完成值',
  '指标值',
  '购置费',
  '本年',
  '收入',
  '支出',
  '合计',
  '总计',
  '小计',
  '财政',
  '拨款',
  '上级',
  '补助',
  '事业',
  '经营',
  '附属',
  '单位',
  '上缴',
  '其他',
  '基本',
  '项目',
  '年初',
  '年末',
  '全年',
  '结转',
  '结余',
  '分配',
  '使用',
  '预算',
  '决算',
  '功能',
  '经济',
  '分类',
  '科目',
  '编码',
  '名称',
  '人员',
  '公用',
  '经费',
  '运行',
  '维护',
  '资金',
  '总额',
  '一级',
  '二级',
  '三级',
  '指标',
  '年度',
  '实际',
  '分值',
  '得分',
  '偏差',
  '原因',
  '分析',
  '改进',
  '措施',
  '对象',
  '服务',
  '成本',
  '时效',
  '质量',
  '数量',
  '产出',
  '效益',
  '满意度',
  '实施',
  '部门',
  '主管',
  '绩效',
  '情况',
  '完成',
  '预期',
  '目标',
  '总体',
];

/**
 * Breaks in a table's header label: between the words the labels of the 决算 forms are made of (本年|收入|合计,
 * 对附属单位|补助|支出, 年初|结转|和|结余), and the usual boundaries; a line of two characters is fine here.
 */
export function headerLabelLines(text: string, capacity: number): string[] {
  return (
    headerLabelFit(text, capacity) ?? fitLines(text, { capacity: [capacity], minContent: 2, maxLines: 6 })
  );
}

/** headerLabelLines when the label fits its cell broken between words only; undefined when some word is too long. */
export function headerLabelFit(text: string, capacity: number): string[] | undefined {
  if (textEm(text) <= capacity) return [text];
  const chars = [...text];
  const bounds = new Set(wordBoundaries(text));
  // Known words are bounded on both sides; characters between them stay together as one word of their own.
  for (let i = 0; i < chars.length;) {
    const rest = chars.slice(i).join('');
    const word = HEADER_WORDS.find((w) => rest.startsWith(w));
    if (word === undefined) {
      i++;
      continue;
    }
    bounds.add(i);
    i += [...word].length;
    bounds.add(i);
  }
  const lines = fitLines(text, {
    capacity: [capacity],
    // Not inside brackets' edges, not before a last character (公务接待|费): it stays with its word.
    boundaries: [...bounds]
      .filter((b) => b > 1 && b < chars.length - 1)
      .filter((b) => !'）)”》、，。：；'.includes(chars[b]!) && !'（(“《'.includes(chars[b - 1]!))
      .sort((a, b) => a - b),
    minContent: 2,
    maxLines: 6,
  });
  // fitLines falls back to breaking anywhere when no word boundary fits: that is not a fit.
  let at = 0;
  const cuts = lines.slice(0, -1).map((l) => (at += [...l].length));
  const bounded = new Set(
    [...bounds].filter((b) => !'）)”》、，。：；'.includes(chars[b]!) && !'（(“《'.includes(chars[b - 1]!)),
  );
  return lines.every((l) => textEm(l) <= capacity) && cuts.every((c) => bounded.has(c)) ? lines : undefined;
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
