import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';

export const rule: DocumentRule = {
  id: 'narrative-missing-section',
  title: '情况说明的标准部分和章节齐全',
  severity: 'error',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    section: '情况说明缺少“{name}”一节',
    part: '未找到“{name}”部分',
    subsection: '未找到“{name}”小节',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算公开应包括部门概况、决算表、决算情况说明和名词解释等；部门决算公开说明模板的章节；DOMAIN.md §6',
  description:
    '决算情况说明缺少模板规定的一节（如“国有资本经营预算财政拨款收入支出决算情况说明”）报错误；未找到某一部分（如“名词解释”）或某一小节报警告。',
  checkDocument({ facts, report }) {
    const order = [NARRATIVE_PHASE.missingSection];
    for (const m of facts.reading.sections.missing) {
      const location = [{ label: `“${m.name}”` }];
      if (m.level === 'section')
        report({
          messageId: 'section',
          data: { name: m.name },
          location,
          expected: m.name,
          actual: '未找到',
          order,
        });
      else
        report({
          messageId: m.level === 'part' ? 'part' : 'subsection',
          data: { name: m.name },
          location,
          expected: m.name,
          actual: '未找到',
          severity: 'warning',
          order,
        });
    }
  },
};
