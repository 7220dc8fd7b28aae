import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { pairLocations } from '../../audit/narrative-evidence.ts';
import { iv, wanText } from '../../audit/printed-intervals.ts';
import type { StatedFigure } from '../../audit/types.ts';

export const rule: DocumentRule = {
  id: 'narrative-repeat',
  title: '同一数字多处列示时数值一致',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    repeat: '「{name}」前后两处数值不一致：第{firstPage}页为{first}，第{page}页为{value}',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确、前后一致；DOMAIN.md §6',
  description:
    '同一数字（如“本年收入合计”）在情况说明中多处列示时，各处数值应一致（按印出的位数取四舍五入区间比较）；报告两处的页码和原文。',
  checkDocument({ facts, report }) {
    const seen = new Map<string, StatedFigure>();
    const order = [NARRATIVE_PHASE.repeat];
    for (const f of facts.figures) {
      if (f.key.startsWith('unclassified.')) continue;
      const prev = seen.get(f.key);
      if (!prev) {
        seen.set(f.key, f);
        continue;
      }
      const where = { name: f.name, firstPage: prev.evidence.page, page: f.evidence.page };
      if (f.fen !== undefined && prev.fen !== undefined) {
        const a = iv(f.fen, f.unit, f.decimals);
        const b = iv(prev.fen, prev.unit, prev.decimals);
        if (a.hi < b.lo || a.lo > b.hi)
          report({
            messageId: 'repeat',
            data: { ...where, first: `${wanText(prev.fen)}万元`, value: `${wanText(f.fen)}万元` },
            location: pairLocations(prev, f),
            expected: wanText(prev.fen),
            actual: wanText(f.fen),
            order,
          });
      } else if (
        f.value !== undefined &&
        prev.value !== undefined &&
        Number(f.value) !== Number(prev.value)
      ) {
        report({
          messageId: 'repeat',
          data: { ...where, first: `${prev.value}${prev.unit}`, value: `${f.value}${f.unit}` },
          location: pairLocations(prev, f),
          expected: `${prev.value}${prev.unit}`,
          actual: `${f.value}${f.unit}`,
          order,
        });
      }
    }
  },
};
