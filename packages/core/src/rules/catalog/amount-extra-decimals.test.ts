import { describe, expect, it } from 'vitest';
import { cellPath, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './amount-extra-decimals.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './amount-extra-decimals.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes when every amount has two decimals', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('names the cell, what was written and what the publication prints', () => {
    const o = runOne(
      rule,
      withValue(data, cellPath(data, 't1', 'incomeGrandTotal', 'amount', 'prior'), '3024.329'),
    );
    expect(o.findings).toHaveLength(1);
    const f = o.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('表一《收入支出决算总表》有 1 个金额的小数位多于 2 位');
    expect(f.message).toContain('写作 3024.329，公开时印为 3024.33');
    expect(f.location).toHaveLength(1);
    expect(f.location[0]).toMatchObject({ table: 't1', row: 'incomeGrandTotal', which: 'prior' });
  });
  it('reports a table once, naming its first five cells and counting the rest', () => {
    let d = data;
    for (const row of [
      'otherIncome',
      'operatingIncome',
      'incomeTotal',
      'incomeGrandTotal',
      'expenditureTotal',
      'expenditureGrandTotal',
    ])
      d = withValue(d, cellPath(d, 't1', row, 'amount'), '1.001');
    const o = runOne(rule, d);
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]!.message).toContain('有 6 个金额');
    expect(o.findings[0]!.location).toHaveLength(5);
  });
  it('does not apply where amounts are in 元 with two decimals (whole 分)', () => {
    const o = runOne(rule, { ...data, amountUnit: '元' });
    expect(o.findings).toEqual([]);
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
