import { describe, expect, it } from 'vitest';
import { runOne, unitData, withValue } from '../testing.ts';
import { rule } from './vehicles-held-le-total.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './vehicles-held-le-total.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const total = (data.assets as { vehicles: { total: number } }).vehicles.total;
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('notes when 公务用车保有量 exceeds the vehicles held as assets', () => {
    const w = runOne(rule, withValue(data, 'threePublic.vehiclesHeld', total + 1)).findings;
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('info');
    expect(w[0]!.location[0]).toMatchObject({ field: 'threePublic.vehiclesHeld', value: String(total + 1) });
    expect(w[0]!.difference).toBe('+1');
  });
  it('reports insufficient data when the asset count is missing', () => {
    expect(runOne(rule, withValue(data, 'assets.vehicles.total', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
  it('does not apply when the unit owns no vehicle (the seed: 保有量 1 辆, 车辆 0 辆)', () => {
    const o = runOne(
      rule,
      withValue(withValue(data, 'assets.vehicles.total', 0), 'threePublic.vehiclesHeld', 1),
    );
    expect(o.findings).toEqual([]);
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
