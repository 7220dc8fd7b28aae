import { checkFeeAgainstCounts, FEE_COUNT_MESSAGES } from '../fiscal-table-checks.ts';
import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 't7-vehicle-operation-without-vehicles',
  title: '有公务用车运行（维护）费应有公务用车保有量',
  severity: 'warning',
  category: 't7',
  messages: FEE_COUNT_MESSAGES,
  basis: '“三公”经费说明须列明公务用车保有量（部门决算公开说明模板）',
  description:
    '公务用车运行（维护）费决算数大于零而公务用车保有量为零时提示（保有车辆而无运行费的情况可能存在，不提示）。',
  check(ctx) {
    checkFeeAgainstCounts(
      ctx,
      'vehicleOperation',
      [{ field: 'threePublic.vehiclesHeld', label: '公务用车保有量', value: ctx.d.threePublic.vehiclesHeld }],
      false,
    );
  },
};
