import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-share.ts';

/** Passing and failing cases of narrative-share (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every share recomputes' }],
  invalid: [
    {
      name: 'a 类 share with transposed digits',
      replace: [['占22.70%', '占27.20%']],
      findings: [{ severity: 'error', expected: '22.70%', actual: '27.20%', quote: '298.46万元，占27.20%' }],
    },
    {
      name: 'a share of a zero denominator',
      replace: [['其他收入0.00万元，占0.00%。', '其他收入0.00万元，占0.50%。']],
      findings: [{ severity: 'error', expected: '0.00%', actual: '0.50%' }],
    },
  ],
});
