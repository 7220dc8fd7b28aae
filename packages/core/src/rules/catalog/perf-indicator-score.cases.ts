import { unitData, withValue } from '../testing.ts';
import { ruleCases } from '../rule-tester.ts';
import { rule } from './perf-indicator-score.ts';

/** The seed's indicator rows (its 绩效自评表), shared with the rule's test. */
export const seedIndicators = [
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
const data = unitData();

export const cases = ruleCases(rule, {
  valid: [
    {
      name: 'the seed indicators',
      input: () => withValue(data, 'performance.projects[0].indicators', seedIndicators),
    },
    { name: 'passes on generated units and on the seed indicators', input: () => unitData({ seed: 1 }) },
  ],
  invalid: [
    {
      name: 'warns when a ">=" indicator that reached 81% of 90% keeps the full score',
      input: () => {
        const changed = withValue(data, 'performance.projects[0].indicators[5].actual', '81%');
        return changed;
      },
      expect: [{}],
    },
  ],
});
