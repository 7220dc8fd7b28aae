import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-execution-score.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-execution-score.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on generated units', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const o = runOne(rule, unitData({ seed }));
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('accepts the seed: 89.77 of 100.00 scores 8.98', () => {
    let d = withValue(data, 'performance.projects[0].funds.total.annualBudget', '100.00');
    d = withValue(d, 'performance.projects[0].funds.total.executed', '89.77');
    expect(errors(runOne(rule, withValue(d, 'performance.projects[0].executionScore', '8.98')))).toEqual([]);
    const e = errors(runOne(rule, withValue(d, 'performance.projects[0].executionScore', '8.90')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.projects[0].executionScore');
    expect(e[0]!.expected).toBe('8.98');
    expect(e[0]!.actual).toBe('8.90');
    expect(e[0]!.message).toContain('89.77%');
  });
  it('caps the score at the weight', () => {
    let d = withValue(data, 'performance.projects[0].funds.total.annualBudget', '100.00');
    d = withValue(d, 'performance.projects[0].funds.total.executed', '120.00');
    expect(errors(runOne(rule, withValue(d, 'performance.projects[0].executionScore', '10')))).toEqual([]);
    expect(
      errors(runOne(rule, withValue(d, 'performance.projects[0].executionScore', '12')))[0]?.expected,
    ).toBe('10.00');
  });
  it('reports insufficient data without a stated score', () => {
    expect(
      runOne(rule, withValue(data, 'performance.projects[0].executionScore', undefined)).notRun[0]?.reason,
    ).toBe('insufficient-data');
  });
});

testRule(cases);
