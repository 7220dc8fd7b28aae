/**
 * Writes one corpus document and its answer key together: every figure a layout prints through
 * `fig` / `count` is recorded with the audit's key, the value exactly as printed and the comparisons
 * stated with it, so the key can never disagree with the text. Injected errors are applied to the
 * finished text (before line wrapping) and recorded with the text they leave in the document.
 */
import { formatAmount, type Fen } from '../../../src/money/amount.ts';
import { formatPercent } from '../../../src/money/rate.ts';
import { toTraditional } from './traditional.ts';

export type MoneyUnit = '万元' | '元';

export interface KeyChange {
  against: 'prior' | 'budget' | 'priorBudget';
  direction?: string;
  amount?: string;
  rate?: string;
  completion?: string;
  base?: string;
}

export interface KeyFigure {
  key: string;
  name: string;
  value: string;
  unit: string;
  /** A key the audit does not define yet (a figure of a regional layout). */
  proposed?: boolean;
  share?: { text: string; of: string };
  changes?: KeyChange[];
}

/** An error as applied: the text it replaced and the text it left. */
export interface InjectedError {
  kind: string;
  what: string;
  from: string;
  to: string;
  /** The changed text as it appears in the document, for matching a finding's quote. */
  changed: string;
  /** When nothing can be quoted (a table left out): words a finding's message must contain. */
  message?: string;
  /** Stated figures whose printed value the error changes. */
  figures?: { key: string; value: string }[];
}

/**
 * An error to inject: the first match of `find` (a string or a pattern that must match exactly one
 * place of the clean document) is replaced by `to`; `changed` is the part of the new text a finding
 * should quote (default: all of it).
 */
export interface ErrorSpec {
  kind: string;
  what: string;
  find: string | RegExp;
  to: string | ((m: RegExpExecArray) => string);
  changed?: string | ((m: RegExpExecArray) => string);
  message?: string;
  figures?: (m: RegExpExecArray) => { key: string; value: string }[];
}

export interface TableKey {
  id: string;
  title: string;
  form: string;
  status: 'printed' | 'empty';
  anchors?: { row: string; column: string; value: string }[];
}

export class Fig {
  changes: KeyChange[] = [];
  share?: { text: string; of: string };
  /** The block the figure is printed in (the next one written after it was made). */
  block = 0;
  constructor(
    readonly key: string,
    readonly name: string,
    /** The number as printed, without unit. */
    readonly n: string,
    readonly unit: string,
    readonly sep: string,
    readonly proposed: boolean,
  ) {}
  toString(): string {
    return `${this.n}${this.sep}${this.unit}`;
  }
}

type Block = { kind: 'para' | 'line'; text: string } | { kind: 'page' };

export interface DocOptions {
  unit: MoneyUnit;
  /** Thousands separators in the narrative ("9,685.55万元"). */
  thousands?: boolean;
  /** A space between number and unit ("360.44 万元"). */
  spaced?: boolean;
  /** Wrap paragraphs at this many characters, as text taken from a PDF is. */
  wrap?: number;
  /** Print in traditional characters. */
  traditional?: boolean;
  /** Decimals of amounts (2; 0 for documents that print whole 万元). */
  decimals?: number;
  /** Keep only these pages (1-based, inclusive): a page or two of a longer publication. */
  pages?: [number, number];
}

export function roundDiv(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
}

export class DocBuilder {
  private blocks: Block[] = [];
  readonly figures: Fig[] = [];
  readonly tables: TableKey[] = [];
  readonly opts: Required<Omit<DocOptions, 'wrap' | 'pages'>> & { wrap?: number; pages?: [number, number] };
  private tableBlocks: number[] = [];

  constructor(opts: DocOptions) {
    this.opts = {
      thousands: false,
      spaced: false,
      traditional: false,
      decimals: 2,
      ...opts,
    };
  }

  // ------------------------------------------------------------------ text
  p(text: string): this {
    this.blocks.push({ kind: 'para', text });
    return this;
  }
  /** A line never wrapped (headings, table lines). */
  l(...lines: string[]): this {
    for (const text of lines) this.blocks.push({ kind: 'line', text });
    return this;
  }
  page(): this {
    this.blocks.push({ kind: 'page' });
    return this;
  }

