import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './procurement-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './procurement-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the services figure is off', () => {
    const e = errors(runOne(rule, shifted(data, 'procurement.services', '0.10')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.map((l) => l.field)).toContain('procurement.services');
    expect(e[0]!.location[0]!.field).toBe('procurement.total');
    expect(e[0]!.difference).toBe('-0.10');
  });
  it('treats a 0.01 gap in rounded figures as rounding only', () => {
    const o = runOne(rule, shifted(data, 'procurement.goods', '0.01'));
    expect(errors(o)).toEqual([]);
    expect(o.findings[0]?.kind).toBe('rounding');
  });
  it('reports insufficient data when a part is unknown', () => {
    expect(runOne(rule, withValue(data, 'procurement.works', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
