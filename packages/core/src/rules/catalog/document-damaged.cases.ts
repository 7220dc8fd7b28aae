import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './document-damaged.ts';

/** Passing and failing cases of document-damaged (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication, undamaged' }],
  invalid: [
    {
      name: 'a page whose content could not be parsed',
      damage: [{ reason: 'page-unreadable', pages: [3], detail: 'Unknown block type in flate stream' }],
      findings: [
        {
          severity: 'error',
          page: 3,
          message: '第 3 页：页面内容无法解析（Unknown block type in flate stream）',
          actual: '第 3 页：页面内容无法解析（Unknown block type in flate stream）',
        },
      ],
    },
    {
      name: 'a rebuilt cross-reference table (content complete)',
      damage: [{ reason: 'xref', pages: [], detail: 'startxref 指向 99，该处不是交叉引用表' }],
      findings: [{ severity: 'warning', message: '内容已完整读出' }],
    },
  ],
});