  // ------------------------------------------------------------------ numbers
  /** An amount as printed in the narrative, without unit. */
  n(fen: Fen, o: { thousands?: boolean; unit?: MoneyUnit; decimals?: number } = {}): string {
    return formatAmount(fen, {
      unit: o.unit ?? this.opts.unit,
      decimals: o.decimals ?? this.opts.decimals,
      thousands: o.thousands ?? this.opts.thousands,
    });
  }
  get sep(): string {
    return this.opts.spaced ? ' ' : '';
  }
  /** An amount with its unit, not recorded (a change, a difference). */
  a(fen: Fen): string {
    return `${this.n(fen)}${this.sep}${this.opts.unit}`;
  }
  /** A stated figure: recorded in the key. */
  f(key: string, name: string, fen: Fen, o: { proposed?: boolean } = {}): Fig {
    const fig = new Fig(key, name, this.n(fen), this.opts.unit, this.sep, o.proposed ?? false);
    fig.block = this.blocks.length;
    this.figures.push(fig);
    return fig;
  }
  /** A count (人, 辆, 个, 批次, 人次): recorded in the key. */
  c(key: string, name: string, value: number | string, unit: string, o: { proposed?: boolean } = {}): Fig {
    const fig = new Fig(key, name, String(value), unit, '', o.proposed ?? false);
    fig.block = this.blocks.length;
    this.figures.push(fig);
    return fig;
  }

  /** A percentage, half-up to 2 decimals ("83.06%"). */
  pct(part: Fen, whole: Fen, o: { decimals?: number } = {}): string {
    if (whole === 0) return '0.00%';
    return formatPercent({ num: BigInt(part), den: BigInt(whole) }, { decimals: o.decimals ?? 2, abs: true });
  }
  /** The share of a figure, recorded with its denominator's key. */
  share(fig: Fig, part: Fen, whole: Fen, of: string): string {
    const text = this.pct(part, whole);
    fig.share = { text, of };
    return text;
  }

  /**
   * A year-on-year comparison: "增加26.58万元，增长7.96%" (style seed), "增加26.58万元、增长7.96%"
   * (cq), only the rate or only the amount; equal → the flat word. Recorded on the figure.
   */
  yoy(
    fig: Fig | undefined,
    cur: Fen,
    prior: Fen,
    o: {
      style?: 'seed' | 'cq' | 'rate' | 'amount' | 'and';
      words?: [string, string, string, string];
      flat?: string;
      against?: 'prior' | 'priorBudget';
    } = {},
  ): string {
    const [up, down, upRate, downRate] = o.words ?? ['增加', '减少', '增长', '下降'];
    const against = o.against ?? 'prior';
    if (cur === prior) {
      fig?.changes.push({ against, direction: '持平' });
      return o.flat ?? '持平';
    }
    const diff = cur - prior;
    const dir = diff > 0 ? up : down;
    const rdir = diff > 0 ? upRate : downRate;
    const amount = this.n(Math.abs(diff));
    const rate = prior === 0 ? undefined : this.pct(Math.abs(diff), prior);
    const change: KeyChange = { against, direction: dir };
    const style = o.style ?? 'seed';
    if (style !== 'rate') change.amount = amount;
    if (rate && style !== 'amount') change.rate = rate;
    fig?.changes.push(change);
    const a = `${dir}${amount}${this.sep}${this.opts.unit}`;
    if (style === 'amount' || !rate) return a;
    if (style === 'rate') return `${rdir}${rate}`;
    if (style === 'cq') return `${a}、${rdir}${rate}`;
    if (style === 'and') return `${a}，${rdir}幅度为${rate}`;
    return `${a}，${rdir}${rate}`;
  }

