import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-year.ts';

/** Passing and failing cases of narrative-year (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every year is 2022 or the year before it compares with' }],
  invalid: [
    {
      name: 'the year of the assets date',
      replace: [['截止2022年12月31日', '截止2021年12月31日']],
      findings: [{ severity: 'error', expected: '2022', actual: '2021', quote: '截止2021年12月31日' }],
    },
    {
      name: 'no year anywhere',
      text: '示例单位部门决算公开说明\n一、收入支出决算总体情况说明',
      facts: {},
      findings: [{ severity: 'warning', message: '未能从标题或正文识别决算年度' }],
    },
  ],
});
