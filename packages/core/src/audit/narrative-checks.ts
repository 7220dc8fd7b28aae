/**
 * Checks on the narrative (issue 4 item 4): what a careful reviewer verifies in 决算情况说明 without
 * the tables — shares recomputed from their denominators, year-on-year changes and rates from the
 * stated figures, direction words against signs, budget variance and completion rates, the year in
 * titles and dates, placeholders and doubled punctuation, missing sections, empty-table statements,
 * and one figure stated twice with two values. Rounding-aware as everywhere (docs/adr/0003): a figure
 * printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ], a printed zero is exact, and a
 * check fails only when no values inside those intervals satisfy it.
 */
import { FEN_PER_UNIT, formatAmount, type Fen, type MoneyUnit } from '../money/amount.ts';
import { formatPercent, type Ratio } from '../money/rate.ts';
import type { TextDocument } from '../read/text-document.ts';
import type { Severity } from '../rules/types.ts';
import { readNarrative, type NarrativeReading } from './narrative-extract.ts';
import type { FoundHeading, SectionId } from './sections.ts';
import { positionAt, quote, type Flow } from './text-flow.ts';
import type { AuditFinding, StatedFigure } from './types.ts';

/** Rule ids of the narrative checks, with what each verifies (for reports and docs). */
export const NARRATIVE_RULES: Readonly<Record<string, string>> = {
  'narrative-share': '占比按所列分子、分母重算（四舍五入区间）',
  'narrative-yoy-rate': '增减率按本年数与增减额重算',
  'narrative-yoy-amount': '增减额等于本年数减上年数（上年数有列示时）',
  'narrative-direction': '增加/减少、增长/下降、大于/小于与数字符号一致',
  'narrative-budget-rate': '预决算差异率、完成预算比例按决算数与预算数重算',
  'narrative-budget-base': '比例所用的预算口径（年初预算/全年预算）与文字一致',
  'narrative-repeat': '同一数字多处列示时数值一致',
  'narrative-year': '标题、日期与比较年度和报告年度一致',
  'narrative-placeholder': '无未替换的占位符（XX、××、……、（原因））和模板说明文字',
  'narrative-punctuation': '无重复标点（。。，，；；）',
  'narrative-missing-section': '情况说明的标准部分和章节齐全',
  'narrative-empty-table': '无此项收支（空表）的说明与所列金额一致',
  'narrative-table': '叙述中的数字与所读表格的对应单元格一致（末位一个单位以内视为舍入）',
};

// ---------------------------------------------------------------------------------------------
// Exact interval arithmetic on printed figures.

interface Q {
  n: bigint;
  d: bigint;
}

function q(n: bigint, d: bigint): Q {
  return d < 0n ? { n: -n, d: -d } : { n, d };
}
function lt(a: Q, b: Q): boolean {
  return a.n * b.d < b.n * a.d;
}
function minQ(xs: Q[]): Q {
  return xs.reduce((m, x) => (lt(x, m) ? x : m));
}
function maxQ(xs: Q[]): Q {
  return xs.reduce((m, x) => (lt(m, x) ? x : m));
}

/** A printed amount as an interval in half-分 units: [2v − s, 2v + s], s = one step of its last digit; zero is exact. */
interface Iv {
  lo: bigint;
  hi: bigint;
  /** 2 × the printed value. */
  mid: bigint;
}

function moneyUnit(u: string): MoneyUnit {
  return u === '元' || u === '亿元' ? u : '万元';
}

function iv(fen: Fen, unit: string, decimals: number): Iv {
  const step = FEN_PER_UNIT[moneyUnit(unit)] / 10n ** BigInt(decimals);
  const mid = 2n * BigInt(fen);
  const s = fen === 0 ? 0n : step;
  return { lo: mid - s, hi: mid + s, mid };
}

/** A printed percentage as an interval of ratios. */
function pctIv(r: Ratio, decimals: number): { lo: Q; hi: Q } {
  const half = q(1n, 2n * 100n * 10n ** BigInt(decimals));
  const v = q(r.num, r.den);
  return {
    lo: q(v.n * half.d - half.n * v.d, v.d * half.d),
    hi: q(v.n * half.d + half.n * v.d, v.d * half.d),
  };
}

