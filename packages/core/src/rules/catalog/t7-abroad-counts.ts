import { checkFeeAgainstCounts, FEE_COUNT_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-abroad-counts',
  title: '因公出国（境）费与团组数、人次相符',
  severity: 'warning',
  category: 't7',
  messages: FEE_COUNT_MESSAGES,
  basis: '“三公”经费说明须列明因公出国（境）团组数和人次（部门决算公开说明模板）',
  description: '因公出国（境）费决算数大于零而团组数或人次为零，或团组数、人次大于零而费用为零时提示。',
  check(ctx) {
    const tp = ctx.d.threePublic;
    checkFeeAgainstCounts(
      ctx,
      'abroad',
      [
        { field: 'threePublic.abroadGroups', label: '因公出国（境）团组数', value: tp.abroadGroups },
        { field: 'threePublic.abroadPeople', label: '因公出国（境）人次', value: tp.abroadPeople },
      ],
      true,
    );
  },
};
