import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './perf-funds-sum.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-funds-sum.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on generated units', () => {
    for (const kind of ['行政', '参公', '事业'] as const) {
      const o = runOne(rule, unitData({ kind, seed: 11 }));
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
    }
  });
  it('fails when 上年结转资金 of 全年执行数 is off', () => {
    const e = errors(runOne(rule, shifted(data, 'performance.projects[0].funds.carryover.executed', '5.00')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]!.field).toBe('performance.projects[0].funds.total.executed');
    expect(e[0]!.location.map((l) => l.field)).toContain('performance.projects[0].funds.carryover.executed');
    expect(e[0]!.difference).toBe('-5.00');
    expect(e[0]!.message).toContain('全年执行数');
  });
  it('reports insufficient data when a line is missing, not applicable without projects', () => {
    expect(
      runOne(rule, withValue(data, 'performance.projects[0].funds.other', undefined)).notRun[0]?.reason,
    ).toBe('insufficient-data');
    expect(runOne(rule, withValue(data, 'performance.projects', [])).notRun[0]?.reason).toBe(
      'not-applicable',
    );
  });
});

testRule(cases);
