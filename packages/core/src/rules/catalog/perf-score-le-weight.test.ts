import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-score-le-weight.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-score-le-weight.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when an indicator score exceeds its weight', () => {
    const e = errors(runOne(rule, withValue(data, 'performance.projects[0].indicators[2].score', '6')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.projects[0].indicators[2].score');
    expect(e[0]!.expected).toBe('≤ 5');
    expect(e[0]!.actual).toBe('6');
  });
  it('fails when the execution score exceeds its weight or is negative', () => {
    expect(
      errors(runOne(rule, withValue(data, 'performance.projects[0].executionScore', '10.50')))[0]!
        .location[0]!.field,
    ).toBe('performance.projects[0].executionScore');
    expect(
      errors(runOne(rule, withValue(data, 'performance.projects[0].executionScore', '-1')))[0]!.expected,
    ).toBe('≥ 0');
  });
  it('reports partial data when a score is missing', () => {
    expect(
      runOne(rule, withValue(data, 'performance.projects[0].indicators[0].score', undefined)).partial[0]
        ?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
