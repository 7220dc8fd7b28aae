import type { DocumentFacts, DocumentRule } from '../../audit/document-rule.ts';

/** Findings that an arbitrary document has too: every section missing, no year. */
const NOTHING_FOUND = new Set(['narrative-missing-section', 'narrative-year']);

/** Wordings of a budget publication (部门预算公开): its totals, tables and sections name the budget. */
const BUDGET_WORDS =
  /(收支|收入|支出|基本支出|项目支出|政府采购|经费)(总)?预算(安排)?(情况)?(说明)?|预算(收支)?总表|(部门|单位)预算(公开|情况|说明)?/g;

/**
 * A budget publication (部门预算公开), not a final-accounts one: its title names a 预算 and no 决算, or (no title read)
 * its text speaks of budgets again and again and never of a 决算. Its figures are budgets, its assets dated to the end
 * of the year before: none of the final-accounts checks apply.
 */
function budgetPublication(facts: DocumentFacts): { quote: string; page: number } | undefined {
  const { flow, sections } = facts.reading;
  const title = sections.title?.text ?? (facts.doc.title ? facts.doc.title.replace(/\s/g, '') : '');
  if (/决算/.test(flow.text) || /决算/.test(title)) return undefined;
  if (/\d{4}年度?[^。]{0,12}预算/.test(title)) return { quote: title, page: sections.title?.page ?? 1 };
  const hits = [...flow.text.matchAll(BUDGET_WORDS)];
  if (hits.length < 3) return undefined;
  const at = hits[0]!.index;
  const start = Math.max(flow.text.lastIndexOf('\n', at) + 1, 0);
  const nl = flow.text.indexOf('\n', at);
  const quote = flow.text.slice(start, nl < 0 ? undefined : nl).trim();
  const line = flow.lines.findIndex((_, i) => (flow.lineStart[i] ?? -1) > at);
  const page = flow.lines[Math.max(line - 1, 0)]?.source.page ?? 1;
  return { quote, page };
}

export const rule: DocumentRule = {
  id: 'document-not-disclosure',
  title: '文件应是部门决算公开（有标题、章节或数字）',
  severity: 'error',
  category: 'document',
  appliesTo: 'document',
  messages: {
    'not-disclosure': '文档中没有找到部门决算公开的标题、章节或数字：可能不是决算公开文件',
    budget:
      '这是部门预算公开文件，不是部门决算公开：预算公开列的是当年的预算数（资产等按上年末计），口径与决算不同，不按决算公开的要求逐项审查；请审查该单位的决算公开文件',
  },
  stage: 'verdict',
  basis: '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算公开的内容',
  description:
    '文档中既没有读出任何数字或报表，也没有除“缺少章节”“年度”以外的发现时，判定为不是决算公开文件；文件是部门预算公开（标题写预算而非决算，或全文反复说预算、从未提到决算）时说明它是预算文件。两种情况审查都在此停止并只报告这一条（而不是列出每个缺少的章节或把预算数当决算数核对）。只有报表、没有情况说明的文件照常审查报表，缺少的部分按 narrative-missing-section 报告。',
  checkDocument({ facts, report }) {
    const budget = budgetPublication(facts);
    if (budget) {
      report({
        messageId: 'budget',
        location: [{ label: `第 ${budget.page} 页`, page: budget.page, quote: budget.quote }],
        expected: '部门决算公开',
        actual: '部门预算公开',
      });
      return;
    }
    const tables =
      facts.reading.sections.tables.length > 0 || facts.tables.some((t) => t.status !== 'missing');
    if (facts.figures.length > 0 || tables || !(facts.earlier ?? []).every((r) => NOTHING_FOUND.has(r)))
      return;
    report({
      messageId: 'not-disclosure',
      location: [{ label: '第 1 页', page: 1 }],
    });
  },
};