/** The range of a/b over the corners (b's interval must not contain 0). */
function ratioRange(a: Iv, b: Iv): { lo: Q; hi: Q } | undefined {
  if (b.lo <= 0n && b.hi >= 0n) return undefined;
  const cs = [q(a.lo, b.lo), q(a.lo, b.hi), q(a.hi, b.lo), q(a.hi, b.hi)];
  return { lo: minQ(cs), hi: maxQ(cs) };
}

function overlaps(a: { lo: Q; hi: Q }, b: { lo: Q; hi: Q }): boolean {
  return !lt(a.hi, b.lo) && !lt(b.hi, a.lo);
}

function sub(a: Iv, b: Iv): Iv {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo, mid: a.mid - b.mid };
}

function wanText(fen: Fen): string {
  return formatAmount(fen, { unit: '万元', decimals: 2 });
}

function pctText(n: bigint, d: bigint): string {
  return formatPercent({ num: n, den: d });
}

const UP = /^(增加|增长|上升|增幅|增长率|大于|高于|超过)$/;
const DOWN = /^(减少|下降|降低|降幅|下降率|小于|低于)$/;

function signOf(word: string | undefined): 1 | -1 | 0 | undefined {
  if (word === undefined) return undefined;
  if (UP.test(word)) return 1;
  if (DOWN.test(word)) return -1;
  if (/持平/.test(word)) return 0;
  return undefined;
}

/** A stated rate, signed: 下降 2.84% → −2.84%; "-7.26%" stays negative. */
function signedRate(r: Ratio, word: string | undefined): Ratio {
  const s = signOf(word);
  return s === -1 && r.num > 0n ? { num: -r.num, den: r.den } : r;
}

/** Whether a ratio is exactly `value` percent (100n: 100%). */
function isPct(r: Ratio | undefined, value: bigint): boolean {
  return r !== undefined && r.num * 100n === value * r.den;
}

// ---------------------------------------------------------------------------------------------

class Checker {
  readonly findings: AuditFinding[] = [];
  constructor(
    private readonly figures: StatedFigure[],
    private readonly reading: NarrativeReading,
    private readonly year: number | undefined,
  ) {}

  private add(
    rule: string,
    severity: Severity,
    message: string,
    at: { page?: number; text?: string },
    expected?: string,
    actual?: string,
  ): void {
    this.findings.push({
      rule,
      severity,
      message,
      ...(at.page !== undefined ? { page: at.page } : {}),
      ...(at.text !== undefined ? { text: at.text } : {}),
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
    });
  }

  private ev(f: StatedFigure): { page: number; text: string } {
    return { page: f.evidence.page, text: f.evidence.text };
  }

  /** Evidence of a comparison: the figure's sentence and the sentence(s) stating the change. */
  private evc(f: StatedFigure): { page: number; text: string } {
    const e = f.change?.evidence;
    return e ? { page: e.page, text: e.text } : this.ev(f);
  }

  /** The nearest earlier statement of a key (else the first anywhere). */
  private find(key: string, before: StatedFigure): StatedFigure | undefined {
    const i = this.figures.indexOf(before);
    for (let j = i - 1; j >= 0; j--)
      if (this.figures[j]!.key === key && this.figures[j]!.fen !== undefined) return this.figures[j];
    return this.figures.find((f) => f.key === key && f.fen !== undefined);
  }

