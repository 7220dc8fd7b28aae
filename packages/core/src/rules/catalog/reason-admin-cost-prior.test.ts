import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-admin-cost-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-admin-cost-prior.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 机关运行经费 changed without a reason', () => {
    const changed = withValue(shifted(data, 'adminCost.prior', '3.48'), 'adminCost.reasons', undefined);
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.map((l) => l.field)).toEqual([
      'adminCost.amount',
      'adminCost.prior',
      'adminCost.reasons.prior',
    ]);
    expect(e[0]!.message).toContain('机关运行经费');
  });
  it('reports insufficient data when last year is unknown', () => {
    expect(runOne(rule, withValue(data, 'adminCost.prior', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
