import type { FundLine } from '../../model/disclosure.ts';
import { checkSum, field } from '../arithmetic.ts';
import type { Rule } from '../types.ts';

const COLUMNS: readonly (readonly [keyof FundLine, string])[] = [
  ['initialBudget', '年初预算数'],
  ['annualBudget', '全年预算数'],
  ['executed', '全年执行数'],
];
const LINES = [
  ['fiscal', '当年财政拨款'],
  ['carryover', '上年结转资金'],
  ['other', '其他资金'],
] as const;

export const rule: Rule = {
  id: 'perf-funds-sum',
  title: '绩效自评表：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金',
  severity: 'error',
  category: 'performance',
  basis:
    '《项目支出绩效评价管理办法》（财预〔2020〕10号）所附项目支出绩效自评表（项目资金：年度资金总额、当年财政拨款、上年结转资金、其他资金）',
  description:
    '项目支出绩效自评表中，年初预算数、全年预算数、全年执行数三列各自的年度资金总额应等于当年财政拨款、上年结转资金、其他资金之和。',
  check(ctx) {
    const projects = ctx.d.performance?.projects ?? [];
    if (projects.length === 0) {
      ctx.notApplicable('未附项目支出绩效自评表');
      return;
    }
    projects.forEach((p, i) => {
      const base = `performance.projects[${i}].funds`;
      const line = p.source?.line;
      for (const [col, colLabel] of COLUMNS) {
        const total = p.funds.total[col];
        const parts = LINES.map(([k]) => p.funds[k]?.[col]);
        // Fast path: exact, all known.
        if (
          total !== undefined &&
          parts.every((x) => x !== undefined) &&
          parts.reduce<number>((s, x) => s + x!, 0) === total
        ) {
          ctx.ran();
          continue;
        }
        checkSum(
          ctx,
          field(ctx, `${base}.total.${col}`, `项目「${p.name}」年度资金总额（${colLabel}）`, total, line),
          LINES.map(([k, label], j) => field(ctx, `${base}.${k}.${col}`, label, parts[j], line)),
          { what: `${colLabel}：年度资金总额应等于当年财政拨款、上年结转资金、其他资金之和` },
        );
      }
    });
  },
};