  shares(): void {
    for (const f of this.figures) {
      const s = f.share;
      if (!s || f.fen === undefined || !s.baseKey) continue;
      const whole = this.find(s.baseKey, f);
      if (!whole || whole.fen === undefined) continue;
      const p = iv(f.fen, f.unit, f.decimals);
      const w = iv(whole.fen, whole.unit, whole.decimals);
      const stated = pctIv(s.ratio, s.decimals ?? 2);
      const expected =
        whole.fen === 0 ? (f.fen === 0 ? '0.00%' : '不可计算') : pctText(BigInt(f.fen), BigInt(whole.fen));
      if (whole.fen === 0) {
        if (f.fen !== 0 || s.ratio.num !== 0n)
          this.add(
            'narrative-share',
            'error',
            `「${f.name}」的占比无法计算：分母「${whole.name}」为零，文中却写“占${s.text}”`,
            this.ev(f),
            expected,
            s.text,
          );
        continue;
      }
      const range = ratioRange(p, w);
      if (!range || overlaps(range, stated)) continue;
      const fudge = this.roundedToHundred(f, s.baseKey);
      const message = `「${f.name}」${wanText(f.fen)}万元占「${whole.name}」${wanText(whole.fen)}万元的比例应为 ${expected}，文中为 ${s.text}`;
      if (fudge)
        this.add(
          'narrative-share',
          'warning',
          `${message}（同组占比合计恰为100%，疑为凑整调整尾差）`,
          this.ev(f),
          expected,
          s.text,
        );
      else this.add('narrative-share', 'error', message, this.ev(f), expected, s.text);
    }
  }

  /** Whether the shares of one list add up to exactly 100% and this one is off by one unit of its last digit. */
  private roundedToHundred(f: StatedFigure, baseKey: string): boolean {
    const s = f.share!;
    const d = BigInt(s.decimals ?? 2);
    const whole = this.find(baseKey, f)!;
    const exact = BigInt(f.fen!) * 100n * 10n ** d;
    const statedScaled = (s.ratio.num * 100n * 10n ** d) / s.ratio.den;
    const diff = statedScaled * BigInt(whole.fen!) - exact;
    const abs = diff < 0n ? -diff : diff;
    if (abs > (3n * BigInt(whole.fen!)) / 2n) return false;
    const group = this.figures.filter(
      (g) => g.share?.baseKey === baseKey && g.evidence.text === f.evidence.text && g.section === f.section,
    );
    const sum = group.reduce(
      (acc, g) => acc + (g.share!.ratio.num * 100n * 10n ** d) / g.share!.ratio.den,
      0n,
    );
    return group.length >= 2 && sum === 100n * 10n ** d;
  }

