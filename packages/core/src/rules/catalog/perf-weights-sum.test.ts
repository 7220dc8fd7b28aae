import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-weights-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-weights-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit (10 + 90)', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when an indicator weight is changed', () => {
    const e = errors(runOne(rule, withValue(data, 'performance.projects[0].indicators[0].weight', '25')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.map((l) => l.field)).toContain('performance.projects[0].indicators');
    expect(e[0]!.actual).toBe('105');
    expect(e[0]!.difference).toBe('+5');
  });
  it('adds decimal weights exactly (0.1 + 0.2 style)', () => {
    let d = withValue(data, 'performance.projects[0].indicators[0].weight', '19.9');
    d = withValue(d, 'performance.projects[0].indicators[1].weight', '15.1');
    expect(errors(runOne(rule, d))).toEqual([]);
  });
  it('reports insufficient data when a project lists no indicators', () => {
    expect(runOne(rule, withValue(data, 'performance.projects[0].indicators', [])).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
