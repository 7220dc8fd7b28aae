import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { changeLocation, priorComparison } from '../../audit/narrative-evidence.ts';
import { iv, sub, wanText } from '../../audit/printed-intervals.ts';

export const rule: DocumentRule = {
  id: 'narrative-yoy-amount',
  title: '增减额等于本年数减上年数（上年数有列示时）',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    amount: '「{name}」本年{current}万元、上年{prior}万元，增减额应为{expected}万元，文中为“{stated}万元”',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“与上年相比增加（减少）…万元”的表述',
  description:
    '情况说明同时列出本年数、上年数和增减额时，增减额应等于本年数减上年数（各数按印出的位数取四舍五入区间）。方向词前后矛盾时只报 narrative-direction。',
  checkDocument({ facts, report }) {
    facts.figures.forEach((f, i) => {
      const p = priorComparison(f);
      const c = f.change!;
      if (!p || p.contradiction || p.flatButMoved) return;
      if (c.base === undefined || c.amount === undefined || p.dirSign === undefined) return;
      const b = iv(c.base, f.unit, c.baseDecimals ?? f.decimals);
      const stated = iv(p.dirSign * c.amount, f.unit, c.amountDecimals ?? 2);
      const diff = sub(p.t, b);
      if (diff.hi >= stated.lo && diff.lo <= stated.hi) return;
      report({
        messageId: 'amount',
        data: {
          name: f.name,
          current: wanText(p.fen),
          prior: wanText(c.base),
          expected: wanText(p.fen - c.base),
          stated: `${c.direction}${c.amountText ?? ''}`,
        },
        location: [changeLocation(f)],
        expected: wanText(p.fen - c.base),
        actual: `${c.direction}${c.amountText ?? ''}`,
        order: [NARRATIVE_PHASE.prior, i, 1],
      });
    });
  },
};
