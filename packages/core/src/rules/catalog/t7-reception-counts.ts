import { checkFeeAgainstCounts, FEE_COUNT_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-reception-counts',
  title: '公务接待费与接待批次相符',
  severity: 'warning',
  category: 't7',
  messages: FEE_COUNT_MESSAGES,
  basis: '“三公”经费说明须列明国内公务接待批次和人次（部门决算公开说明模板）',
  description: '公务接待费决算数大于零而接待批次（国内与外事接待合计）为零，或批次大于零而接待费为零时提示。',
  check(ctx) {
    const tp = ctx.d.threePublic;
    const batches =
      tp.receptionBatches === undefined && tp.foreignReceptionBatches === undefined
        ? undefined
        : (tp.receptionBatches ?? 0) + (tp.foreignReceptionBatches ?? 0);
    checkFeeAgainstCounts(
      ctx,
      'reception',
      [
        {
          field: 'threePublic.receptionBatches',
          label:
            tp.foreignReceptionBatches === undefined
              ? '国内公务接待批次'
              : '公务接待批次（国内与外事接待合计）',
          value: batches,
        },
      ],
      true,
    );
  },
};
