import { describe, expect, it } from 'vitest';
import { cellPath, nonInfo, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './t7-vehicle-purchase-counts.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-vehicle-purchase-counts.cases.ts';

describe(rule.id, () => {
  // A unit that bought no vehicle this year.
  let data: Data = unitData();
  data = withValue(
    withValue(data, cellPath(data, 't7', 'vehiclePurchase', 'final'), '0.00'),
    'threePublic.vehiclesPurchased',
    0,
  );
  const fee = cellPath(data, 't7', 'vehiclePurchase', 'final');
  it('passes when fee and count agree', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(
      runOne(rule, withValue(shifted(data, fee, '25.00'), 'threePublic.vehiclesPurchased', 1)).findings,
    ).toEqual([]);
  });
  it('warns about a 购置费 of 0.05 with 购置数 0', () => {
    const w = nonInfo(runOne(rule, shifted(data, fee, '0.05')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning' });
    expect(w[0]!.location[0]).toMatchObject({
      table: 't7',
      row: 'vehiclePurchase',
      column: 'final',
      value: '0.05',
    });
    expect(w[0]!.location[1]).toMatchObject({ field: 'threePublic.vehiclesPurchased' });
  });
  it('warns about a vehicle bought without 购置费', () => {
    const w = nonInfo(runOne(rule, withValue(data, 'threePublic.vehiclesPurchased', 1)));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('公务用车购置数为 1');
  });
  it('reports insufficient data when the count is not given', () => {
    expect(runOne(rule, withValue(data, 'threePublic.vehiclesPurchased', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
