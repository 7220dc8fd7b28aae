import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './profile-staff-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './profile-staff-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 退休人员 is changed', () => {
    const e = errors(runOne(rule, withValue(data, 'unit.staff.retired', 6)));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('unit.staff.actual');
    expect(e[0]!.location.map((l) => l.field)).toContain('unit.staff.retired');
    expect(e[0]!.expected).toBe('21');
    expect(e[0]!.actual).toBe('20');
  });
  it('reports insufficient data when a count is missing', () => {
    expect(runOne(rule, withValue(data, 'unit.staff.retiredCadre', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