  priorChanges(): void {
    for (const f of this.figures) {
      const c = f.change;
      if (!c || c.against !== 'prior' || f.fen === undefined) continue;
      const dirSign = signOf(c.direction);
      const rateSign = signOf(c.rateDirection);
      // Direction words that contradict each other: 增加 … 下降.
      if (
        dirSign !== undefined &&
        rateSign !== undefined &&
        dirSign !== 0 &&
        rateSign !== 0 &&
        dirSign !== rateSign &&
        !(c.amount === 0 && c.rate?.num === 0n)
      ) {
        this.add(
          'narrative-direction',
          'error',
          `「${f.name}」的变动方向前后矛盾：先写“${c.direction}${c.amountText ?? ''}万元”，后写“${c.rateDirection}${c.rateText ?? ''}”`,
          this.evc(f),
          `${c.direction}…${dirSign > 0 ? '增长' : '下降'}`,
          `${c.direction}…${c.rateDirection}`,
        );
        continue;
      }
      if (c.direction === '持平' && ((c.amount ?? 0) !== 0 || (c.rate && c.rate.num !== 0n))) {
        this.add(
          'narrative-direction',
          'error',
          `「${f.name}」写“持平”，却列出非零的变动额或变动率`,
          this.evc(f),
          '持平（变动为零）',
          `${c.amountText ?? ''} ${c.rateText ?? ''}`.trim(),
        );
        continue;
      }
      const t = iv(f.fen, f.unit, f.decimals);
      // Last year's figure stated: the change must be this − last.
      if (c.base !== undefined && c.amount !== undefined && dirSign !== undefined) {
        const b = iv(c.base, f.unit, c.baseDecimals ?? f.decimals);
        const stated = iv(dirSign * c.amount, f.unit, c.amountDecimals ?? 2);
        const diff = sub(t, b);
        if (diff.hi < stated.lo || diff.lo > stated.hi) {
          this.add(
            'narrative-yoy-amount',
            'error',
            `「${f.name}」本年${wanText(f.fen)}万元、上年${wanText(c.base)}万元，增减额应为${wanText(f.fen - c.base)}万元，文中为“${c.direction}${c.amountText ?? ''}万元”`,
            this.evc(f),
            wanText(f.fen - c.base),
            `${c.direction}${c.amountText ?? ''}`,
          );
        }
      }
      if (c.amount === undefined || dirSign === undefined || dirSign === 0 || c.rate === undefined) continue;
      const signed = dirSign * c.amount;
      const ch = iv(signed, f.unit, c.amountDecimals ?? 2);
      const last = sub(t, ch);
      const rate = signedRate(c.rate, c.rateDirection ?? c.direction);
      const rateText = `${c.rateDirection ?? ''}${c.rateText ?? ''}`;
      // Printed last year = 0: growth from nothing, the profiles' convention is 100%.
      if (last.mid === 0n) {
        if (signed === 0) {
          if (c.rate.num !== 0n)
            this.add(
              'narrative-yoy-rate',
              'error',
              `「${f.name}」本年与上年均为零，变动率应为 0.00%，文中为“${rateText}”`,
              this.evc(f),
              '0.00%',
              rateText,
            );
        } else if (!(isPct(rate, 100n) && rateSign !== -1)) {
          this.add(
            'narrative-yoy-rate',
            'error',
            `「${f.name}」上年数为零（本年${wanText(f.fen)}万元全部为增加额），增长率不可计算，按惯例写“增长100.00%”，文中为“${rateText}”`,
            this.evc(f),
            '100.00%',
            rateText,
          );
        }
        continue;
      }
      const range = ratioRange(ch, last);
      if (!range) continue;
      const stated = pctIv(rate, c.rateDecimals ?? 2);
      if (overlaps(range, stated)) continue;
      const lastFen = f.fen - signed;
      const expected = formatPercent({ num: BigInt(signed), den: BigInt(lastFen) }, { abs: true });
      this.add(
        'narrative-yoy-rate',
        'error',
        `「${f.name}」本年${wanText(f.fen)}万元、${c.direction}${c.amountText ?? wanText(c.amount)}万元，则上年为${wanText(lastFen)}万元，变动率应为${signed < 0 ? '下降' : '增长'}${expected}，文中为“${rateText}”`,
        this.evc(f),
        `${signed < 0 ? '下降' : '增长'}${expected}`,
        rateText,
      );
    }
  }

