import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { pairLocations, sentenceLocation } from '../../audit/narrative-evidence.ts';
import { amountText, iv, wanText } from '../../audit/printed-intervals.ts';
import type { StatedFigure } from '../../audit/types.ts';

/** 下设 n 个内设机构（科室、股室），分别是/包括：the list up to the end of the sentence. */
const COUNT_LIST =
  /(?:下设|内设|设有|设置)(\d+|[一二三四五六七八九十]{1,3})个(内设机构|职能科室|科室|处室|股室|内设科室|职能部门|职能处室)[^。:：]{0,6}?(?:分别是|分别为|包括|具体为|即)[:：]?([^。]+)。/g;

/** 5 or 五 (up to 九十九). */
function chineseCount(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const d = '一二三四五六七八九';
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[2] && m[1] && m[3])) return undefined;
  const tens = m[2] ? (m[1] ? d.indexOf(m[1]) + 1 : 1) : 0;
  const ones = m[2] ? (m[3] ? d.indexOf(m[3]) + 1 : 0) : m[1] ? d.indexOf(m[1]) + 1 : 0;
  return tens * 10 + ones || undefined;
}

export const rule: DocumentRule = {
  id: 'narrative-repeat',
  title: '同一数字多处列示时数值一致',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    repeat: '「{name}」前后两处数值不一致：第{firstPage}页为{first}，第{page}页为{value}',
    'count-list': '文中称{what}{stated}个，随后列出的却是{listed}个：{items}',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应真实、准确、前后一致',
  description:
    '同一数字（如“本年收入合计”）在情况说明中多处列示时，各处数值应一致（按印出的位数取四舍五入区间比较）；报告两处的页码和原文。“下设n个内设机构，分别是：…”所列机构数应等于n（列表以“等”结尾时不核对）。',
  checkDocument({ facts, report }) {
    const seen = new Map<string, StatedFigure>();
    const order = [NARRATIVE_PHASE.repeat];
    // A count and the list that follows it: 下设5个内设机构，分别是：A、B、C、D、E、F.
    const t = facts.reading.flow.text;
    for (const m of t.matchAll(COUNT_LIST)) {
      const stated = chineseCount(m[1]!);
      const list = m[3]!.replace(/[等。]+$/, '');
      // 等 (and others) or a nested list leaves the count open.
      if (stated === undefined || /等$|等[(（]|[:：]/.test(m[3]!) || /其中/.test(list)) continue;
      const items = list
        .split(/[、，,；;]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
      if (items.length < 2 || items.length === stated) continue;
      report({
        messageId: 'count-list',
        data: { what: m[2]!, stated, listed: items.length, items: items.join('、') },
        location: [sentenceLocation(facts.reading, m.index)],
        expected: `${items.length}个`,
        actual: `${stated}个`,
        order,
      });
    }
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
            data: { ...where, first: amountText(prev.fen, prev.unit), value: amountText(f.fen, f.unit) },
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
