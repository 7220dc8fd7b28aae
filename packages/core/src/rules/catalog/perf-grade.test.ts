import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-grade.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-grade.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a total of 89.99 is graded 优', () => {
    const e = errors(runOne(rule, withValue(data, 'performance.projects[0].totalScore', '89.99')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.map((l) => l.field)).toEqual([
      'performance.projects[0].grade',
      'performance.projects[0].totalScore',
    ]);
    expect(e[0]!.expected).toBe('良');
    expect(e[0]!.actual).toBe('优');
  });
  it('accepts 90 as 优, "优秀" as 优, and uses the Shanghai grade names', () => {
    expect(errors(runOne(rule, withValue(data, 'performance.projects[0].totalScore', '90.00')))).toEqual([]);
    expect(errors(runOne(rule, withValue(data, 'performance.projects[0].grade', '优秀')))).toEqual([]);
    let sh = withValue(unitData({ profile: 'shanghai-2024' }), 'performance.projects[0].totalScore', '65');
    expect(errors(runOne(rule, sh))[0]?.expected).toBe('合格');
    sh = withValue(sh, 'performance.projects[0].grade', '合格');
    expect(errors(runOne(rule, sh))).toEqual([]);
  });
  it('reports insufficient data without a grade', () => {
    expect(runOne(rule, withValue(data, 'performance.projects[0].grade', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
