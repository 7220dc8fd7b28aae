import { fieldLocation } from '../cells.ts';
import { cmp, parseDecimal, printed, ZERO } from '../performance-scores.ts';
import type { Rule, RuleContext } from '../types.ts';

interface Scored {
  what: string;
  scorePath: string;
  weightPath: string;
  weight: string;
  score: string | undefined;
  line: number | undefined;
}

function checkOne(ctx: RuleContext, s: Scored): void {
  const weight = parseDecimal(s.weight);
  const score = parseDecimal(s.score);
  if (!weight || !score) {
    ctx.insufficient(`${s.what}缺少${!weight ? '分值' : '得分'}`);
    return;
  }
  ctx.ran();
  const over = cmp(score, weight) > 0;
  if (!over && cmp(score, ZERO) >= 0) return;
  ctx.report({
    messageId: over ? 'over-weight' : 'negative',
    data: { what: s.what, score: printed(s.score), weight: printed(s.weight) },
    location: [
      fieldLocation(ctx.d, s.scorePath, `${s.what}得分`, printed(s.score), s.line),
      fieldLocation(ctx.d, s.weightPath, `${s.what}分值`, printed(s.weight), s.line),
    ],
    expected: over ? `≤ ${printed(s.weight)}` : '≥ 0',
    actual: printed(s.score),
  });
}

export const rule: Rule = {
  id: 'perf-score-le-weight',
  title: '绩效自评表：各项得分在 0 与分值之间',
  severity: 'error',
  category: 'performance',
  messages: {
    'over-weight': '{what}得分 {score} 超过分值 {weight}：得分不能高于分值',
    negative: '{what}得分 {score} 为负数：得分应在 0 到分值 {weight} 之间',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表（各指标列分值与得分，得分以分值为上限）',
  description: '预算执行率得分和每个绩效指标的得分都不能高于各自的分值，也不能为负数。',
  check(ctx) {
    const projects = ctx.d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    projects.forEach((p, i) => {
      const base = `performance.projects[${i}]`;
      checkOne(ctx, {
        what: `项目「${p.name}」预算执行率`,
        scorePath: `${base}.executionScore`,
        weightPath: `${base}.executionWeight`,
        weight: p.executionWeight,
        score: p.executionScore,
        line: p.source?.line,
      });
      p.indicators.forEach((ind, j) => {
        checkOne(ctx, {
          what: `项目「${p.name}」指标「${ind.name}」`,
          scorePath: `${base}.indicators[${j}].score`,
          weightPath: `${base}.indicators[${j}].weight`,
          weight: ind.weight,
          score: ind.score,
          line: ind.source?.line,
        });
      });
    });
  },
};
