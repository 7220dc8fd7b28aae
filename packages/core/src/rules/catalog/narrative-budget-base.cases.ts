import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-budget-base.ts';

/** Passing and failing cases of narrative-budget-base (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: rates against the budget they name' }],
  invalid: [
    {
      name: 'a rate against 全年预算 stated as against a zero 年初预算',
      replace: [
        [
          '财政拨款支出总计年初预算数1284.21万元，决算数1315.03万元，预决算差异率2.40%',
          '财政拨款支出总计年初预算数0.00万元，全年预算数1284.21万元，决算数1315.03万元，预决算差异率2.40%',
        ],
      ],
      findings: [{ severity: 'warning', expected: '不可计算', actual: '2.40%' }],
    },
  ],
});
