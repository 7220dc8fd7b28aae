import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'vehicles-held-le-total',
  title: '“三公”经费中的公务用车保有量 ≤ 国有资产中的车辆总数',
  severity: 'info',
  category: 'other-matters',
  messages: {
    'held-over-total':
      '公务用车保有量 {held} 辆大于国有资产占用情况中的车辆总数 {total} 辆，超出 {over} 辆：请核对二者口径（车辆是否登记在其他单位账上）',
  },
  basis: '部门决算公开说明“三公”经费情况（公务用车保有量）与“国有资产占用情况”（车辆数）模板',
  description:
    '单位账上有车辆时，“三公”经费说明中的公务用车保有量一般不超过国有资产占用情况中的车辆总数，超过时提示核对口径。单位账上没有车辆（车辆 0 辆）而保有量不为 0，是车辆登记在主管部门或其他单位账上的常见情形（种子文档即保有量 1 辆、车辆 0 辆），不作提示。',
  check(ctx) {
    const held = ctx.d.threePublic.vehiclesHeld;
    const total = ctx.d.assets?.vehicles?.total;
    if (held === undefined || total === undefined) {
      const missing = [
        held === undefined ? '公务用车保有量（threePublic.vehiclesHeld）' : '',
        total === undefined ? '车辆总数（assets.vehicles.total）' : '',
      ]
        .filter((x) => x !== '')
        .join('、');
      ctx.insufficient(`缺少${missing}`);
      return;
    }
    if (total === 0 && held > 0) {
      // No vehicle on the unit's own books: the vehicles it runs are registered elsewhere, a different scope.
      ctx.notApplicable('单位账上没有车辆，公务用车登记在其他单位，口径不同');
      return;
    }
    ctx.ran();
    if (held <= total) return;
    ctx.report({
      messageId: 'held-over-total',
      data: { held, total, over: held - total },
      location: [
        { field: 'threePublic.vehiclesHeld', label: '公务用车保有量', value: String(held) },
        { field: 'assets.vehicles.total', label: '车辆总数', value: String(total) },
      ],
      expected: `≤ ${total}`,
      actual: String(held),
      difference: `+${held - total}`,
    });
  },
};