  /** 完成年初预算的 x% (recorded). */
  completion(fig: Fig | undefined, cur: Fen, budget: Fen, base?: Fen): string {
    const text = this.pct(cur, budget);
    const c: KeyChange = { against: 'budget', completion: text };
    if (base !== undefined) c.base = this.n(base);
    fig?.changes.push(c);
    return text;
  }
  /** 预决算差异率, signed ("-7.26%"). */
  variance(fig: Fig | undefined, cur: Fen, budget: Fen, base?: Fen): string {
    const text =
      budget === 0
        ? '0.00%'
        : formatPercent({ num: BigInt(cur - budget), den: BigInt(budget) }, { decimals: 2 });
    const c: KeyChange = { against: 'budget', rate: text };
    if (base !== undefined) c.base = this.n(base);
    fig?.changes.push(c);
    return text;
  }
  /** 较年初预算数增加 x 万元、增长 y% (recorded as a budget comparison). */
  vsBudget(
    fig: Fig | undefined,
    cur: Fen,
    budget: Fen,
    o: { style?: 'cq' | 'amount' | 'seed'; words?: [string, string, string, string]; flat?: string } = {},
  ): string {
    const [up, down, upRate, downRate] = o.words ?? ['增加', '减少', '增长', '下降'];
    if (cur === budget) {
      fig?.changes.push({ against: 'budget', direction: '持平' });
      return o.flat ?? '持平';
    }
    const diff = cur - budget;
    const amount = this.n(Math.abs(diff));
    const rate = budget === 0 ? undefined : this.pct(Math.abs(diff), budget);
    const c: KeyChange = { against: 'budget', direction: diff > 0 ? up : down, amount };
    if (rate && o.style !== 'amount') c.rate = rate;
    fig?.changes.push(c);
    const a = `${diff > 0 ? up : down}${amount}${this.sep}${this.opts.unit}`;
    if (o.style === 'amount' || !rate) return a;
    return `${a}${o.style === 'seed' ? '，' : '、'}${diff > 0 ? upRate : downRate}${rate}`;
  }

  // ------------------------------------------------------------------ output
  table(t: TableKey): void {
    this.tables.push(t);
    this.tableBlocks.push(this.blocks.length);
  }

  /** The finished text (pages separated by \f) after the injected errors, and what they left. */
  render(errors: readonly ErrorSpec[] = []): {
    text: string;
    applied: InjectedError[];
    figures: Fig[];
    tables: TableKey[];
  } {
    const all = this.blocks.map((b) => ({ ...b }));
    // Page of each block, and the blocks kept when only some pages are published.
    let pageNo = 1;
    const pageOf = all.map((b) => (b.kind === 'page' ? ++pageNo : pageNo));
    const keep = (i: number) => {
      const r = this.opts.pages;
      return (
        !r || (pageOf[i]! >= r[0] && pageOf[i]! <= r[1] && !(all[i]!.kind === 'page' && pageOf[i] === r[0]))
      );
    };
    const blocks = all.filter((_, i) => keep(i));
    const figures = this.figures.filter((f) => keep(Math.min(f.block, all.length - 1)));
    const tables = this.tables.filter((_, i) => keep(Math.min(this.tableBlocks[i]!, all.length - 1)));
    const applied: InjectedError[] = [];
    for (const e of errors) {
      const re =
        typeof e.find === 'string'
          ? new RegExp(e.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
          : new RegExp(e.find.source, e.find.flags.includes('g') ? e.find.flags : e.find.flags + 'g');
      let hits = 0;
      let where: { b: { text: string }; m: RegExpExecArray } | undefined;
      for (const b of blocks) {
        if (b.kind === 'page') continue;
        re.lastIndex = 0;
        for (let m = re.exec(b.text); m !== null; m = re.exec(b.text)) {
          hits++;
          where ??= { b, m };
        }
      }
      if (hits !== 1 || !where)
        throw new Error(`error "${e.what}": «${String(e.find)}» matches ${hits} times`);
      const { b, m } = where;
      const to = typeof e.to === 'string' ? e.to : e.to(m);
      const changed = e.changed === undefined ? to : typeof e.changed === 'string' ? e.changed : e.changed(m);
      b.text = b.text.slice(0, m.index) + to + b.text.slice(m.index + m[0].length);
      const out: InjectedError = { kind: e.kind, what: e.what, from: m[0], to, changed };
      if (e.message) out.message = e.message;
      if (e.figures) out.figures = e.figures(m);
      applied.push(out);
    }
    const pages: string[][] = [[]];
    for (const b of blocks) {
      if (b.kind === 'page') {
        pages.push([]);
        continue;
      }
      const out = pages[pages.length - 1]!;
      if (b.kind === 'para' && this.opts.wrap) out.push(...wrap(b.text, this.opts.wrap));
      else out.push(b.text);
    }
    let text = pages.map((p) => p.join('\n')).join('\n\f');
    if (this.opts.traditional) text = toTraditional(text);
    return { text: text.endsWith('\n') ? text : text + '\n', applied, figures, tables };
  }
}

/** Breaks a paragraph into lines of at most `width` characters (full-width and ASCII alike). */
export function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length ? out : [''];
}
