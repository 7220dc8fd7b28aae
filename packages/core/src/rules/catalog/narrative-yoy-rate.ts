import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { changeLocation, priorComparison } from '../../audit/narrative-evidence.ts';
import {
  isPct,
  iv,
  overlaps,
  pctIv,
  ratioRange,
  signedRate,
  sub,
  amountText,
} from '../../audit/printed-intervals.ts';
import { formatPercent } from '../../money/rate.ts';

export const rule: DocumentRule = {
  id: 'narrative-yoy-rate',
  title: '增减率按本年数与增减额重算',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'both-zero': '「{name}」本年与上年均为零，变动率应为 0.00%，文中为“{stated}”',
    'zero-base':
      '「{name}」上年数为零（本年{current}全部为增加额），增长率不可计算，按惯例写“增长100.00%”，文中为“{stated}”',
    rate: '「{name}」本年{current}、{direction}{amount}，则上年为{prior}，变动率应为{expected}，文中为“{stated}”',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“增长（下降）…%”的表述',
  description:
    '由本年数和增减额推出上年数，重算增长率或下降率（四舍五入区间）；上年数为零时按惯例写“增长100.00%”，本年与上年均为零时应为 0.00%。方向词前后矛盾时只报 narrative-direction。',
  checkDocument({ facts, report }) {
    facts.figures.forEach((f, i) => {
      const p = priorComparison(f);
      const c = f.change!;
      if (!p || p.contradiction || p.flatButMoved) return;
      if (c.amount === undefined || p.dirSign === undefined || p.dirSign === 0 || c.rate === undefined)
        return;
      const order = [NARRATIVE_PHASE.prior, i, 2];
      const signed = p.dirSign * c.amount;
      const ch = iv(signed, f.unit, c.amountDecimals ?? 2);
      const last = sub(p.t, ch);
      const rate = signedRate(c.rate, c.rateDirection ?? c.direction);
      const rateText = `${c.rateDirection ?? ''}${c.rateText ?? ''}`;
      // Printed last year = 0: growth from nothing, the profiles' convention is 100%.
      if (last.mid === 0n) {
        if (signed === 0) {
          if (c.rate.num !== 0n)
            report({
              messageId: 'both-zero',
              data: { name: f.name, stated: rateText },
              location: [changeLocation(f)],
              expected: '0.00%',
              actual: rateText,
              order,
            });
        } else if (!(isPct(rate, 100n) && p.rateSign !== -1)) {
          report({
            messageId: 'zero-base',
            data: { name: f.name, current: amountText(p.fen, f.unit), stated: rateText },
            location: [changeLocation(f)],
            expected: '100.00%',
            actual: rateText,
            order,
          });
        }
        return;
      }
      const range = ratioRange(ch, last);
      if (!range || overlaps(range, pctIv(rate, c.rateDecimals ?? 2))) return;
      const lastFen = p.fen - signed;
      const expected = formatPercent({ num: BigInt(signed), den: BigInt(lastFen) }, { abs: true });
      const word = signed < 0 ? '下降' : '增长';
      report({
        messageId: 'rate',
        data: {
          name: f.name,
          current: amountText(p.fen, f.unit),
          direction: c.direction ?? '',
          amount: amountText(c.amount, f.unit),
          prior: amountText(lastFen, f.unit),
          expected: `${word}${expected}`,
          stated: rateText,
        },
        location: [changeLocation(f)],
        expected: `${word}${expected}`,
        actual: rateText,
        order,
      });
    });
  },
};
