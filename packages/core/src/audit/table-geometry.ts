/**
 * Text on a PDF page as the table extractor sees it: tokens (amounts, codes, words) with their boxes,
 * grouped into lines by baseline and into columns by horizontal overlap. Everything here is geometry
 * and spelling; what a token means is decided in table-extract.ts.
 */
import { normaliseNumberText } from '../money/amount.ts';
import type { TextPage } from '../read/text-document.ts';

export type TokenKind = 'amount' | 'digits' | 'dash' | 'placeholder' | 'text';

export interface Token {
  /** Text as printed (trimmed). */
  text: string;
  /** Folded for matching: NFKC, no spaces, no quotation marks or book-title marks. */
  norm: string;
  kind: TokenKind;
  page: number;
  x: number;
  x2: number;
  /** Baseline, from the top of the page. */
  y: number;
  h: number;
}

export interface TokenLine {
  page: number;
  y: number;
  h: number;
  /** Left to right. */
  tokens: Token[];
  /** Folded text of the whole line, without spaces. */
  norm: string;
  /** Text as printed, tokens joined by a space. */
  text: string;
}

const QUOTES_RE = /[“”"‘’'「」『』《》〈〉]/g;

/** Folds text for matching labels: NFKC (full-width forms, Kangxi radicals), no spaces, no quotes. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(QUOTES_RE, '');
}

const AMOUNT_RE = /^[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;
const PAREN_AMOUNT_RE = /^\((?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)$/;
const DASH_RE = /^[-—–―－~～]+$/;
// Template placeholders: "XX", "××", "…", "XX.XX", "。。"
const PLACEHOLDER_RE = /^(?:[X×xＸ*＊]+(?:[.,][X×xＸ*＊]+)*|[…．.。·]{2,}|…)$/;

export function tokenKind(text: string): TokenKind {
  const n = normaliseNumberText(text);
  if (AMOUNT_RE.test(n) || PAREN_AMOUNT_RE.test(n)) return 'amount';
  if (/^\d+$/.test(n)) return 'digits';
  if (DASH_RE.test(text.trim()) || DASH_RE.test(n)) return 'dash';
  if (PLACEHOLDER_RE.test(n) || PLACEHOLDER_RE.test(text.trim())) return 'placeholder';
  return 'text';
}

/** Relative width of a character: CJK and full-width forms are about twice as wide as digits. */
function charWeight(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x2e80 ? 0.5 : 1;
}

function weightOf(s: string): number {
  let w = 0;
  for (const ch of s) w += charWeight(ch);
  return w;
}

function makeToken(text: string, page: number, x: number, x2: number, y: number, h: number): Token {
  return { text, norm: fold(text), kind: tokenKind(text), page, x, x2, y, h };
}

/**
 * Splits a text item into tokens: at runs of spaces (a reader may have merged cells into one item),
 * and a code glued to its name ("30207邮电费"). Positions are estimated from character widths.
 */
export function splitItem(
  text: string,
  page: number,
  x: number,
  width: number,
  y: number,
  h: number,
): Token[] {
  const parts: { s: string; start: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const prev = parts[parts.length - 1];
    // "2024 年度", "12 月" are one word, not a number beside a label.
    if (prev && /^\d+$/.test(prev.s) && /^[年月日号]/.test(m[0]))
      prev.s = text.slice(prev.start, m.index + m[0].length);
    else parts.push({ s: m[0], start: m.index });
  }
  if (parts.length === 0) return [];
  const total = weightOf(text) || 1;
  const scale = width > 0 ? width / total : h;
  const out: Token[] = [];
  for (const p of parts) {
    const px = x + weightOf(text.slice(0, p.start)) * scale;
    const glued = /^(\d{3,7})([^\d.,，。、:：%\s].*)$/.exec(p.s);
    if (glued && /[\u3400-\u9fff]/.test(glued[2]!.charAt(0))) {
      const codeW = weightOf(glued[1]!) * scale;
      out.push(makeToken(glued[1]!, page, px, px + codeW, y, h));
      out.push(makeToken(glued[2]!, page, px + codeW, px + weightOf(p.s) * scale, y, h));
    } else {
      out.push(makeToken(p.s, page, px, px + weightOf(p.s) * scale, y, h));
    }
  }
  return out;
}

/** Page numbers and similar furniture: "— 7 —", "- 7 -", "第 7 页", "7/24". */
const PAGE_NUMBER_RE = /^(?:[-—–－]+\d{1,4}[-—–－]+|第\d{1,4}页(?:共\d{1,4}页)?|\d{1,4}\/\d{1,4})$/;

/** All tokens of a page that carry text, without page numbers. */
export function pageTokens(page: TextPage): Token[] {
  const toks: Token[] = [];
  const heights: number[] = [];
  for (const line of page.lines) {
    for (const it of line.items ?? []) {
      if (!it.text || !/\S/.test(it.text)) continue;
      if (it.height > 0) heights.push(it.height);
    }
  }
  heights.sort((a, b) => a - b);
  const fallbackH = heights[Math.floor(heights.length / 2)] ?? 10;
  for (const line of page.lines) {
    for (const it of line.items ?? []) {
      if (!it.text || !/\S/.test(it.text)) continue;
      const h = it.height > 0 ? it.height : fallbackH;
      toks.push(...splitItem(it.text, page.page, it.x, it.width, it.y, h));
    }
  }
  const lines = groupLines(toks);
  const drop = new Set<Token>();
  const height = page.height ?? Math.max(0, ...toks.map((t) => t.y)) + 20;
  lines.forEach((l, i) => {
    if (PAGE_NUMBER_RE.test(l.norm)) l.tokens.forEach((t) => drop.add(t));
    else if (l.tokens.length === 1 && l.tokens[0]!.kind === 'digits' && l.norm.length <= 3) {
      // A bare page number stands apart at the top or bottom; a digit wrapped in a table cell does not.
      const prev = lines[i - 1];
      const next = lines[i + 1];
      const apart = (!prev || l.y - prev.y > 2.2 * l.h) && (!next || next.y - l.y > 2.2 * l.h);
      if (apart && (l.y > height * 0.92 || l.y < height * 0.06)) drop.add(l.tokens[0]!);
    }
  });
  return drop.size === 0 ? toks : toks.filter((t) => !drop.has(t));
}

/** Groups tokens into lines by baseline (tokens of one page), top to bottom, each line left to right. */
export function groupLines(tokens: readonly Token[]): TokenLine[] {
  const sorted = [...tokens].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: TokenLine[] = [];
  let cur: Token[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    cur.sort((a, b) => a.x - b.x);
    const first = cur[0]!;
    lines.push({
      page: first.page,
      y: cur.reduce((s, t) => s + t.y, 0) / cur.length,
      h: Math.max(...cur.map((t) => t.h)),
      tokens: cur,
      norm: cur.map((t) => t.norm).join(''),
      text: cur.map((t) => t.text).join(' '),
    });
    cur = [];
  };
  for (const t of sorted) {
    const head = cur[0];
    if (head && (t.page !== head.page || Math.abs(t.y - head.y) > 0.4 * Math.max(t.h, head.h))) flush();
    cur.push(t);
  }
  flush();
  return lines;
}

/** Groups of tokens whose horizontal extents overlap (directly or through other members), left to right. */
export function overlapClusters<T extends { x: number; x2: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const out: T[][] = [];
  let cur: T[] = [];
  let right = -Infinity;
  for (const it of sorted) {
    if (cur.length > 0 && it.x > right) {
      out.push(cur);
      cur = [];
      right = -Infinity;
    }
    cur.push(it);
    right = Math.max(right, it.x2);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Horizontal overlap of two extents (negative: the gap between them). */
export function overlap(a: { x: number; x2: number }, b: { x: number; x2: number }): number {
  return Math.min(a.x2, b.x2) - Math.max(a.x, b.x);
}

export function median(values: readonly number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Chinese ordinal prefix of a row label ("一、", "二十六、", "（一）", "1."), if any. */
export const ORDINAL_RE =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．](?!\d))/;

/** Removes a Chinese ordinal prefix and "其中：". */
export function stripOrdinal(norm: string): string {
  return norm.replace(ORDINAL_RE, '').replace(/^其中[:：]?/, '');
}
