import { describe, expect, it } from 'vitest';
import { itemCodes, rowOf, rowsOf, withRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { parseAmount, formatAmount } from '../../money/amount.ts';
import { rule } from './t5-prior-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-prior-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const code = itemCodes(data, 't5')[0]!;
  it('passes on a consistent unit (合计 = Σ 项 上年决算数)', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 上年决算数 of a 项 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', code, 'total', 'prior'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === code && l.column === 'total' && l.which === 'prior')).toBe(
      true,
    );
    expect(e[0]!.location.some((l) => l.row === 'total' && l.which === 'prior')).toBe(true);
    expect(e[0]!.difference).toBe('-0.05');
  });
  it('adds up the 类 when every 类 gives 上年决算数', () => {
    // Give each 类 the sum of its 项.
    const rows = structuredClone(rowsOf(data, 't5'));
    for (const r of rows) {
      if (r.code?.length !== 3) continue;
      const fen = itemCodes(data, 't5')
        .filter((c) => c.startsWith(r.code!))
        .reduce(
          (s, c) => s + parseAmount(String((rowOf(data, 't5', c)['prior'] as { total: string }).total)).fen,
          0,
        );
      r['prior'] = { total: formatAmount(fen, { unit: '万元', decimals: 2 }) };
    }
    const withClassPrior = withRows(data, 't5', rows);
    expect(errors(runOne(rule, withClassPrior))).toEqual([]);
    const cls = code.slice(0, 3);
    const e = errors(
      runOne(rule, shifted(withClassPrior, cellPath(withClassPrior, 't5', cls, 'total', 'prior'), '0.05')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.row === cls && l.which === 'prior')).toBe(true);
  });
  it('reports insufficient data when a 项 or the 合计 lacks 上年决算数', () => {
    const i = rowsOf(data, 't5').findIndex((r) => r.code === code);
    expect(runOne(rule, withValue(data, `tables.t5.rows[${i}].prior`, undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
    expect(runOne(rule, withValue(data, 'tables.t5.rows[0].prior', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
