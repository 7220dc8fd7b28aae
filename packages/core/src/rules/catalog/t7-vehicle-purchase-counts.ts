import { checkFeeAgainstCounts, FEE_COUNT_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-vehicle-purchase-counts',
  title: '公务用车购置费与购置数相符',
  severity: 'warning',
  category: 't7',
  messages: FEE_COUNT_MESSAGES,
  basis: '“三公”经费说明须列明公务用车购置数（部门决算公开说明模板）',
  description: '公务用车购置费决算数大于零而购置数为零，或购置数大于零而购置费为零时提示。',
  check(ctx) {
    checkFeeAgainstCounts(
      ctx,
      'vehiclePurchase',
      [
        {
          field: 'threePublic.vehiclesPurchased',
          label: '公务用车购置数',
          value: ctx.d.threePublic.vehiclesPurchased,
        },
      ],
      true,
    );
  },
};
