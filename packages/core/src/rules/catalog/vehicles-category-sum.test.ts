import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './vehicles-category-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './vehicles-category-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const vehicles = (data.assets as { vehicles: { total: number; byCategory: Record<string, number> } })
    .vehicles;
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a category count is changed', () => {
    const e = errors(runOne(rule, withValue(data, 'assets.vehicles.byCategory.emergency', 2)));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('assets.vehicles.total');
    expect(e[0]!.location.map((l) => l.field)).toContain('assets.vehicles.byCategory.emergency');
    expect(e[0]!.expected).toBe(String(vehicles.total + 2));
    expect(e[0]!.difference).toBe('-2');
  });
  it('fails even with unlisted categories when the listed ones already exceed the total', () => {
    const d = withValue(
      withValue(data, 'assets.vehicles.byCategory.other', undefined),
      'assets.vehicles.byCategory.lawEnforcement',
      vehicles.total + 1,
    );
    expect(errors(runOne(rule, d))).toHaveLength(1);
  });
  it('reports insufficient data when categories are not given', () => {
    expect(runOne(rule, withValue(data, 'assets.vehicles.byCategory', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
    const other = vehicles.byCategory['other']!;
    const unlisted = withValue(data, 'assets.vehicles.byCategory.other', undefined);
    if (other > 0) expect(runOne(rule, unlisted).notRun[0]?.reason).toBe('insufficient-data');
    expect(runOne(rule, withValue(unlisted, 'assets.vehicles.total', vehicles.total - other)).notRun).toEqual(
      [],
    );
  });
});

testRule(cases);
