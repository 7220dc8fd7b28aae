import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import {
  budgetComparison,
  budgetRateVerdict,
  budgetWordVerdict,
  changeLocation,
} from '../../audit/narrative-evidence.ts';
import { wanText } from '../../audit/printed-intervals.ts';

export const rule: DocumentRule = {
  id: 'narrative-budget-base',
  title: '比例所用的预算口径（年初预算/全年预算）与文字一致',
  severity: 'warning',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'word-base':
      '「{name}」决算数{final}万元与{baseName}数{base}万元相比应为“{expected}”，文中“{stated}”是与全年预算数{alt}万元相比的结论',
    'zero-base': '「{name}」{baseName}数为零，{kindName}不可计算；文中{stated}是按全年预算数{alt}万元计算的',
    'rate-base':
      '「{name}」{kindName}按{baseName}数{base}万元应为 {expected}，文中 {stated} 是按{altName}数{alt}万元计算的',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“决算数…，完成年初预算（全年预算）的…%”的表述',
  description:
    '文中写“与年初预算相比”，“大于/小于”或差异率、完成比例却只有按全年预算数（或反之）计算才成立时报告：结论本身可能对，但所称的预算口径不对。',
  checkDocument({ facts, report }) {
    const { figures } = facts;
    figures.forEach((f, i) => {
      const b = budgetComparison(figures, f);
      if (!b) return;
      const w = budgetWordVerdict(b);
      if (w?.alt)
        report({
          messageId: 'word-base',
          data: {
            name: f.name,
            final: wanText(b.fen),
            baseName: b.baseName,
            base: wanText(b.base),
            expected: b.actualWord,
            stated: b.word ?? '',
            alt: wanText(w.alt.fen),
          },
          location: [changeLocation(f)],
          expected: b.actualWord,
          actual: b.word ?? '',
          order: [NARRATIVE_PHASE.budget, i, 0],
        });
      for (const k of b.checks) {
        const v = budgetRateVerdict(b, k);
        if (!v?.alt) continue;
        const first = k.ordered[0]!;
        report({
          messageId: v.zeroBase ? 'zero-base' : 'rate-base',
          data: {
            name: f.name,
            baseName: first.label,
            base: wanText(first.fen),
            kindName: k.kindName,
            expected: v.expected,
            stated: k.text,
            altName: v.alt.label,
            alt: wanText(v.alt.fen),
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
