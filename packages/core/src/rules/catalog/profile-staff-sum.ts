import type { Rule } from '../types.ts';

export const rule: Rule = {
  id: 'profile-staff-sum',
  title: '实有人数 = 在职人员 + 离休人员 + 退休人员',
  severity: 'error',
  category: 'profile',
  messages: { 'staff-sum': '实有人数 {actual} 人 ≠ {parts} = {sum} 人，相差 {difference} 人' },
  basis:
    '部门决算公开说明“单位概况·机构设置及人员情况”模板（实有人数 X 人，其中：在职人员、离休人员、退休人员）',
  description: '单位概况中的实有人数应等于在职人员、离休人员、退休人员之和。人数是整数，按精确相等核对。',
  check(ctx) {
    const s = ctx.d.unit.staff;
    const parts = [
      ['active', '在职人员', s?.active],
      ['retiredCadre', '离休人员', s?.retiredCadre],
      ['retired', '退休人员', s?.retired],
    ] as const;
    if (s?.actual === undefined || parts.some((p) => p[2] === undefined)) {
      const missing = [
        s?.actual === undefined ? '实有人数' : '',
        ...parts.map((p) => (p[2] === undefined ? p[1] : '')),
      ].filter((x) => x !== '');
      ctx.insufficient(`缺少${missing.join('、')}（unit.staff）`);
      return;
    }
    ctx.ran();
    const sum = parts.reduce((a, p) => a + (p[2] ?? 0), 0);
    if (sum === s.actual) return;
    const diff = s.actual - sum;
    ctx.report({
      messageId: 'staff-sum',
      data: {
        actual: s.actual,
        parts: parts.map((p) => `${p[1]} ${p[2]}`).join(' + '),
        sum,
        difference: `${diff > 0 ? '+' : ''}${diff}`,
      },
      location: [
        { field: 'unit.staff.actual', label: '实有人数', value: String(s.actual) },
        ...parts.map((p) => ({ field: `unit.staff.${p[0]}`, label: p[1], value: String(p[2]) })),
      ],
      expected: String(sum),
      actual: String(s.actual),
      difference: `${diff > 0 ? '+' : ''}${diff}`,
    });
  },
};
