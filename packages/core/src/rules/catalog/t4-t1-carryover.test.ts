import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { naming, printed } from '../testing-tables.ts';
import { rule } from './t4-t1-carryover.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-t1-carryover.cases.ts';

/** A unit whose 年末结转和结余 is all 财政拨款 (T4 合计 = T1), so any increase in T4 breaks the rule. */
function unitWithFiscalClosingOnly(): Data {
  for (let seed = 1; seed < 200; seed++) {
    const d = unitData({ seed });
    const t4 = printed(d, 't4', 'closingCarryover', 'total');
    if (t4 !== '0.00' && t4 === printed(d, 't1', 'closingCarryover', 'amount')) return d;
  }
  throw new Error('no such unit');
}

describe(rule.id, () => {
  const data = unitWithFiscalClosingOnly();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when T4 年末财政拨款结转和结余 exceeds T1 by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', 'closingCarryover', 'total'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', 'closingCarryover', 'total')).toHaveLength(1);
    expect(naming(e, 't1', 'closingCarryover', 'amount')).toHaveLength(1);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('checks 年末 when T1 年初结转和结余 is unknown', () => {
    const o = runOne(rule, withValue(data, cellPath(data, 't1', 'openingCarryover', 'amount'), undefined));
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
