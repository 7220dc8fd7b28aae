import { isBlank } from '../reason-checks.ts';
import type { Location, Rule } from '../types.ts';

export const rule: Rule = {
  id: 'statement-empty-procurement',
  title: '无政府采购支出时应说明本单位本年度无政府采购支出',
  severity: 'warning',
  category: 'statements',
  messages: {
    'no-statement': '政府采购支出总额为 0，应说明本单位本年度无政府采购支出',
  },
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算应公开政府采购支出情况，无相关事项的应予说明',
  description:
    '政府采购支出总额为零而未写明“本单位本年度无政府采购支出”之类说明时提示；未填写政府采购情况时为数据不足。',
  check(ctx) {
    const p = ctx.d.procurement;
    if (!p) {
      ctx.insufficient('缺少政府采购情况（procurement）');
      return;
    }
    if (p.total === undefined) {
      ctx.insufficient('缺少政府采购支出总额（procurement.total）');
      return;
    }
    if (p.total !== 0) {
      ctx.notApplicable('本单位有政府采购支出');
      return;
    }
    ctx.ran();
    if (!isBlank(p.emptyStatement)) return;
    const loc: Location = { field: 'procurement.emptyStatement', label: '政府采购无支出说明' };
    if (p.source?.line !== undefined) loc.line = p.source.line;
    ctx.report({
      messageId: 'no-statement',
      location: [loc, { field: 'procurement.total', label: '政府采购支出总额', value: '0' }],
      expected: '如“本单位本年度无政府采购支出”',
      actual: '未说明',
    });
  },
};