  budgetChanges(): void {
    for (const f of this.figures) {
      const c = f.change;
      if (!c || c.against !== 'budget' || f.fen === undefined || c.base === undefined) continue;
      const fin = iv(f.fen, f.unit, f.decimals);
      const annualFig =
        c.baseLabel === '年初预算'
          ? this.figures.find((g) => g.key === annualKeyOf(f.key) && g.fen !== undefined)
          : undefined;
      const bases: { fen: Fen; label: string; iv: Iv }[] = [
        { fen: c.base, label: c.baseLabel ?? '预算', iv: iv(c.base, f.unit, c.baseDecimals ?? 2) },
      ];
      if (annualFig?.fen !== undefined)
        bases.push({
          fen: annualFig.fen,
          label: '全年预算',
          iv: iv(annualFig.fen, annualFig.unit, annualFig.decimals),
        });
      const baseName = c.baseLabel ?? '预算';
      // 大于 / 小于 / 持平.
      const ds = signOf(c.direction);
      if (ds !== undefined) {
        const holds = (b: Iv) => {
          const d = sub(fin, b);
          return ds === 0 ? d.lo <= 0n && d.hi >= 0n : ds > 0 ? d.hi > 0n : d.lo < 0n;
        };
        const word = ds === 0 ? '持平' : c.direction;
        if (!holds(bases[0]!.iv)) {
          const alt = bases.slice(1).find((b) => holds(b.iv));
          const actualWord = f.fen > c.base ? '大于' : f.fen < c.base ? '小于' : '持平';
          if (alt)
            this.add(
              'narrative-budget-base',
              'warning',
              `「${f.name}」决算数${wanText(f.fen)}万元与${baseName}数${wanText(c.base)}万元相比应为“${actualWord}”，文中“${word}”是与全年预算数${wanText(alt.fen)}万元相比的结论`,
              this.evc(f),
              actualWord,
              word,
            );
          else
            this.add(
              'narrative-direction',
              'error',
              `「${f.name}」决算数${wanText(f.fen)}万元、${baseName}数${wanText(c.base)}万元，应为决算数“${actualWord}”预算数，文中为“${word}”`,
              this.evc(f),
              actualWord,
              word,
            );
        }
      }
      // 预决算差异率 = (决算 − 预算) / 预算; 完成预算的比例 = 决算 / 预算.
      const checks: {
        kind: 'rate' | 'completion';
        ratio: Ratio;
        text: string;
        decimals: number;
        of?: string;
      }[] = [];
      if (c.rate && c.rateText)
        checks.push({ kind: 'rate', ratio: c.rate, text: c.rateText, decimals: c.rateDecimals ?? 2 });
      if (c.completion && c.completionText)
        checks.push({
          kind: 'completion',
          ratio: c.completion,
          text: c.completionText,
          decimals: c.completionDecimals ?? 2,
          ...(c.completionOf ? { of: c.completionOf } : {}),
        });
      for (const k of checks) {
        const stated = pctIv(k.ratio, k.decimals);
        const rangeFor = (b: Iv) => (k.kind === 'rate' ? ratioRange(sub(fin, b), b) : ratioRange(fin, b));
        const ordered = k.of === '全年预算' && bases.length > 1 ? [bases[1]!, bases[0]!] : bases;
        const first = ordered[0]!;
        const kindName = k.kind === 'rate' ? '预决算差异率' : `完成${first.label}的比例`;
        if (first.fen === 0) {
          const bothZero = f.fen === 0 && k.ratio.num === 0n;
          const convention = k.kind === 'rate' && f.fen > 0 && isPct(k.ratio, 100n);
          if (bothZero || convention) continue;
          const alt = ordered
            .slice(1)
            .find(
              (b) => b.fen !== 0 && overlaps(rangeFor(b.iv) ?? { lo: q(1n, 0n), hi: q(-1n, 0n) }, stated),
            );
          if (alt)
            this.add(
              'narrative-budget-base',
              'warning',
              `「${f.name}」${first.label}数为零，${kindName}不可计算；文中${k.text}是按全年预算数${wanText(alt.fen)}万元计算的`,
              this.evc(f),
              '不可计算',
              k.text,
            );
          else
            this.add(
              'narrative-budget-rate',
              'error',
              `「${f.name}」${first.label}数为零，${kindName}不可计算，文中为 ${k.text}`,
              this.evc(f),
              '不可计算',
              k.text,
            );
          continue;
        }
        const range = rangeFor(first.iv);
        if (!range || overlaps(range, stated)) continue;
        const expected =
          k.kind === 'rate'
            ? pctText(BigInt(f.fen - first.fen), BigInt(first.fen))
            : pctText(BigInt(f.fen), BigInt(first.fen));
        const alt = ordered
          .slice(1)
          .find((b) => b.fen !== 0 && overlaps(rangeFor(b.iv) ?? { lo: q(1n, 0n), hi: q(-1n, 0n) }, stated));
        if (alt) {
          this.add(
            'narrative-budget-base',
            'warning',
            `「${f.name}」${kindName}按${first.label}数${wanText(first.fen)}万元应为 ${expected}，文中 ${k.text} 是按${alt.label}数${wanText(alt.fen)}万元计算的`,
            this.evc(f),
            expected,
            k.text,
          );
          continue;
        }
        this.add(
          'narrative-budget-rate',
          'error',
          `「${f.name}」决算数${wanText(f.fen)}万元、${first.label}数${wanText(first.fen)}万元，${kindName}应为 ${expected}，文中为 ${k.text}`,
          this.evc(f),
          expected,
          k.text,
        );
      }
    }
  }

