import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { figureLocation, sentenceLocation } from '../../audit/narrative-evidence.ts';
import { wanText } from '../../audit/printed-intervals.ts';
import type { FoundHeading, SectionId } from '../../audit/sections.ts';
import type { Flow } from '../../audit/text-flow.ts';
import type { StatedFigure } from '../../audit/types.ts';

/** The sections that may say the unit has no such funds, the keys of their figures and how the statement reads. */
const CHECKS: readonly { id: SectionId; title: string; prefix: string; what: string; statement: RegExp }[] = [
  {
    id: 'fund',
    title: '政府性基金预算财政拨款收入支出决算情况说明',
    prefix: 't8.',
    what: '政府性基金预算财政拨款收入支出',
    statement: /空表|本表无数据|(无|没有)[^。]*政府性基金预算财政拨款/,
  },
  {
    id: 'capital',
    title: '国有资本经营预算财政拨款收入支出决算情况说明',
    prefix: 't9.',
    what: '国有资本经营预算财政拨款收入支出',
    statement: /空表|本表无数据|(无|没有)[^。]*国有资本经营预算财政拨款/,
  },
  {
    id: 'threePublic',
    title: '财政拨款“三公”经费支出决算情况说明',
    prefix: 'threePublic.',
    what: '“三公”经费财政拨款支出',
    statement: /空表|本表无数据|(无|没有)[^。,;]*三公[”"]?经费/,
  },
];

function inSection(flow: Flow, s: FoundHeading<SectionId>, f: StatedFigure): boolean {
  return f.section === s.text || flow.text.slice(s.start, s.bodyStart).includes(f.section ?? '\u0000');
}

export const rule: DocumentRule = {
  id: 'narrative-empty-table',
  title: '无此项收支（空表）的说明与所列金额一致',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'amount-under-statement':
      '“{section}”一节称本单位无{what}（“{statement}”），却列有金额：「{name}」{value}',
    'no-statement': '“{section}”一节既无金额，也未说明本单位无{what}（应说明“本表为空表”或“无此项收支”）',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：本部门无相关数据的表格也应公开，并以空表形式说明情况',
  description:
    '政府性基金、国有资本经营预算和“三公”经费各节称本单位无此项收支（“本表为空表”）却列有非零金额时报错误；一节既无金额也无此项说明时报警告。',
  checkDocument({ facts, report }) {
    const { reading, figures } = facts;
    const { sections, flow } = reading;
    const order = [NARRATIVE_PHASE.emptyTable];
    for (const c of CHECKS) {
      const s = sections.sections.find((x) => x.id === c.id);
      if (!s) continue;
      const st = c.statement.exec(flow.text.slice(s.bodyStart, s.bodyEnd));
      const figs = figures.filter((f) => f.key.startsWith(c.prefix) && inSection(flow, s, f));
      const nonZero = figs.filter(
        (f) => (f.fen ?? 0) !== 0 || (f.value !== undefined && Number(f.value) !== 0),
      );
      if (st && nonZero.length > 0) {
        const f = nonZero[0]!;
        const statement = sentenceLocation(reading, s.bodyStart + st.index);
        report({
          messageId: 'amount-under-statement',
          data: {
            section: c.title,
            what: c.what,
            statement: st[0],
            name: f.name,
            value: f.fen !== undefined ? wanText(f.fen) + '万元' : `${f.value}${f.unit}`,
          },
          location: [figureLocation(f), statement],
          expected: '无此项金额',
          actual: f.fen !== undefined ? wanText(f.fen) : String(f.value),
          order,
        });
      } else if (!st && figs.length === 0) {
        report({
          messageId: 'no-statement',
          data: { section: c.title, what: c.what },
          location: [{ label: `“${c.title}”`, page: s.page, quote: s.text }],
          expected: '无此项收支的说明',
          actual: '未说明',
          severity: 'warning',
          order,
        });
      }
    }
  },
};
