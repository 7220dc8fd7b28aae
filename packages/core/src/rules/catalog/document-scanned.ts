import type { DocumentRule } from '../../audit/document-rule.ts';

export const rule: DocumentRule = {
  id: 'document-scanned',
  title: '公开文件应有可复制的文字层（不是扫描件）',
  severity: 'error',
  category: 'document',
  appliesTo: 'document',
  messages: {
    scanned: '扫描件：文档没有文字层，无法读取数字（请取得可复制文字的 PDF 或 DOCX 原件，或先做文字识别）',
  },
  stage: 'file',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：预决算信息应便于公众查阅和使用；《政府信息公开条例》（国务院令第711号）第二十三条',
  description:
    'PDF 没有文字层（每页都只有图像）时，数字无法读取，审查在此停止并只报告这一条：应取得可复制文字的 PDF 或 DOCX 原件，或先做文字识别。',
  checkDocument({ facts, report }) {
    if (!facts.doc.scanned) return;
    report({
      messageId: 'scanned',
      location: [{ label: '第 1 页', page: 1 }],
    });
  },
};
