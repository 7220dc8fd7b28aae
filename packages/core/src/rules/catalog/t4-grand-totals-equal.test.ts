import { describe, expect, it } from 'vitest';
import { cellPath, errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { naming } from '../testing-tables.ts';
import { rule } from './t4-grand-totals-equal.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t4-grand-totals-equal.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 收入总计 国有资本经营 is off by 0.05', () => {
    const o = runOne(rule, shifted(data, cellPath(data, 't4', 'incomeGrandTotal', 'stateCapital'), '0.05'));
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(naming(e, 't4', 'incomeGrandTotal', 'stateCapital')).toHaveLength(1);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('checks the other columns when one is unknown', () => {
    const o = runOne(
      rule,
      withValue(data, cellPath(data, 't4', 'expenditureGrandTotal', 'total'), undefined),
    );
    expect(o.partial[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
