import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-yoy-amount.ts';

/** Passing and failing cases of narrative-yoy-amount (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [
    { name: 'the built publication (no last-year figure stated)' },
    {
      name: "last year's figure stated and the change agrees",
      replace: [['2022年度收入总计1454.76万元，', '2022年度收入总计1454.76万元，上年决算数为1508.27万元，']],
    },
  ],
  invalid: [
    {
      name: "last year's figure stated and the change disagrees",
      replace: [['2022年度收入总计1454.76万元，', '2022年度收入总计1454.76万元，上年决算数为1500.00万元，']],
      findings: [
        { severity: 'error', expected: '-45.24', actual: '减少53.51', quote: '上年决算数为1500.00万元' },
      ],
    },
  ],
});
