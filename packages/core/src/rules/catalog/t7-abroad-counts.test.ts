import { describe, expect, it } from 'vitest';
import { cellPath, nonInfo, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './t7-abroad-counts.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-abroad-counts.cases.ts';

describe(rule.id, () => {
  // A unit without trips abroad: fee 0.00, 0 团组, 0 人次.
  let data: Data = unitData();
  data = withValue(data, cellPath(data, 't7', 'abroad', 'final'), '0.00');
  data = withValue(withValue(data, 'threePublic.abroadGroups', 0), 'threePublic.abroadPeople', 0);
  const fee = cellPath(data, 't7', 'abroad', 'final');
  it('passes when fee and counts are both zero, or both positive', () => {
    expect(runOne(rule, data).findings).toEqual([]);
    const trips = withValue(
      withValue(shifted(data, fee, '0.05'), 'threePublic.abroadGroups', 1),
      'threePublic.abroadPeople',
      2,
    );
    const o = runOne(rule, trips);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns about a fee of 0.05 with no 团组 or 人次', () => {
    const w = nonInfo(runOne(rule, shifted(data, fee, '0.05')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning' });
    expect(w[0]!.location[0]).toMatchObject({ table: 't7', row: 'abroad', column: 'final' });
    expect(w[0]!.location.map((l) => l.field).slice(1)).toEqual([
      'threePublic.abroadGroups',
      'threePublic.abroadPeople',
    ]);
  });
  it('warns about 团组 without a fee', () => {
    const w = nonInfo(runOne(rule, withValue(data, 'threePublic.abroadGroups', 1)));
    expect(w).toHaveLength(1);
    expect(w[0]!.location[1]).toMatchObject({ field: 'threePublic.abroadGroups', value: '1' });
  });
  it('reports insufficient data when the counts are not given', () => {
    const o = runOne(
      rule,
      withValue(
        withValue(data, 'threePublic.abroadGroups', undefined),
        'threePublic.abroadPeople',
        undefined,
      ),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
