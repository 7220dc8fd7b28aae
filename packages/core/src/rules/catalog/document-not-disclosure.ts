import type { DocumentRule } from '../../audit/document-rule.ts';

/** Findings that an arbitrary document has too: every section missing, no year. */
const NOTHING_FOUND = new Set(['narrative-missing-section', 'narrative-year']);

export const rule: DocumentRule = {
  id: 'document-not-disclosure',
  title: '文件应是部门决算公开（有标题、章节或数字）',
  severity: 'error',
  category: 'document',
  appliesTo: 'document',
  messages: {
    'not-disclosure': '文档中没有找到部门决算公开的标题、章节或数字：可能不是决算公开文件',
  },
  stage: 'verdict',
  basis: '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算公开的内容',
  description:
    '文档中既没有读出任何数字，也没有除“缺少章节”“年度”以外的发现时，判定为不是决算公开文件，审查在此停止并只报告这一条（而不是列出每个缺少的章节）。',
  checkDocument({ facts, report }) {
    if (facts.figures.length > 0 || !(facts.earlier ?? []).every((r) => NOTHING_FOUND.has(r))) return;
    report({
      messageId: 'not-disclosure',
      location: [{ label: '第 1 页', page: 1 }],
    });
  },
};
