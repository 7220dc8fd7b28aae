import { describe, expect, it } from 'vitest';
import { cellPath, nonInfo, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './t7-vehicle-operation-without-vehicles.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-vehicle-operation-without-vehicles.cases.ts';

describe(rule.id, () => {
  // A unit that holds no vehicle and has no 运行（维护）费.
  let data: Data = unitData();
  data = withValue(
    withValue(data, cellPath(data, 't7', 'vehicleOperation', 'final'), '0.00'),
    'threePublic.vehiclesHeld',
    0,
  );
  const fee = cellPath(data, 't7', 'vehicleOperation', 'final');
  it('passes without vehicles and fee, and with vehicles but no fee', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(runOne(rule, withValue(data, 'threePublic.vehiclesHeld', 2)).findings).toEqual([]);
    expect(runOne(rule, unitData()).findings).toEqual([]);
  });
  it('warns about a 运行（维护）费 of 0.05 with 保有量 0', () => {
    const w = nonInfo(runOne(rule, shifted(data, fee, '0.05')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning' });
    expect(w[0]!.location[0]).toMatchObject({
      table: 't7',
      row: 'vehicleOperation',
      column: 'final',
      value: '0.05',
    });
    expect(w[0]!.location[1]).toMatchObject({ field: 'threePublic.vehiclesHeld', value: '0' });
  });
  it('reports insufficient data when the 保有量 is not given', () => {
    expect(runOne(rule, withValue(data, 'threePublic.vehiclesHeld', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
