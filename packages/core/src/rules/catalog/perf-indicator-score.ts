import { fieldLocation } from '../cells.ts';
import {
  formatHundredths,
  formatSignedHundredths,
  formatScore,
  fromHundredths,
  hundredths,
  indicatorScore,
  parseDecimal,
  printed,
  quantitative,
  withinHundredth,
} from '../performance-scores.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'perf-indicator-score',
  title: '绩效自评表：定量指标得分 = 完成值 / 指标值 × 分值（不超过分值）',
  severity: 'warning',
  category: 'performance',
  messages: {
    'indicator-score':
      '项目「{project}」{level2}「{indicator}」（指标值 {target}，完成值 {actual}）按 {formula} 计分应为 {expected} 分（不超过分值），实际填 {stated} 分',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表；定量指标按完成值与指标值之比计分',
  description:
    '对“≥/=/>”型定量指标按 完成值/指标值 × 分值、对“≤/<”型按 指标值/完成值 × 分值 计分（封顶为分值），与填报得分比较（允许 0.01 分）；定性指标、日期型指标和单位不一致的指标不核对。评价人可按扣分标准计分，故为警告。',
  check(ctx) {
    const d = ctx.d;
    const projects = d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    let quant = 0;
    projects.forEach((p, i) => {
      p.indicators.forEach((ind, j) => {
        const q = quantitative(ind);
        if (!q) return;
        quant++;
        const weight = parseDecimal(ind.weight);
        const stated = parseDecimal(ind.score);
        if (!weight || !stated) {
          ctx.insufficient(`项目「${p.name}」指标「${ind.name}」缺少${!weight ? '分值' : '得分'}`);
          return;
        }
        const exact = indicatorScore(q, weight);
        if (!exact) {
          ctx.insufficient(`项目「${p.name}」指标「${ind.name}」指标值为 0，得分不可计算`);
          return;
        }
        ctx.ran();
        const expected = fromHundredths(hundredths(exact));
        if (withinHundredth(stated, expected)) return;
        const formula =
          q.operator === '<=' || q.operator === '<'
            ? `指标值 ${formatScore(q.target)} / 完成值 ${formatScore(q.actual)} × 分值 ${printed(ind.weight)}`
            : `完成值 ${formatScore(q.actual)} / 指标值 ${formatScore(q.target)} × 分值 ${printed(ind.weight)}`;
        ctx.report({
          messageId: 'indicator-score',
          data: {
            project: p.name,
            level2: ind.level2,
            indicator: ind.name,
            target: ind.target,
            actual: ind.actual,
            formula,
            expected: formatHundredths(hundredths(exact)),
            stated: printed(ind.score),
          },
          location: [
            fieldLocation(
              d,
              `performance.projects[${i}].indicators[${j}].score`,
              `项目「${p.name}」指标「${ind.name}」得分`,
              printed(ind.score),
              ind.source?.line,
            ),
            fieldLocation(
              d,
              `performance.projects[${i}].indicators[${j}].actual`,
              `项目「${p.name}」指标「${ind.name}」实际完成值`,
              ind.actual,
              ind.source?.line,
            ),
          ],
          expected: formatHundredths(hundredths(exact)),
          actual: printed(ind.score),
          difference: formatSignedHundredths(hundredths(stated) - hundredths(exact)),
        });
      });
    });
    if (quant === 0) ctx.notApplicable('没有可计算得分的定量指标');
  },
};
