/**
 * A small evaluator for the formulas the data-entry workbook writes (sums of cells and SUMIF over the
 * code column), in exact 分: a workbook filled by a program, or saved without recalculation, may carry
 * stale or no cached results, so the reader computes these formulas itself. Supported: numbers, cell
 * references (A1, $A$1), + and −, parentheses, SUM(ranges…), SUMIF(range, "pattern", sum range) with
 * Excel's ? and * wildcards. A blank cell counts as 0; the result is unknown only when every cell it
 * reads is blank (so a fresh template's totals stay unknown until something is filled in).
 */
import type { Fen, MoneyUnit } from '../money/amount.ts';
import { readCellAmount } from './amounts.ts';
import { cellAt, parseAddress, type Sheet } from './grid.ts';

export interface FormulaValue {
  fen: Fen;
  known: boolean;
}

export class FormulaError extends Error {}

type Token =
  | { t: 'num'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'str'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d{1,7}/i.exec(src.slice(i));
    if (ref && !/^[A-Z]+\(/i.test(src.slice(i))) {
      out.push({ t: 'ref', v: ref[0].toUpperCase() });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Z]+/i.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    if ('+-(),:'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw new FormulaError(`公式中不支持「${ch}」`);
  }
  return out;
}

/** Excel wildcard pattern → RegExp (? one character, * any, ~ escapes). */
function wildcard(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '~' && i + 1 < p.length) re += p[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '?') re += '.';
    else if (ch === '*') re += '.*';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

type Range = { r0: number; c0: number; r1: number; c1: number };
type Arg = { range: Range } | { value: FormulaValue } | { text: string };

export interface EvalContext {
  sheet: Sheet;
  unit: MoneyUnit;
  /** Value of a cell that holds a formula (the caller evaluates it, with memo and cycle check). */
  formulaCell: (r: number, c: number) => FormulaValue | undefined;
}

function cellValue(ctx: EvalContext, r: number, c: number): FormulaValue {
  const f = ctx.formulaCell(r, c);
  if (f) return f;
  const a = readCellAmount(cellAt(ctx.sheet, r, c), ctx.unit);
  if (a.kind === 'amount') return { fen: a.fen, known: true };
  if (a.kind === 'blank') return { fen: 0, known: false };
  throw new FormulaError(`公式引用的单元格内容「${a.text}」不是金额`);
}

/** Evaluates a formula (without "=") on a sheet. */
export function evaluateFormula(formula: string, ctx: EvalContext): FormulaValue {
  const parser = new FormulaParser(tokenize(formula.replace(/^=/, '')), ctx);
  const result = parser.expr();
  if (!parser.done()) throw new FormulaError('公式格式不对');
  return result;
}

const add = (a: FormulaValue, b: FormulaValue, sign: number): FormulaValue => ({
  fen: a.fen + sign * b.fen,
  known: a.known || b.known,
});
const NOTHING: FormulaValue = { fen: 0, known: false };

const isOp = (t: Token | undefined, v: string): boolean => t?.t === 'op' && t.v === v;

/**
 * Recursive descent over the tokens of one formula: expr = primary (± primary)*; primary = number | cell |
 * range | (expr) | ±primary | SUM(args) | SUMIF(range, text[, range]).
 */
class FormulaParser {
  private pos = 0;
  constructor(
    private readonly toks: readonly Token[],
    private readonly ctx: EvalContext,
  ) {}

  done(): boolean {
    return this.pos === this.toks.length;
  }
  private peek(): Token | undefined {
    return this.toks[this.pos];
  }
  private take(): Token | undefined {
    return this.toks[this.pos++];
  }
  private expect(v: string): void {
    if (!isOp(this.take(), v)) throw new FormulaError(`公式格式不对：缺少「${v}」`);
  }

  expr(): FormulaValue {
    let v = this.primary();
    for (;;) {
      const t = this.peek();
      if (isOp(t, '+') || isOp(t, '-')) {
        this.take();
        v = add(v, this.primary(), t!.v === '+' ? 1 : -1);
      } else return v;
    }
  }

  private primary(): FormulaValue {
    const t = this.take();
    if (!t) throw new FormulaError('公式不完整');
    if (t.t === 'num') {
      const a = readCellAmount({ text: t.v }, this.ctx.unit);
      if (a.kind !== 'amount') throw new FormulaError(`数字「${t.v}」不对`);
      return { fen: a.fen, known: true };
    }
    if (t.t === 'ref') return this.value(this.refOrRange(t.v));
    if (isOp(t, '(')) {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (isOp(t, '-')) {
      const v = this.primary();
      return { fen: -v.fen, known: v.known };
    }
    if (isOp(t, '+')) return this.primary();
    if (t.t === 'id' && t.v === 'SUM') return this.args().reduce((s, a) => add(s, this.value(a), 1), NOTHING);
    if (t.t === 'id' && t.v === 'SUMIF') return this.sumIf(this.args());
    throw new FormulaError(`不支持的公式函数或符号「${t.v}」`);
  }

  /** SUMIF(range, "text", sum range): the rows of `range` whose text matches (wildcards * and ?). */
  private sumIf([rangeArg, critArg, sumArg]: Arg[]): FormulaValue {
    if (!rangeArg || !('range' in rangeArg) || !critArg || !('text' in critArg))
      throw new FormulaError('SUMIF 的参数不对');
    const { sheet } = this.ctx;
    const range = rangeArg.range;
    const sumRange = sumArg && 'range' in sumArg ? sumArg.range : range;
    const re = wildcard(critArg.text);
    let v = NOTHING;
    for (let r = range.r0; r <= range.r1; r++) {
      const cell = cellAt(sheet, r, range.c0);
      if (cell?.num !== undefined || !re.test((cell?.text ?? '').trim())) continue;
      v = add(v, cellValue(this.ctx, sumRange.r0 + (r - range.r0), sumRange.c0), 1);
    }
    return v;
  }

  private args(): Arg[] {
    this.expect('(');
    const out: Arg[] = [];
    if (isOp(this.peek(), ')')) {
      this.take();
      return out;
    }
    for (;;) {
      out.push(this.argument());
      const t = this.take();
      if (isOp(t, ')')) return out;
      if (!isOp(t, ',')) throw new FormulaError('公式格式不对：函数参数');
    }
  }

  private argument(): Arg {
    const t = this.peek();
    if (t?.t === 'str') {
      this.take();
      return { text: t.v };
    }
    if (t?.t === 'ref' && isOp(this.toks[this.pos + 1], ':')) {
      this.take();
      return this.refOrRange(t.v);
    }
    return { value: this.expr() };
  }

  private refOrRange(first: string): Arg {
    const a = parseAddress(first);
    if (!a) throw new FormulaError(`单元格地址「${first}」不对`);
    if (!isOp(this.peek(), ':')) return { value: cellValue(this.ctx, a.r, a.c) };
    this.take();
    const t = this.take();
    const b = t && t.t === 'ref' ? parseAddress(t.v) : undefined;
    if (!b) throw new FormulaError('区域地址不对');
    return {
      range: {
        r0: Math.min(a.r, b.r),
        c0: Math.min(a.c, b.c),
        r1: Math.max(a.r, b.r),
        c1: Math.max(a.c, b.c),
      },
    };
  }

  private value(arg: Arg): FormulaValue {
    if ('value' in arg) return arg.value;
    if ('range' in arg) return this.rangeSum(arg.range);
    throw new FormulaError('公式中文本不能参与计算');
  }

  private rangeSum(rg: Range): FormulaValue {
    let v = NOTHING;
    for (let r = rg.r0; r <= rg.r1; r++)
      for (let c = rg.c0; c <= rg.c1; c++) v = add(v, cellValue(this.ctx, r, c), 1);
    return v;
  }
}
