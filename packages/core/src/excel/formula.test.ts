/**
 * The formulas a workbook saved without their results is read with (evaluateFormula): sums of cells and
 * ranges, SUMIF over labels, parentheses and signs, in exact 分; what it cannot compute is an error in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, type EvalContext } from './formula.ts';
import type { GridCell, Sheet } from './grid.ts';

/** A sheet from rows of cells: numbers are numeric cells, texts are text cells, null is blank. */
function sheet(rows: (string | number | null)[][]): Sheet {
  return {
    name: '表五',
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined =>
        v === null ? undefined : typeof v === 'number' ? { text: String(v), num: v } : { text: v },
      ),
    ),
    merges: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    hidden: false,
    mergeMaster: new Map(),
  };
}

const grid = sheet([
  ['科目', '金额', '备注'],
  ['事业运行', 12.5, null],
  ['一般行政管理事务', 7.25, null],
  ['其他支出', 0.05, '文本'],
  ['事业运行', 1, null],
  [null, null, null],
]);
const ctx: EvalContext = { sheet: grid, unit: '万元', formulaCell: () => undefined };
const fen = (formula: string) => evaluateFormula(formula, ctx);

describe('evaluateFormula', () => {
  it('adds cells, ranges and numbers in exact 分, with signs and parentheses', () => {
    expect(fen('=B2+B3')).toEqual({ fen: 19_750_000, known: true });
    expect(fen('SUM(B2:B4)')).toEqual({ fen: 19_800_000, known: true });
    expect(fen('=SUM(B2, B3:B4, 1)')).toEqual({ fen: 20_800_000, known: true });
    expect(fen('=B2-(B3+B4)')).toEqual({ fen: 5_200_000, known: true });
    expect(fen('=-B2++B3')).toEqual({ fen: -5_250_000, known: true });
    expect(fen('=$B$2 + b3')).toEqual({ fen: 19_750_000, known: true });
  });

  it('a range of blank cells is zero but not known; SUM() of nothing is zero', () => {
    expect(fen('=SUM(B6:B6)')).toEqual({ fen: 0, known: false });
    expect(fen('=SUM()')).toEqual({ fen: 0, known: false });
    expect(fen('=B6+B2')).toEqual({ fen: 12_500_000, known: true });
  });

  it('SUMIF sums the rows whose label matches, with * and ? wildcards', () => {
    expect(fen('=SUMIF(A2:A5,"事业运行",B2:B5)')).toEqual({ fen: 13_500_000, known: true });
    expect(fen('=SUMIF(A2:A5,"*行政*",B2:B5)')).toEqual({ fen: 7_250_000, known: true });
    expect(fen('=SUMIF(A2:A5,"其他??",B2:B5)')).toEqual({ fen: 50_000, known: true });
    expect(fen('=SUMIF(A2:A5,"没有",B2:B5)')).toEqual({ fen: 0, known: false });
  });

  it('refers to other formula cells through the caller', () => {
    const withFormula: EvalContext = {
      ...ctx,
      formulaCell: (r, c) => (r === 5 && c === 1 ? { fen: 10_000_000, known: true } : undefined),
    };
    expect(evaluateFormula('=B6+B2', withFormula)).toEqual({ fen: 22_500_000, known: true });
  });

  it('what it cannot compute is a FormulaError in Chinese', () => {
    const fails = (formula: string, message: RegExp) => {
      expect(() => fen(formula)).toThrow(FormulaError);
      expect(() => fen(formula)).toThrow(message);
    };
    fails('=VLOOKUP(A1,B:B,1)', /不支持的公式函数或符号「VLOOKUP」/);
    fails('=B2*2', /公式中不支持「\*」/);
    fails('=C4+1', /公式引用的单元格内容「文本」不是金额/);
    fails('=SUM(B2', /公式格式不对/);
    fails('=(B2', /缺少「\)」/);
    fails('=B2 B3', /公式格式不对/);
    fails('=SUM("x")', /文本不能参与计算/);
    fails('=SUMIF(B2,"x")', /SUMIF 的参数不对/);
    fails('=B2+', /公式不完整/);
  });
});
