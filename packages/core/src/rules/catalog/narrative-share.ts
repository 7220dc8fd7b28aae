import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { figureLocation, nearestEarlier } from '../../audit/narrative-evidence.ts';
import { iv, overlaps, pctIv, pctText, ratioRange, amountText } from '../../audit/printed-intervals.ts';
import type { StatedFigure } from '../../audit/types.ts';

/** Whether the shares of one list add up to exactly 100% and this one is off by one unit of its last digit. */
function roundedToHundred(figures: readonly StatedFigure[], f: StatedFigure, whole: StatedFigure): boolean {
  const s = f.share!;
  const d = BigInt(s.decimals ?? 2);
  const exact = BigInt(f.fen!) * 100n * 10n ** d;
  const statedScaled = (s.ratio.num * 100n * 10n ** d) / s.ratio.den;
  const diff = statedScaled * BigInt(whole.fen!) - exact;
  const abs = diff < 0n ? -diff : diff;
  if (abs > (3n * BigInt(whole.fen!)) / 2n) return false;
  const group = figures.filter(
    (g) => g.share?.baseKey === s.baseKey && g.evidence.text === f.evidence.text && g.section === f.section,
  );
  const sum = group.reduce((acc, g) => acc + (g.share!.ratio.num * 100n * 10n ** d) / g.share!.ratio.den, 0n);
  return group.length >= 2 && sum === 100n * 10n ** d;
}

export const rule: DocumentRule = {
  id: 'narrative-share',
  title: '占比按所列分子、分母重算（四舍五入区间）',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'zero-base': '「{name}」的占比无法计算：分母「{whole}」为零，文中却写“占{stated}”',
    share: '「{name}」{part}占「{whole}」{total}的比例应为 {expected}，文中为 {stated}',
    'share-rounded':
      '「{name}」{part}占「{whole}」{total}的比例应为 {expected}，文中为 {stated}（同组占比合计恰为100%，疑为凑整调整尾差）',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确；部门决算公开说明模板“收入决算情况说明”“支出决算情况说明”的占比表述',
  description:
    '情况说明中“占 x%”的比例按同一段所列的分子与分母重算，二者都按印出的位数取四舍五入区间；分母为零却写出非零占比也报告。同组占比合计恰为 100% 而差一个末位单位时（凑整调整尾差）只报警告。',
  checkDocument({ facts, report }) {
    const { figures } = facts;
    figures.forEach((f, i) => {
      const s = f.share;
      if (!s || f.fen === undefined || !s.baseKey) return;
      const whole = nearestEarlier(figures, s.baseKey, f);
      if (!whole || whole.fen === undefined) return;
      const order = [NARRATIVE_PHASE.share, i];
      const stated = pctIv(s.ratio, s.decimals ?? 2);
      if (whole.fen === 0) {
        if (f.fen !== 0 || s.ratio.num !== 0n)
          report({
            messageId: 'zero-base',
            data: { name: f.name, whole: whole.name, stated: s.text },
            location: [figureLocation(f)],
            expected: f.fen === 0 ? '0.00%' : '不可计算',
            actual: s.text,
            order,
          });
        return;
      }
      const range = ratioRange(iv(f.fen, f.unit, f.decimals), iv(whole.fen, whole.unit, whole.decimals));
      if (!range || overlaps(range, stated)) return;
      const expected = pctText(BigInt(f.fen), BigInt(whole.fen));
      const data = {
        name: f.name,
        part: amountText(f.fen, f.unit),
        whole: whole.name,
        total: amountText(whole.fen, whole.unit),
        expected,
        stated: s.text,
      };
      if (roundedToHundred(figures, f, whole))
        report({
          messageId: 'share-rounded',
          data,
          location: [figureLocation(f)],
          expected,
          actual: s.text,
          severity: 'warning',
          order,
        });
      else
        report({ messageId: 'share', data, location: [figureLocation(f)], expected, actual: s.text, order });
    });
  },
};
