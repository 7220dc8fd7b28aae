import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './document-not-disclosure.ts';

/** Passing and failing cases of document-not-disclosure (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication' }],
  invalid: [
    {
      name: 'a meeting notice',
      text: '关于召开年度工作会议的通知\n各科室：\n定于下周一上午九时在三楼会议室召开工作会议，请准时参加。',
      findings: [{ severity: 'error', page: 1, message: '可能不是决算公开文件' }],
    },
    {
      name: 'a budget publication',
      text: '某中心2024年部门预算公开\n一、收支预算总体情况说明\n2024年收支总预算50.00万元，其中基本支出预算42.00万元。',
      findings: [{ severity: 'error', page: 1, message: '这是部门预算公开文件' }],
    },
  ],
});
