import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-direction.ts';

/** Passing and failing cases of narrative-direction (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every 增加 goes with 增长, every 减少 with 下降' }],
  invalid: [
    {
      name: '增加 … 下降',
      replace: [['减少15.81万元，下降5.08%', '增加15.81万元，下降5.08%']],
      findings: [{ severity: 'error', actual: '增加…下降', quote: '增加15.81万元，下降5.08%' }],
    },
    {
      name: '持平 with a change',
      replace: [['比上年增加1.99万元，增长2.99%', '与上年持平，增长2.99%']],
      findings: [{ severity: 'error', expected: '持平（变动为零）' }],
    },
    {
      name: '持平 with the reason of a change',
      replace: [
        [
          '收入总计与上年相比，减少53.51万元，下降3.55%，主要原因是：人员经费和项目支出变动',
          '收入总计与上年相比持平，主要原因是：人员经费减少',
        ],
      ],
      findings: [{ severity: 'warning', expected: '持平无需说明增减原因，或写明实际变动' }],
    },
  ],
});
