import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './perf-summary-totals.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-summary-totals.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the stated 全年执行数 differs from the self-evaluation tables', () => {
    const e = errors(runOne(rule, shifted(data, 'performance.executedTotal', '1.00')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.executedTotal');
    expect(e[0]!.difference).toBe('+1.00');
  });
  it('fails when the project count differs from the tables attached', () => {
    const e = errors(runOne(rule, withValue(data, 'performance.evaluatedProjects', 2)));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.evaluatedProjects');
    expect(e[0]!.expected).toBe('1');
  });
  it('sums several projects and is not applicable without any', () => {
    const perf = data.performance as { projects: unknown[] };
    let d = withValue(data, 'performance.projects', [perf.projects[0], perf.projects[0]]);
    d = withValue(d, 'performance.evaluatedProjects', 2);
    expect(errors(runOne(rule, d)).map((f) => f.location[0]!.field)).toEqual([
      'performance.budgetTotal',
      'performance.executedTotal',
    ]);
    expect(runOne(rule, withValue(data, 'performance.projects', [])).notRun[0]?.reason).toBe(
      'not-applicable',
    );
  });
});

testRule(cases);
