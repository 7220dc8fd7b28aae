import { fieldLocation, fmt } from '../cells.ts';
import {
  executionScore,
  formatHundredths,
  formatSignedHundredths,
  fromHundredths,
  hundredths,
  parseDecimal,
  printed,
  withinHundredth,
} from '../performance-scores.ts';
import { formatPercent } from '../../money/rate.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'perf-execution-score',
  title: '绩效自评表：预算执行率得分 = 分值 × 全年执行数 / 全年预算数（不超过分值）',
  severity: 'error',
  category: 'performance',
  messages: {
    'execution-score':
      '项目「{project}」预算执行率得分应为 {weight} × {rate}（全年执行数 {executed} / 全年预算数 {budget}）= {expected} 分（不超过分值），实际填 {stated} 分',
  },
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表（预算执行率 = 全年执行数 / 全年预算数）；得分按执行率乘以分值计算、以分值为上限（例如分值 10 分、执行率 89.77% 时得 8.98 分）',
  description:
    '预算执行率得分应等于分值（通常 10 分）乘以执行率，最高为分值，四舍五入到两位小数（如 89.77% → 8.98 分）；允许 0.01 分的差异。',
  check(ctx) {
    const d = ctx.d;
    const projects = d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    projects.forEach((p, i) => {
      const { annualBudget, executed } = p.funds.total;
      const weight = parseDecimal(p.executionWeight);
      const stated = parseDecimal(p.executionScore);
      const missing = [
        annualBudget === undefined ? '全年预算数' : '',
        executed === undefined ? '全年执行数' : '',
        weight === undefined ? '预算执行率分值' : '',
        stated === undefined ? '预算执行率得分' : '',
      ].filter((x) => x !== '');
      if (missing.length > 0) {
        ctx.insufficient(`项目「${p.name}」缺少${missing.join('、')}`);
        return;
      }
      const exact = executionScore(weight!, executed!, annualBudget!);
      if (exact === undefined) {
        ctx.insufficient(`项目「${p.name}」全年预算数为 0，执行率不可计算`);
        return;
      }
      ctx.ran();
      const expected = fromHundredths(hundredths(exact));
      if (withinHundredth(stated!, expected)) return;
      const line = p.source?.line;
      const rate = formatPercent({ num: BigInt(executed!), den: BigInt(annualBudget!) });
      ctx.report({
        messageId: 'execution-score',
        data: {
          project: p.name,
          weight: printed(p.executionWeight),
          rate,
          executed: fmt(d, executed!),
          budget: fmt(d, annualBudget!),
          expected: formatHundredths(hundredths(exact)),
          stated: printed(p.executionScore),
        },
        location: [
          fieldLocation(
            d,
            `performance.projects[${i}].executionScore`,
            `项目「${p.name}」预算执行率得分`,
            printed(p.executionScore),
            line,
          ),
          fieldLocation(
            d,
            `performance.projects[${i}].funds.total.executed`,
            `项目「${p.name}」全年执行数`,
            executed,
            line,
          ),
          fieldLocation(
            d,
            `performance.projects[${i}].funds.total.annualBudget`,
            `项目「${p.name}」全年预算数`,
            annualBudget,
            line,
          ),
        ],
        expected: formatHundredths(hundredths(exact)),
        actual: printed(p.executionScore),
        difference: formatSignedHundredths(hundredths(stated!) - hundredths(exact)),
      });
    });
  },
};
