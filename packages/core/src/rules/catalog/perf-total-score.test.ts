import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-total-score.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-total-score.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on generated units', () => {
    for (const seed of [1, 2, 3]) {
      const o = runOne(rule, unitData({ seed }));
      expect(o.findings).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('accepts the seed: 8.98 + 90 = 98.98', () => {
    const d = withValue(
      withValue(data, 'performance.projects[0].executionScore', '8.98'),
      'performance.projects[0].totalScore',
      '98.98',
    );
    expect(runOne(rule, d).findings).toEqual([]);
  });
  it('fails when the total does not add up', () => {
    const d = withValue(
      withValue(data, 'performance.projects[0].executionScore', '8.98'),
      'performance.projects[0].totalScore',
      '99.98',
    );
    const e = errors(runOne(rule, d));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.projects[0].totalScore');
    expect(e[0]!.expected).toBe('98.98');
    expect(e[0]!.difference).toBe('+1');
  });
  it('notes a 0.01 gap as rounding only', () => {
    const d = withValue(
      withValue(data, 'performance.projects[0].executionScore', '8.98'),
      'performance.projects[0].totalScore',
      '98.99',
    );
    const o = runOne(rule, d);
    expect(errors(o)).toEqual([]);
    expect(o.findings[0]).toMatchObject({ severity: 'info', kind: 'rounding' });
  });
  it('reports insufficient data without a total', () => {
    expect(
      runOne(rule, withValue(data, 'performance.projects[0].totalScore', undefined)).notRun[0]?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