  repeats(): void {
    const seen = new Map<string, StatedFigure>();
    for (const f of this.figures) {
      if (f.key.startsWith('unclassified.')) continue;
      const prev = seen.get(f.key);
      if (!prev) {
        seen.set(f.key, f);
        continue;
      }
      if (f.fen !== undefined && prev.fen !== undefined) {
        const a = iv(f.fen, f.unit, f.decimals);
        const b = iv(prev.fen, prev.unit, prev.decimals);
        if (a.hi < b.lo || a.lo > b.hi)
          this.add(
            'narrative-repeat',
            'error',
            `「${f.name}」前后两处数值不一致：第${prev.evidence.page}页为${wanText(prev.fen)}万元，第${f.evidence.page}页为${wanText(f.fen)}万元`,
            both(prev, f),
            wanText(prev.fen),
            wanText(f.fen),
          );
      } else if (
        f.value !== undefined &&
        prev.value !== undefined &&
        Number(f.value) !== Number(prev.value)
      ) {
        this.add(
          'narrative-repeat',
          'error',
          `「${f.name}」前后两处数值不一致：第${prev.evidence.page}页为${prev.value}${prev.unit}，第${f.evidence.page}页为${f.value}${f.unit}`,
          both(prev, f),
          `${prev.value}${prev.unit}`,
          `${f.value}${f.unit}`,
        );
      }
    }
  }

  // --- Text checks ---------------------------------------------------------------------------

  /** The sentence(s) around a stretch of the stream, as printed. */
  private sentenceAt(index: number, end = index + 1): string {
    const t = this.reading.flow.text;
    let a = index;
    while (a > 0 && t[a - 1] !== '。' && t[a - 1] !== '\n') a--;
    let b = Math.max(index, end - 1);
    while (b < t.length && t[b] !== '。' && t[b] !== '\n') b++;
    while (t[b] === '。') b++;
    return quote(this.reading.flow, a, b);
  }

  private at(index: number, end?: number): { page: number; text: string } {
    return { page: positionAt(this.reading.flow, index).page, text: this.sentenceAt(index, end) };
  }

