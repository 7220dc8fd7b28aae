import { TABLE_SPECS, type TableId } from '../../model/tables.ts';
import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';

/** The tables every publication must list, by a name no other table shares (anywhere in the text). */
const REQUIRED_TABLES: readonly (readonly [TableId, RegExp])[] = [
  ['t7', /三公[^。\n，,]{0,20}表/],
  ['t8', /政府性基金预算财政拨款[^。\n]{0,8}决算表/],
  ['t9', /国有资本经营预算财政拨款[^。\n]{0,8}决算表/],
];

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
    table:
      '决算表部分列出了{listed}张表，却没有{number}《{name}》：本表必须公开，没有数据时也应列出空表并说明',
  },
  stage: 'text',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：部门决算公开应包括部门概况、决算表、决算情况说明和名词解释等；部门决算公开说明模板的章节',
  description:
    '决算情况说明缺少模板规定的一节（如“国有资本经营预算财政拨款收入支出决算情况说明”）报错误；未找到某一部分（如“名词解释”）或某一小节报警告。全文公开的决算表部分列出五张以上的表，却没有表七“三公”经费、表八政府性基金或表九国有资本经营预算的决算表（全文也未提及）时报错误。',
  checkDocument({ facts, report }) {
    const order = [NARRATIVE_PHASE.missingSection];
    // A required table that the tables part leaves out. Only the three tables whose names no other table shares
    // (表七 "三公", 表八 政府性基金, 表九 国有资本经营): the others are often renumbered or renamed (支出决算表（二）).
    // Only for a full publication whose tables part lists most tables, and when the text names the table nowhere.
    const { sections, flow } = facts.reading;
    const listed = new Set(sections.tables.map((x) => x.id));
    if (sections.kind === 'full' && listed.size >= 5) {
      for (const [id, re] of REQUIRED_TABLES) {
        if (listed.has(id) || re.test(flow.text)) continue;
        const spec = TABLE_SPECS[id];
        report({
          messageId: 'table',
          data: { listed: listed.size, number: spec.number, name: spec.name },
          location: [{ table: id, label: `${spec.number}《${spec.name}》` }],
          expected: `${spec.number}《${spec.name}》`,
          actual: '未列出',
          order,
        });
      }
    }
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
