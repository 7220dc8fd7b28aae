import { fieldLocation } from '../cells.ts';
import { add, cmp, formatScore, parseDecimal, printed, sub, withinHundredth } from '../performance-scores.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'perf-total-score',
  title: '绩效自评表：总分 = 预算执行率得分 + 各指标得分',
  severity: 'error',
  category: 'performance',
  messages: {
    'total-score':
      '项目「{project}」总分 {total} ≠ 预算执行率得分 {execution} + 各指标得分 {scores} = {sum}，相差 {difference} 分',
    'total-score-rounding':
      '项目「{project}」总分 {total} ≠ 预算执行率得分 {execution} + 各指标得分 {scores} = {sum}，相差 {difference} 分，在 0.01 分以内，可能是四舍五入所致',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表（总分为预算执行率得分与各绩效指标得分之和）',
  description:
    '项目支出绩效自评表的总分应等于预算执行率得分与全部绩效指标得分之和（如 8.98 + 90 = 98.98）；相差不超过 0.01 分时按四舍五入提示。',
  check(ctx) {
    const d = ctx.d;
    const projects = d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    projects.forEach((p, i) => {
      const total = parseDecimal(p.totalScore);
      let sum = parseDecimal(p.executionScore);
      const missing: string[] = [];
      if (!total) missing.push('总分');
      if (!sum) missing.push('预算执行率得分');
      for (const ind of p.indicators) {
        const s = parseDecimal(ind.score);
        if (!s) missing.push(`指标「${ind.name}」得分`);
        else if (sum) sum = add(sum, s);
      }
      if (missing.length > 0 || !total || !sum) {
        ctx.insufficient(`项目「${p.name}」缺少${missing.join('、')}`);
        return;
      }
      ctx.ran();
      if (cmp(total, sum) === 0) return;
      const rounding = withinHundredth(total, sum);
      const line = p.source?.line;
      const diff = sub(total, sum);
      const diffText = `${diff.num > 0n ? '+' : ''}${formatScore(diff)}`;
      ctx.report({
        severity: rounding ? 'info' : undefined,
        kind: rounding ? 'rounding' : undefined,
        messageId: rounding ? 'total-score-rounding' : 'total-score',
        data: {
          project: p.name,
          total: printed(p.totalScore),
          execution: printed(p.executionScore),
          scores: p.indicators.map((x) => printed(x.score)).join(' + '),
          sum: formatScore(sum),
          difference: diffText,
        },
        location: [
          fieldLocation(
            d,
            `performance.projects[${i}].totalScore`,
            `项目「${p.name}」总分`,
            printed(p.totalScore),
            line,
          ),
          fieldLocation(
            d,
            `performance.projects[${i}].executionScore`,
            `项目「${p.name}」预算执行率得分`,
            printed(p.executionScore),
            line,
          ),
        ],
        expected: formatScore(sum),
        actual: printed(p.totalScore),
        difference: diffText,
      });
    });
  },
};
