import { VEHICLE_CATEGORIES, type VehicleCategory } from '../../model/disclosure.ts';
import type { Location, Rule } from '../types.ts';

const CATEGORY_LABEL: Readonly<Record<VehicleCategory, string>> = {
  ministerial: '副部（省）级及以上领导用车',
  principal: '主要领导干部用车',
  confidential: '机要通信用车',
  emergency: '应急保障用车',
  lawEnforcement: '执法执勤用车',
  specialTechnical: '特种专业技术用车',
  retiredCadres: '离退休干部用车',
  other: '其他用车',
};

export const rule: Rule = {
  id: 'vehicles-category-sum',
  title: '车辆总数 = 各类用车数之和',
  severity: 'error',
  category: 'other-matters',
  messages: {
    'category-sum': '车辆总数 {total} 辆 ≠ 各类用车之和 {parts} = {sum} 辆，相差 {difference} 辆',
  },
  basis: '部门决算公开说明“其他重要事项的情况说明（三）国有资产占用情况”模板（车辆 X 辆，其中：……）',
  description:
    '国有资产占用情况中的车辆总数应等于各类用车（领导用车、机要通信、应急保障、执法执勤、特种专业技术、离退休干部、其他）辆数之和。车辆数是整数，按精确相等核对。',
  check(ctx) {
    const v = ctx.d.assets?.vehicles;
    if (v?.total === undefined) {
      ctx.insufficient('缺少车辆总数（assets.vehicles.total）');
      return;
    }
    const by = v.byCategory;
    if (!by) {
      ctx.insufficient('缺少各类用车辆数（assets.vehicles.byCategory）');
      return;
    }
    let sum = 0;
    const missing: VehicleCategory[] = [];
    for (const c of VEHICLE_CATEGORIES) {
      const n = by[c];
      if (n === undefined) missing.push(c);
      else sum += n;
    }
    // Unlisted categories are unknown but never negative: a listed sum above the total is certainly wrong,
    // one equal to it leaves the unlisted ones at 0, one below it cannot be decided.
    if (missing.length > 0 && sum < v.total) {
      ctx.insufficient(`缺少${missing.map((c) => CATEGORY_LABEL[c]).join('、')}的辆数`);
      return;
    }
    ctx.ran();
    if (sum === v.total) return;
    const line = ctx.d.assets?.source?.line;
    const withLine = (l: Location): Location => (line === undefined ? l : { ...l, line });
    const listed = VEHICLE_CATEGORIES.filter((c) => (by[c] ?? 0) !== 0);
    const diff = v.total - sum;
    ctx.report({
      messageId: 'category-sum',
      data: {
        total: v.total,
        parts: listed.length > 0 ? listed.map((c) => `${CATEGORY_LABEL[c]} ${by[c]}`).join(' + ') : '0',
        sum,
        difference: `${diff > 0 ? '+' : ''}${diff}`,
      },
      location: [
        withLine({ field: 'assets.vehicles.total', label: '车辆总数', value: String(v.total) }),
        ...listed.map((c) =>
          withLine({
            field: `assets.vehicles.byCategory.${c}`,
            label: CATEGORY_LABEL[c],
            value: String(by[c]),
          }),
        ),
      ],
      expected: String(sum),
      actual: String(v.total),
      difference: `${diff > 0 ? '+' : ''}${diff}`,
    });
  },
};
