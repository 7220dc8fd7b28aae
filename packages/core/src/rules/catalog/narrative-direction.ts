import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import {
  budgetComparison,
  budgetWordVerdict,
  changeLocation,
  priorComparison,
} from '../../audit/narrative-evidence.ts';
import { messageUnit, wanText } from '../../audit/printed-intervals.ts';

/** Words of a change in a reason: the reason explains an increase or a decrease. */
const CHANGE_WORD = /增加|减少|增长|下降|上升|降低|压减|缩减|扩大|提高/;

export const rule: DocumentRule = {
  id: 'narrative-direction',
  title: '增加/减少、增长/下降、大于/小于与数字符号一致',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    contradiction: '「{name}」的变动方向前后矛盾：先写“{direction}{amount}”，后写“{rateDirection}{rate}”',
    'flat-but-moved': '「{name}」写“持平”，却列出非零的变动额或变动率',
    'flat-with-reason': '「{name}」写与上年“持平”，却说明了增减的原因“{reason}”，请核对是否确有变动',
    'budget-word':
      '「{name}」决算数{final}万元、{baseName}数{base}万元，应为决算数“{expected}”预算数，文中为“{stated}”',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“与上年相比增加（减少）…万元，增长（下降）…%”“决算数大于（小于）预算数”的表述',
  description:
    '与上年比较时，“增加/减少”与“增长/下降”不得前后矛盾，写“持平”时变动额和变动率应为零，写“持平”却说明增减原因的报警告；与预算比较时，“大于/小于/持平”应与决算数、预算数的大小一致（与全年预算数相比才成立的结论由 narrative-budget-base 报告）。',
  checkDocument({ facts, report }) {
    const { figures } = facts;
    figures.forEach((f, i) => {
      const c = f.change!;
      const p = priorComparison(f);
      if (p?.contradiction) {
        report({
          messageId: 'contradiction',
          data: {
            name: f.name,
            direction: c.direction ?? '',
            amount: c.amountText !== undefined ? `${c.amountText}${messageUnit(f.unit)}` : '',
            rateDirection: c.rateDirection ?? '',
            rate: c.rateText ?? '',
          },
          location: [changeLocation(f)],
          expected: `${c.direction}…${p.dirSign! > 0 ? '增长' : '下降'}`,
          actual: `${c.direction}…${c.rateDirection}`,
          order: [NARRATIVE_PHASE.prior, i, 0],
        });
      } else if (p?.flatButMoved) {
        report({
          messageId: 'flat-but-moved',
          data: { name: f.name },
          location: [changeLocation(f)],
          expected: '持平（变动为零）',
          actual: `${c.amountText ?? ''} ${c.rateText ?? ''}`.trim(),
          order: [NARRATIVE_PHASE.prior, i, 0],
        });
      }
      // 与上年相比持平，主要原因是：…减少: a reason of a change given for no change — one of the two is wrong.
      // Which one the text cannot tell (last year's figure is not printed), so a warning.
      else if (
        c?.against === 'prior' &&
        c.direction === '持平' &&
        c.reason !== undefined &&
        CHANGE_WORD.test(c.reason)
      ) {
        report({
          messageId: 'flat-with-reason',
          data: { name: f.name, reason: c.reason },
          location: [changeLocation(f)],
          expected: '持平无需说明增减原因，或写明实际变动',
          actual: `持平，主要原因是${c.reason}`,
          severity: 'warning',
          order: [NARRATIVE_PHASE.prior, i, 0],
        });
      }
      const b = budgetComparison(figures, f);
      const v = b && budgetWordVerdict(b);
      if (b && v && !v.alt)
        report({
          messageId: 'budget-word',
          data: {
            name: f.name,
            final: wanText(b.fen),
            baseName: b.baseName,
            base: wanText(b.base),
            expected: b.actualWord,
            stated: b.word ?? '',
          },
          location: [changeLocation(f)],
          expected: b.actualWord,
          actual: b.word ?? '',
          order: [NARRATIVE_PHASE.budget, i, 0],
        });
    });
  },
};
