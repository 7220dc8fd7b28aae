import { describe, expect, it } from 'vitest';
import { cellPath, nonInfo, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './t7-reception-counts.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t7-reception-counts.cases.ts';

describe(rule.id, () => {
  // A unit with no receptions: fee 0.00 and 0 批次.
  let data: Data = unitData();
  data = withValue(
    withValue(data, cellPath(data, 't7', 'reception', 'final'), '0.00'),
    'threePublic.receptionBatches',
    0,
  );
  data = withValue(data, 'threePublic.receptionPeople', 0);
  const fee = cellPath(data, 't7', 'reception', 'final');
  it('passes when fee and 批次 agree', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(runOne(rule, unitData()).findings).toEqual([]);
  });
  it('warns about a 接待费 of 0.05 with 0 批次', () => {
    const w = nonInfo(runOne(rule, shifted(data, fee, '0.05')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning' });
    expect(w[0]!.location[0]).toMatchObject({
      table: 't7',
      row: 'reception',
      column: 'final',
      value: '0.05',
    });
    expect(w[0]!.location[1]).toMatchObject({ field: 'threePublic.receptionBatches', value: '0' });
  });
  it('counts 外事接待 批次 too', () => {
    expect(
      runOne(rule, withValue(shifted(data, fee, '0.05'), 'threePublic.foreignReceptionBatches', 1)).findings,
    ).toEqual([]);
  });
  it('warns about 批次 without a fee', () => {
    const w = nonInfo(runOne(rule, withValue(data, 'threePublic.receptionBatches', 3)));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('国内公务接待批次为 3');
  });
  it('reports insufficient data when the 批次 are not given', () => {
    expect(runOne(rule, withValue(data, 'threePublic.receptionBatches', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
