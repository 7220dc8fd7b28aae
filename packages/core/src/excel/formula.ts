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
  const toks = tokenize(formula.replace(/^=/, ''));
  let pos = 0;
  const peek = () => toks[pos];
  const take = () => toks[pos++];
  const expect = (v: string) => {
    const t = take();
    if (!t || t.t !== 'op' || t.v !== v) throw new FormulaError(`公式格式不对：缺少「${v}」`);
  };
  const add = (a: FormulaValue, b: FormulaValue, sign: number): FormulaValue => ({
    fen: a.fen + sign * b.fen,
    known: a.known || b.known,
  });
  const rangeSum = (rg: Range): FormulaValue => {
    let v: FormulaValue = { fen: 0, known: false };
    for (let r = rg.r0; r <= rg.r1; r++)
      for (let c = rg.c0; c <= rg.c1; c++) v = add(v, cellValue(ctx, r, c), 1);
    return v;
  };
  const refOrRange = (first: string): Arg => {
    const a = parseAddress(first);
    if (!a) throw new FormulaError(`单元格地址「${first}」不对`);
    if (peek()?.t === 'op' && peek()!.v === ':') {
      take();
      const t = take();
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
    return { value: cellValue(ctx, a.r, a.c) };
  };
  const value = (arg: Arg): FormulaValue => {
    if ('value' in arg) return arg.value;
    if ('range' in arg) return rangeSum(arg.range);
    throw new FormulaError('公式中文本不能参与计算');
  };
  const args = (): Arg[] => {
    expect('(');
    const out: Arg[] = [];
    if (peek()?.t === 'op' && peek()!.v === ')') {
      take();
      return out;
    }
    for (;;) {
      out.push(argument());
      const t = take();
      if (t?.t === 'op' && t.v === ')') return out;
      if (!(t?.t === 'op' && t.v === ',')) throw new FormulaError('公式格式不对：函数参数');
    }
  };
  const argument = (): Arg => {
    const t = peek();
    if (t?.t === 'str') {
      take();
      return { text: t.v };
    }
    if (t?.t === 'ref' && toks[pos + 1]?.t === 'op' && toks[pos + 1]!.v === ':') {
      take();
      return refOrRange(t.v);
    }
    return { value: expr() };
  };
  const primary = (): FormulaValue => {
    const t = take();
    if (!t) throw new FormulaError('公式不完整');
    if (t.t === 'num') {
      const a = readCellAmount({ text: t.v }, ctx.unit);
      if (a.kind !== 'amount') throw new FormulaError(`数字「${t.v}」不对`);
      return { fen: a.fen, known: true };
    }
    if (t.t === 'ref') return value(refOrRange(t.v));
    if (t.t === 'op' && t.v === '(') {
      const v = expr();
      expect(')');
      return v;
    }
    if (t.t === 'op' && t.v === '-') {
      const v = primary();
      return { fen: -v.fen, known: v.known };
    }
    if (t.t === 'op' && t.v === '+') return primary();
    if (t.t === 'id' && t.v === 'SUM') {
      return args().reduce<FormulaValue>((s, a) => add(s, value(a), 1), { fen: 0, known: false });
    }
    if (t.t === 'id' && t.v === 'SUMIF') {
      const [rangeArg, critArg, sumArg] = args();
      if (!rangeArg || !('range' in rangeArg) || !critArg || !('text' in critArg))
        throw new FormulaError('SUMIF 的参数不对');
      const sumRange = sumArg && 'range' in sumArg ? sumArg.range : rangeArg.range;
      const re = wildcard(critArg.text);
      let v: FormulaValue = { fen: 0, known: false };
      for (let r = rangeArg.range.r0; r <= rangeArg.range.r1; r++) {
        const text = cellAt(ctx.sheet, r, rangeArg.range.c0)?.text ?? '';
        if (cellAt(ctx.sheet, r, rangeArg.range.c0)?.num !== undefined || !re.test(text.trim())) continue;
        v = add(v, cellValue(ctx, sumRange.r0 + (r - rangeArg.range.r0), sumRange.c0), 1);
      }
      return v;
    }
    throw new FormulaError(`不支持的公式函数或符号「${t.v}」`);
  };
  const expr = (): FormulaValue => {
    let v = primary();
    for (;;) {
      const t = peek();
      if (t?.t === 'op' && (t.v === '+' || t.v === '-')) {
        take();
        v = add(v, primary(), t.v === '+' ? 1 : -1);
      } else return v;
    }
  };
  const result = expr();
  if (pos !== toks.length) throw new FormulaError('公式格式不对');
  return result;
}
