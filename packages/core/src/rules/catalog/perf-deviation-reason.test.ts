import { describe, expect, it } from 'vitest';
import { nonInfo, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-deviation-reason.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-deviation-reason.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(nonInfo(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns when an indicator misses its target without a deviation reason', () => {
    const d = withValue(data, 'performance.projects[0].indicators[0].actual', '8 个');
    const w = nonInfo(runOne(rule, d));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]!.field).toBe('performance.projects[0].indicators[0].deviationReason');
    expect(w[0]!.location[1]).toMatchObject({
      field: 'performance.projects[0].indicators[0].actual',
      value: '8 个',
    });
    expect(
      nonInfo(
        runOne(
          rule,
          withValue(d, 'performance.projects[0].indicators[0].deviationReason', '受疫情影响，部分项目延期。'),
        ),
      ),
    ).toEqual([]);
  });
  it('is not applicable without projects', () => {
    expect(runOne(rule, withValue(data, 'performance.projects', [])).notRun[0]?.reason).toBe(
      'not-applicable',
    );
  });
});

testRule(cases);
