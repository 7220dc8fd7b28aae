import { describe, expect, it } from 'vitest';
import { nonInfo, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-indicator-score.ts';
import { testRule } from '../rule-tester.ts';
import { cases, seedIndicators } from './perf-indicator-score.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on generated units and on the seed indicators', () => {
    for (const seed of [1, 2, 3]) expect(nonInfo(runOne(rule, unitData({ seed })))).toEqual([]);
    const o = runOne(rule, withValue(data, 'performance.projects[0].indicators', seedIndicators));
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when a ">=" indicator that reached 81% of 90% keeps the full score', () => {
    const changed = withValue(data, 'performance.projects[0].indicators[5].actual', '81%');
    const w = nonInfo(runOne(rule, changed));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]!.field).toBe('performance.projects[0].indicators[5].score');
    expect(w[0]!.expected).toBe('9.00');
    expect(w[0]!.actual).toBe('10');
  });
  it('warns on a "<=" cost indicator that overspent', () => {
    const changed = withValue(
      withValue(data, 'performance.projects[0].indicators', seedIndicators),
      'performance.projects[0].indicators[2].actual',
      '100 万元',
    );
    const w = nonInfo(runOne(rule, changed));
    expect(w).toHaveLength(1);
    expect(w[0]!.expected).toBe('8.00');
  });
  it('is not applicable when every indicator is qualitative', () => {
    const o = runOne(
      rule,
      withValue(data, 'performance.projects[0].indicators', [seedIndicators[1], seedIndicators[3]]),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
