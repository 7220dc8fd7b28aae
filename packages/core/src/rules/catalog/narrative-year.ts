import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { sentenceLocation } from '../../audit/narrative-evidence.ts';

/**
 * After 〈next year〉年度: a budget figure named within a short phrase, with no 决算 before it (“三公”经费预算,
 * 部门预算) — not work on the budget (开展预算绩效评价, 预算管理).
 */
const NEXT_BUDGET_RE = /^(?:(?!开展|实施|进行|组织|完成)[^。\n\d决]){0,16}?预算(?!绩效|管理|执行)/;

/** Whether the sentence before `at` names next year's budget as the compared figure (2023年度…预算较2022年…). */
function nextYearBudgetBefore(t: string, at: number, year: number): boolean {
  const start = Math.max(t.lastIndexOf('。', at - 1), t.lastIndexOf('\n', at - 1)) + 1;
  const before = t.slice(start, at);
  const m = new RegExp(`${year + 1}年度?`).exec(before);
  return m !== null && NEXT_BUDGET_RE.test(before.slice(m.index + m[0].length));
}

export const rule: DocumentRule = {
  id: 'narrative-year',
  title: '标题、日期与比较年度和报告年度一致',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    'year-unknown': '未能从标题或正文识别决算年度，表间勾稽规则未运行',
    title: '标题年度为{found}年，与报告年度{year}年不一致',
    year: '{what}为{found}年，应为{expected}年（报告年度{year}年）',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算公开的是上一年度的决算；部门决算公开说明模板中的年度、“截至…年12月31日”与“与上年相比”的表述',
  description:
    '标题年度、资产统计截止日期、“与××年度相比”的上年年度、情况说明中以年度开头的语句和标题，应与报告年度一致；未能识别报告年度时报警告（表间勾稽规则随之不运行）。',
  checkDocument({ facts, report }) {
    const { reading, year } = facts;
    if (year === undefined) {
      report({
        messageId: 'year-unknown',
        location: [{ label: '标题' }],
        severity: 'warning',
        order: [NARRATIVE_PHASE.yearUnknown],
      });
      return;
    }
    const order = [NARRATIVE_PHASE.year];
    const { flow, sections } = reading;
    const t = flow.text;
    const title = sections.title;
    if (title?.year !== undefined && title.year !== year) {
      report({
        messageId: 'title',
        data: { found: title.year, year },
        location: [{ label: '标题', page: title.page, quote: title.text }],
        expected: String(year),
        actual: String(title.year),
        order,
      });
    }
    const flagged = new Set<number>();
    const flag = (index: number, found: number, expected: number, what: string) => {
      if (flagged.has(index)) return;
      flagged.add(index);
      report({
        messageId: 'year',
        data: { what, found, expected, year },
        location: [sentenceLocation(reading, index)],
        expected: String(expected),
        actual: String(found),
        order,
      });
    };
    // Dates: 截止 2022 年 12 月 31 日.
    for (const m of t.matchAll(/截[止至](\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
      const y = Number(m[1]);
      if (y !== year) flag(m.index + 2, y, year, `资产统计截止日期的年份`);
    }
    // Comparisons: 与 2021 年度相比, 比 2023 年度增加.
    for (const m of t.matchAll(
      /(?:与|比|较)(\d{4})年度?(?:决算)?(?:数)?(?:相比|增加|减少|增长|下降|持平)/g,
    )) {
      const y = Number(m[1]);
      // Next year's budget compared with this year's final (2023年预算较2022年决算增加): the base is this year.
      if (y === year && nextYearBudgetBefore(t, m.index, year)) continue;
      if (y !== year - 1) flag(m.index + 1, y, year - 1, '比较的上年年度');
    }
    // Headings and sentences dated with 〈year〉年度 in the narrative and profile parts.
    const ranges = sections.parts.filter((p) => p.id === 'narrative' || p.id === 'profile');
    const inScope = (i: number) =>
      ranges.length === 0
        ? sections.sections.some((s) => i >= s.start && i < s.bodyEnd)
        : ranges.some((p) => i >= p.start && i < p.bodyEnd);
    const unit = reading.unit?.replace(/\s/g, '');
    for (const m of t.matchAll(/(\d{4})年度/g)) {
      const y = Number(m[1]);
      if (y === year || !inScope(m.index)) continue;
      const prev = t[m.index - 1] ?? '\n';
      const lineIdx = flow.lineOf[m.index] ?? -1;
      const kind = lineIdx >= 0 ? flow.lines[lineIdx]!.kind : 'body';
      const atStart =
        prev === '。' ||
        prev === '\n' ||
        (unit !== undefined && t.slice(Math.max(0, m.index - 40), m.index).endsWith(unit));
      // A statement of next year's budget (2023年度“三公”经费预算…), often published with the final accounts.
      if (y === year + 1 && NEXT_BUDGET_RE.test(t.slice(m.index + m[0].length, m.index + m[0].length + 24)))
        continue;
      if (kind === 'part' || kind === 'section' || atStart || y > year) {
        if (y === year - 1 && /^(相比|决算|预算)/.test(t.slice(m.index + m[0].length))) continue;
        flag(m.index, y, year, kind === 'part' || kind === 'section' ? '标题中的年度' : '所述年度');
      }
    }
  },
};
