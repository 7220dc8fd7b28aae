import type { Fen } from '../../money/amount.ts';
import { checkSum, field } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'perf-summary-totals',
  title: '预算绩效情况：评价项目个数、全年预算数、全年执行数与所附自评表一致',
  severity: 'error',
  category: 'performance',
  messages: {
    'project-count': '说明中开展绩效评价的项目 {count} 个，但所附项目支出绩效自评表 {tables} 张，二者应一致',
  },
  basis:
    '部门决算公开说明“预算绩效情况说明”模板（开展预算绩效评价项目 X 个，全年预算数 X 万元，全年执行数 X 万元；具体项目自评情况附项目支出绩效自评表）',
  description:
    '说明中开展绩效评价的项目个数应等于所附自评表个数，全年预算数、全年执行数应分别等于各自评表的全年预算数、全年执行数之和。',
  check(ctx) {
    const d = ctx.d;
    const perf = d.performance;
    const projects = perf?.projects ?? [];
    if (!perf || projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    const count = perf.evaluatedProjects;
    if (count !== undefined) {
      ctx.ran();
      if (count !== projects.length) {
        ctx.report({
          messageId: 'project-count',
          data: { count, tables: projects.length },
          location: [
            {
              field: 'performance.evaluatedProjects',
              label: '开展预算绩效评价项目个数',
              value: String(count),
            },
            { field: 'performance.projects', label: '项目支出绩效自评表', value: String(projects.length) },
          ],
          expected: String(projects.length),
          actual: String(count),
          difference: `${count - projects.length > 0 ? '+' : ''}${count - projects.length}`,
        });
        ctx.insufficient('评价项目个数与所附自评表个数不一致，全年预算数、全年执行数无法按自评表核对');
        return;
      }
    }
    const sums: readonly ['budgetTotal' | 'executedTotal', 'annualBudget' | 'executed', string][] = [
      ['budgetTotal', 'annualBudget', '全年预算数'],
      ['executedTotal', 'executed', '全年执行数'],
    ];
    for (const [key, col, label] of sums) {
      const stated: Fen | undefined = perf[key];
      let sum = 0;
      let known = stated !== undefined;
      for (const p of projects) {
        const v = p.funds.total[col];
        if (v === undefined) known = false;
        else sum += v;
      }
      if (known && sum === stated) {
        ctx.ran();
        continue;
      }
      checkSum(
        ctx,
        field(ctx, `performance.${key}`, `预算绩效情况说明中的${label}`, stated),
        projects.map((p, i) =>
          field(
            ctx,
            `performance.projects[${i}].funds.total.${col}`,
            `项目「${p.name}」${label}`,
            p.funds.total[col],
            p.source?.line,
          ),
        ),
        { what: `${label}应等于各项目支出绩效自评表的${label}之和` },
      );
    }
  },
};
