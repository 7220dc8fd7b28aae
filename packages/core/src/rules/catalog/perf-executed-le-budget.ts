import { field } from '../arithmetic.ts';
import type { AtMostPair } from '../families/at-most.ts';
import { atMostRule } from '../families/at-most.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = atMostRule(
  {
    id: 'perf-executed-le-budget',
    title: '绩效自评表：全年执行数一般不超过全年预算数',
    severity: 'warning',
    category: 'performance',
    basis:
      '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表：预算执行率 = 全年执行数 / 全年预算数',
    description:
      '项目的全年执行数大于全年预算数（执行率超过 100%）时提示核对：可能填错了列，或预算数未含追加。',
  },
  (ctx) => {
    const projects = ctx.d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return undefined;
    }
    const pairs: AtMostPair[] = [];
    projects.forEach((p, i) => {
      const { executed, annualBudget } = p.funds.total;
      if (executed !== undefined && annualBudget !== undefined && executed <= annualBudget) {
        ctx.ran();
        return;
      }
      const line = p.source?.line;
      pairs.push({
        a: field(
          ctx,
          `performance.projects[${i}].funds.total.executed`,
          `项目「${p.name}」全年执行数`,
          executed,
          line,
        ),
        b: field(
          ctx,
          `performance.projects[${i}].funds.total.annualBudget`,
          `项目「${p.name}」全年预算数`,
          annualBudget,
          line,
        ),
        what: '全年执行数超过全年预算数（执行率超过 100%），请核对',
      });
    });
    return pairs;
  },
);
