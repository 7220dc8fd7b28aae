import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './procurement-sme-le-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './procurement-sme-le-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 授予中小企业合同金额 exceeds the total', () => {
    const p = data.procurement as { total: string };
    const e = errors(
      runOne(rule, shifted(withValue(data, 'procurement.sme', p.total), 'procurement.sme', '2.00')),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('procurement.sme');
    expect(e[0]!.difference).toBe('+2.00');
  });
  it('reports insufficient data when the SME figure is missing', () => {
    expect(runOne(rule, withValue(data, 'procurement.sme', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
