import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { budgetComparison, budgetRateVerdict, changeLocation } from '../../audit/narrative-evidence.ts';
import { wanText } from '../../audit/printed-intervals.ts';

export const rule: DocumentRule = {
  id: 'narrative-budget-rate',
  title: '预决算差异率、完成预算比例按决算数与预算数重算',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'zero-base': '「{name}」{baseName}数为零，{kindName}不可计算，文中为 {stated}',
    rate: '「{name}」决算数{final}万元、{baseName}数{base}万元，{kindName}应为 {expected}，文中为 {stated}',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“预决算差异率…%”“完成年初预算的…%”的表述',
  description:
    '预决算差异率 =（决算数 − 预算数）÷ 预算数，完成预算的比例 = 决算数 ÷ 预算数，按印出的位数取四舍五入区间重算；预算数为零时比例不可计算（差异率按惯例写 100% 除外）。按另一预算口径才成立的比例由 narrative-budget-base 报告。',
  checkDocument({ facts, report }) {
    const { figures } = facts;
    figures.forEach((f, i) => {
      const b = budgetComparison(figures, f);
      if (!b) return;
      for (const k of b.checks) {
        const v = budgetRateVerdict(b, k);
        if (!v || v.alt) continue;
        const first = k.ordered[0]!;
        report({
          messageId: v.zeroBase ? 'zero-base' : 'rate',
          data: {
            name: f.name,
            final: wanText(b.fen),
            baseName: first.label,
            base: wanText(first.fen),
            kindName: k.kindName,
            expected: v.expected,
            stated: k.text,
          },
          location: [changeLocation(f)],
          expected: v.expected,
          actual: k.text,
          order: [NARRATIVE_PHASE.budget, i, k.step],
        });
      }
    });
  },
};