  years(): void {
    const year = this.year;
    if (year === undefined) return;
    const { flow, sections } = this.reading;
    const t = flow.text;
    const title = sections.title;
    if (title?.year !== undefined && title.year !== year) {
      this.add(
        'narrative-year',
        'error',
        `标题年度为${title.year}年，与报告年度${year}年不一致`,
        { page: title.page, text: title.text },
        String(year),
        String(title.year),
      );
    }
    const flagged = new Set<number>();
    const flag = (index: number, found: number, expected: number, what: string) => {
      if (flagged.has(index)) return;
      flagged.add(index);
      this.add(
        'narrative-year',
        'error',
        `${what}为${found}年，应为${expected}年（报告年度${year}年）`,
        this.at(index),
        String(expected),
        String(found),
      );
    };
    // Dates: 截止 2022 年 12 月 31 日.
    for (const m of t.matchAll(/截[止至](\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
      const y = Number(m[1]);
      if (y !== year) flag(m.index + 2, y, year, `资产统计截止日期的年份`);
    }
    // Comparisons: 与 2021 年度相比, 比 2023 年度增加.
    for (const m of t.matchAll(
      /(?:与|比|较)(\d{4})年度?(?:决算)?(?:数)?(?:相比|增加|减少|增长|下降|持平)/g,
    )) {
      const y = Number(m[1]);
      if (y !== year - 1) flag(m.index + 1, y, year - 1, '比较的上年年度');
    }
    // Headings and sentences dated with 〈year〉年度 in the narrative and profile parts.
    const ranges = sections.parts.filter((p) => p.id === 'narrative' || p.id === 'profile');
    const inScope = (i: number) =>
      ranges.length === 0
        ? sections.sections.some((s) => i >= s.start && i < s.bodyEnd)
        : ranges.some((p) => i >= p.start && i < p.bodyEnd);
    for (const m of t.matchAll(/(\d{4})年度/g)) {
      const y = Number(m[1]);
      if (y === year || !inScope(m.index)) continue;
      const prev = t[m.index - 1] ?? '\n';
      const lineIdx = flow.lineOf[m.index] ?? -1;
      const kind = lineIdx >= 0 ? flow.lines[lineIdx]!.kind : 'body';
      const atStart =
        prev === '。' ||
        prev === '\n' ||
        (this.reading.unit !== undefined &&
          t.slice(Math.max(0, m.index - 40), m.index).endsWith(foldUnit(this.reading.unit)));
      if (kind === 'part' || kind === 'section' || atStart || y > year) {
        if (y === year - 1 && /^(相比|决算|预算)/.test(t.slice(m.index + m[0].length))) continue;
        flag(m.index, y, year, kind === 'part' || kind === 'section' ? '标题中的年度' : '所述年度');
      }
    }
  }

  placeholders(): void {
    const { flow } = this.reading;
    const t = flow.text;
    const re =
      /(?<![A-Za-z])X{2,}(?![A-Za-z])|×{2,}|…{2,}|\.{6,}|\((原因|单位名称|项目名称|制度名称)\)|【[^】\n]*(请填写|未提供|待补充|待填)[^】\n]*】|如持平作持平表述|不涉及的不列|按上述格式依次说明|作下述说明/g;
    // One finding per sentence, naming each placeholder in it.
    const bySentence = new Map<number, { index: number; found: string[] }>();
    for (const m of t.matchAll(re)) {
      let a = m.index;
      while (a > 0 && t[a - 1] !== '。' && t[a - 1] !== '\n') a--;
      const entry = bySentence.get(a) ?? { index: m.index, found: [] };
      if (!entry.found.includes(m[0])) entry.found.push(m[0]);
      bySentence.set(a, entry);
    }
    // A table cell left as "…" (a line of ellipses only).
    flow.lines.forEach((l, i) => {
      const start = flow.lineStart[i]!;
      if (start >= 0 && /^…+$/.test(l.norm) && ![...bySentence.values()].some((e) => e.index === start))
        bySentence.set(-1 - i, { index: start, found: [l.norm] });
    });
    for (const { index, found } of [...bySentence.values()].sort((a, b) => a.index - b.index)) {
      const templateText = found.filter((x) => /如持平|不涉及|按上述格式|作下述说明/.test(x));
      const holes = found.filter((x) => !templateText.includes(x));
      const at = this.at(index);
      if (holes.length > 0)
        this.add(
          'narrative-placeholder',
          'error',
          `文中留有未替换的占位符${holes.map((x) => `“${x}”`).join('、')}，应填写实际内容`,
          at,
          '实际内容',
          holes.join(' '),
        );
      if (templateText.length > 0)
        this.add(
          'narrative-placeholder',
          'warning',
          `文中留有模板的填写说明${templateText.map((x) => `“${x}”`).join('、')}，应删除或按实际情况填写`,
          at,
          '删除模板说明',
          templateText.join(' '),
        );
    }
  }

  punctuation(): void {
    const t = this.reading.flow.text;
    for (const m of t.matchAll(/([。,;:、])\1+|[,;、]。/g)) {
      const printed = m[0].replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');
      this.add(
        'narrative-punctuation',
        'warning',
        `标点重复或连用：“${printed}”`,
        this.at(m.index, m.index + m[0].length),
        printed[0] ?? '',
        printed,
      );
    }
  }

  missingSections(): void {
    for (const m of this.reading.sections.missing) {
      if (m.level === 'section')
        this.add('narrative-missing-section', 'error', `情况说明缺少“${m.name}”一节`, {}, m.name, '未找到');
      else if (m.level === 'part')
        this.add('narrative-missing-section', 'warning', `未找到“${m.name}”部分`, {}, m.name, '未找到');
      else this.add('narrative-missing-section', 'warning', `未找到“${m.name}”小节`, {}, m.name, '未找到');
    }
  }

  emptyStatements(): void {
    const { sections, flow } = this.reading;
    const checks: { id: SectionId; prefix: string; what: string; statement: RegExp }[] = [
      {
        id: 'fund',
        prefix: 't8.',
        what: '政府性基金预算财政拨款收入支出',
        statement: /空表|本表无数据|(无|没有)[^。]*政府性基金预算财政拨款/,
      },
      {
        id: 'capital',
        prefix: 't9.',
        what: '国有资本经营预算财政拨款收入支出',
        statement: /空表|本表无数据|(无|没有)[^。]*国有资本经营预算财政拨款/,
      },
      {
        id: 'threePublic',
        prefix: 'threePublic.',
        what: '“三公”经费财政拨款支出',
        statement: /空表|本表无数据|(无|没有)[^。,;]*三公[”"]?经费/,
      },
    ];
    for (const c of checks) {
      const s = sections.sections.find((x) => x.id === c.id);
      if (!s) continue;
      const body = flow.text.slice(s.bodyStart, s.bodyEnd);
      const st = c.statement.exec(body);
      const figs = this.figures.filter((f) => f.key.startsWith(c.prefix) && inSection(flow, s, f));
      const nonZero = figs.filter(
        (f) => (f.fen ?? 0) !== 0 || (f.value !== undefined && Number(f.value) !== 0),
      );
      if (st && nonZero.length > 0) {
        const f = nonZero[0]!;
        const statement = this.at(s.bodyStart + st.index);
        const text =
          statement.text === f.evidence.text ? statement.text : `${f.evidence.text} …… ${statement.text}`;
        this.add(
          'narrative-empty-table',
          'error',
          `“${SECTION_TITLE[c.id]}”一节称本单位无${c.what}（“${st[0]}”），却列有金额：「${f.name}」${f.fen !== undefined ? wanText(f.fen) + '万元' : f.value + f.unit}`,
          { page: f.evidence.page, text },
          '无此项金额',
          f.fen !== undefined ? wanText(f.fen) : String(f.value),
        );
      } else if (!st && figs.length === 0) {
        this.add(
          'narrative-empty-table',
          'warning',
          `“${SECTION_TITLE[c.id]}”一节既无金额，也未说明本单位无${c.what}（应说明“本表为空表”或“无此项收支”）`,
          { page: s.page, text: s.text },
          '无此项收支的说明',
          '未说明',
        );
      }
    }
  }
}

const SECTION_TITLE: Readonly<Partial<Record<SectionId, string>>> = {
  fund: '政府性基金预算财政拨款收入支出决算情况说明',
  capital: '国有资本经营预算财政拨款收入支出决算情况说明',
  threePublic: '财政拨款“三公”经费支出决算情况说明',
};

/** Evidence of a disagreement between two statements: the first one's page, both sentences (either may be the wrong one). */
function both(a: StatedFigure, b: StatedFigure): { page: number; text: string } {
  return {
    page: a.evidence.page,
    text: a.evidence.text === b.evidence.text ? a.evidence.text : `${a.evidence.text} …… ${b.evidence.text}`,
  };
}

function foldUnit(unit: string): string {
  return unit.replace(/\s/g, '');
}

function inSection(flow: Flow, s: FoundHeading<SectionId>, f: StatedFigure): boolean {
  return f.section === s.text || flow.text.slice(s.start, s.bodyStart).includes(f.section ?? '\u0000');
}

function annualKeyOf(key: string): string {
  return `${key}.annualBudget`;
}

/**
 * Runs the narrative checks. `figures` are what extractFigures found in `doc`; `year` is the report
 * year (from the title when undefined). Pass `reading` (from readNarrative) to reuse the parsed document.
 */
export function checkNarrative(
  figures: StatedFigure[],
  doc: TextDocument,
  year: number | undefined,
  reading?: NarrativeReading,
): AuditFinding[] {
  const r = reading ?? readNarrative(doc, year !== undefined ? { year } : {});
  const c = new Checker(figures, r, year ?? r.year);
  c.shares();
  c.priorChanges();
  c.budgetChanges();
  c.repeats();
  c.years();
  c.placeholders();
  c.punctuation();
  c.missingSections();
  c.emptyStatements();
  return c.findings;
}
