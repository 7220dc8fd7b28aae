import { NARRATIVE_PHASE, type DocumentRule } from '../../audit/document-rule.ts';
import { sentenceLocation } from '../../audit/narrative-evidence.ts';

export const rule: DocumentRule = {
  id: 'narrative-punctuation',
  title: '无重复标点（。。，，；；）',
  severity: 'warning',
  category: 'narrative',
  appliesTo: 'document',
  messages: {
    doubled: '标点重复或连用：“{found}”',
  },
  stage: 'text',
  basis: '《标点符号用法》（GB/T 15834—2011）；《党政机关公文格式》（GB/T 9704—2012）',
  description: '正文中同一标点连用（“。。”“，，”“；；”）或逗号、顿号、分号后紧跟句号时报警告，引用所在句子。',
  checkDocument({ facts, report }) {
    const { reading } = facts;
    for (const m of reading.flow.text.matchAll(/([。,;:、])\1+|[,;、]。/g)) {
      const printed = m[0].replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：');
      report({
        messageId: 'doubled',
        data: { found: printed },
        location: [sentenceLocation(reading, m.index, m.index + m[0].length)],
        expected: printed[0] ?? '',
        actual: printed,
        order: [NARRATIVE_PHASE.punctuation],
      });
    }
  },
};
