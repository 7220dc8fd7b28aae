import { fieldLocation } from '../cells.ts';
import { missesTarget, quantitative } from '../performance-scores.ts';
import { isBlank } from '../reason-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'perf-deviation-reason',
  title: '绩效自评表：定量指标未达到指标值时应分析偏差原因',
  severity: 'warning',
  category: 'performance',
  messages: {
    'deviation-reason':
      '项目「{project}」{level2}「{indicator}」指标值 {target}，实际完成值 {actual}，未达到指标值，应填写偏差原因分析及改进措施',
  },
  basis: '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表“偏差原因分析及改进措施”栏',
  description:
    '定量指标的实际完成值未达到年度指标值（≥ 型低于、≤ 型高于、= 型不等）而“偏差原因分析及改进措施”为空时提示。',
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
        ctx.ran();
        if (!missesTarget(q) || !isBlank(ind.deviationReason)) return;
        ctx.report({
          messageId: 'deviation-reason',
          data: {
            project: p.name,
            level2: ind.level2,
            indicator: ind.name,
            target: ind.target,
            actual: ind.actual,
          },
          location: [
            fieldLocation(
              d,
              `performance.projects[${i}].indicators[${j}].deviationReason`,
              `项目「${p.name}」指标「${ind.name}」偏差原因分析及改进措施`,
              undefined,
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
          expected: '偏差原因分析及改进措施',
          actual: '未填写',
        });
      });
    });
    if (quant === 0) ctx.notApplicable('没有可比较的定量指标');
  },
};
