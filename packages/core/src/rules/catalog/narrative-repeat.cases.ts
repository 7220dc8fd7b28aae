import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-repeat.ts';

/** Passing and failing cases of narrative-repeat (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: 本年收入合计 stated twice, the same both times' }],
  invalid: [
    {
      name: 'a total stated twice with two values',
      replace: [['2022年度本年收入1274.20万元', '2022年度本年收入1274.30万元']],
      findings: [{ severity: 'error', expected: '1274.20', actual: '1274.30', quote: '本年收入1274.30万元' }],
    },
    {
      name: 'a count of 处室 that the list after it does not have',
      replace: [['下设2个处室', '下设3个处室']],
      findings: [{ severity: 'error', expected: '2个', actual: '3个' }],
    },
  ],
});
