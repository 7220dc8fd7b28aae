import { fieldLocation } from '../cells.ts';
import { add, cmp, exactInt, formatScore, parseDecimal, printed, sub } from '../performance-scores.ts';
import type { Rule } from '../types.ts';

const HUNDRED = exactInt(100);

export const rule: Rule = {
  id: 'perf-weights-sum',
  title: '绩效自评表：预算执行率分值 + 各指标分值 = 100',
  severity: 'error',
  category: 'performance',
  messages: {
    'weights-sum': '项目「{project}」预算执行率分值 {execution} + 各指标分值 {weights} = {sum}，应为 100',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）：单位自评总分 100 分，原则上预算执行率 10%、产出指标 50%、效益指标 30%、满意度指标 10%',
  description: '项目支出绩效自评表中预算执行率的分值与全部绩效指标分值之和应为 100 分。',
  check(ctx) {
    const d = ctx.d;
    const projects = d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    projects.forEach((p, i) => {
      if (p.indicators.length === 0) {
        ctx.insufficient(`项目「${p.name}」未列出绩效指标`);
        return;
      }
      let sum = parseDecimal(p.executionWeight);
      for (const ind of p.indicators) {
        const w = parseDecimal(ind.weight);
        sum = sum && w ? add(sum, w) : undefined;
      }
      if (!sum) {
        ctx.insufficient(`项目「${p.name}」有分值无法读取`);
        return;
      }
      ctx.ran();
      if (cmp(sum, HUNDRED) === 0) return;
      const line = p.source?.line;
      const diff = sub(sum, HUNDRED);
      ctx.report({
        messageId: 'weights-sum',
        data: {
          project: p.name,
          execution: printed(p.executionWeight),
          weights: p.indicators.map((x) => printed(x.weight)).join(' + '),
          sum: formatScore(sum),
        },
        location: [
          fieldLocation(
            d,
            `performance.projects[${i}].executionWeight`,
            `项目「${p.name}」预算执行率分值`,
            printed(p.executionWeight),
            line,
          ),
          fieldLocation(
            d,
            `performance.projects[${i}].indicators`,
            `项目「${p.name}」绩效指标分值`,
            undefined,
            line,
          ),
        ],
        expected: '100',
        actual: formatScore(sum),
        difference: `${diff.num > 0n ? '+' : ''}${formatScore(diff)}`,
      });
    });
  },
};
