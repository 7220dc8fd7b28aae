import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { divRoundHalfUp, fenOf, formatAmount, parseAmount, stepFen, wan } from './amount.ts';

describe('parseAmount', () => {
  it.each([
    ['2,940.05', 294_005_0000],
    ['360.44 万元', 360_440_000],
    ['0.00万元', 0],
    ['1.2亿元', 12_000_000_000],
    ['5,082.00元', 508_200],
    ['１２３．４５万元', 123_450_000],
    ['２，９４０．０５', 2_940_050_000],
    ['−2.84万元', -2_840_000],
    ['（1,234.00）', -1_234_000_000],
    ['360.44 万 元', 360_440_000],
    ['7', 7_000_000],
  ])('%s → %d 分', (text, fen) => {
    expect(parseAmount(text).fen).toBe(fen);
  });

  it('keeps decimals and unit as written', () => {
    expect(parseAmount('5,082.00元')).toEqual({ fen: 508_200, decimals: 2, unit: '元', unitWritten: true });
    expect(parseAmount('360.44')).toMatchObject({ unit: '万元', unitWritten: false, decimals: 2 });
    expect(parseAmount('12.5', '元').fen).toBe(1250);
  });

  it.each(['', 'abc', '12,34.5', '1.2.3', '万元', '3..4', '1.001元'])(
    'rejects %j with a Chinese message',
    (text) => {
      expect(() => parseAmount(text)).toThrow(JuesuanError);
      try {
        parseAmount(text);
      } catch (e) {
        expect((e as JuesuanError).code).toBe('E_BAD_AMOUNT');
        expect((e as JuesuanError).message).toMatch(/金额|精度|单位/);
      }
    },
  );
});

describe('exactness', () => {
  it('0.1 + 0.2 万元 is exactly 0.3 万元', () => {
    expect(wan('0.1') + wan('0.2')).toBe(wan('0.3'));
    expect(formatAmount(wan('0.1') + wan('0.2'))).toBe('0.30');
  });
  it('1.005 rounds half-up to 1.01 once, at print time (a binary float would give 1.00)', () => {
    const fen = parseAmount('1.005万元').fen; // 10050 元, exact
    expect(fen).toBe(1_005_000);
    expect(formatAmount(fen, { unit: '万元', decimals: 2 })).toBe('1.01');
    expect(formatAmount(fen, { unit: '万元', decimals: 3 })).toBe('1.005');
    expect((1.005).toFixed(2)).toBe('1.00'); // why floats are banned
  });
  it('rounds negatives half away from zero', () => {
    expect(formatAmount(-50_000, { unit: '万元', decimals: 1 })).toBe('-0.1');
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
  });
});

describe('formatAmount', () => {
  it('prints tables and narrative forms', () => {
    const fen = wan('2940.05');
    expect(formatAmount(fen, { thousands: true })).toBe('2,940.05');
    expect(formatAmount(fen)).toBe('2940.05');
    expect(formatAmount(fen, { withUnit: true })).toBe('2940.05万元');
    expect(formatAmount(0, { blankZero: true })).toBe('');
    expect(formatAmount(0, { withUnit: true })).toBe('0.00万元');
    expect(formatAmount(fenOf(3, '亿元'), { unit: '亿元' })).toBe('3.00');
    expect(formatAmount(wan('1234567.8'), { thousands: true, unit: '元' })).toBe('12,345,678,000.00');
  });
  it('converts 元 ↔ 万元 ↔ 亿元', () => {
    const fen = parseAmount('5,082.00元').fen;
    expect(formatAmount(fen, { unit: '万元' })).toBe('0.51');
    expect(formatAmount(fen, { unit: '万元', decimals: 4 })).toBe('0.5082');
    expect(formatAmount(parseAmount('1.2亿元').fen, { unit: '万元', decimals: 0 })).toBe('12000');
  });
  it('gives the step of the last printed digit', () => {
    expect(stepFen('万元', 2)).toBe(10_000);
    expect(stepFen('元', 2)).toBe(1);
    expect(stepFen('元', 3)).toBe(0);
  });
});
