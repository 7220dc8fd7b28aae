import type { DocumentRule } from '../../audit/document-rule.ts';
import { describeDamageItem } from '../../read/pdf-damage.ts';
import type { Location } from '../types.ts';

export const rule: DocumentRule = {
  id: 'document-damaged',
  title: 'PDF 文件完整、未损坏（损坏的页未经审查）',
  severity: 'error',
  category: 'document',
  appliesTo: 'document',
  messages: {
    repaired: 'PDF 文件结构有损坏，但内容已完整读出：{damage}',
    damaged: 'PDF 文件已损坏：{damage}。{scope}，审查结果不完整；请取得完整、未损坏的原件后重新审查',
  },
  stage: 'file',
  basis:
    '《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）：公开内容应完整；《政府信息公开条例》（国务院令第711号）第二十三条',
  description:
    'PDF 读取时发现的每一处损坏（文件被截断、页面目录损坏、对象无法解析、页面内容无法解析、文字层乱码或无法解码）报告一次，注明所涉页码：这些页上的数字未经审查，审查结果不完整。交叉引用表损坏但已按文件内容重建、内容完整读出时只报警告。',
  checkDocument({ facts, report }) {
    for (const d of facts.doc.damage ?? []) {
      const location: Location[] =
        d.pages.length > 0 ? d.pages.map((p) => ({ label: `第 ${p} 页`, page: p })) : [{ label: '文件结构' }];
      if (d.reason === 'xref') {
        report({
          messageId: 'repaired',
          data: { damage: describeDamageItem(d) },
          location,
          severity: 'warning',
        });
        continue;
      }
      const scope =
        d.pages.length > 0
          ? '这些页的内容未能读出或读出的是乱码，其中的数字未经审查'
          : '部分内容可能未能读出';
      report({
        messageId: 'damaged',
        data: { damage: describeDamageItem(d), scope },
        location,
        expected: '完整、未损坏的文件',
        actual: describeDamageItem(d),
      });
    }
  },
};
