import { describe, expect, it } from 'vitest';
import { nonInfo, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './perf-indicator-score.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './perf-indicator-score.cases.ts';

const seedIndicators = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '福建固投类项目',
    target: '=58 个',
    actual: '58 个',
    weight: 10,
    score: 10,
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '项目完成时限',
    target: '2022年12月31日',
    actual: '2022 年 12 月 31 日',
    weight: 5,
    score: 5,
  },
  {
    level1: '产出指标',
    level2: '成本指标',
    name: '考察接待工作经费',
    target: '<=80 万元',
    actual: '71.77 万元',
    weight: 10,
    score: 10,
    deviationReason: '受疫情影响，援疆省市无法来昌',
  },
  {
    level1: '效益指标',
    level2: '社会效益指标',
    name: '加强协调服务',
    target: '提高',
    actual: '提高',
    weight: 10,
    score: 10,
  },
  {
    level1: '满意度指标',
    level2: '满意度指标',
    name: '公众满意度',
    target: '>=90%',
    actual: '100%',
    weight: 10,
    score: 10,
  },
];

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
