import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-budget-rate.ts';

/** Passing and failing cases of narrative-budget-rate (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every 预决算差异率 recomputes' }],
  invalid: [
    {
      name: 'a variance rate with transposed digits',
      replace: [['预决算差异率2.40%', '预决算差异率4.20%']],
      findings: [{ severity: 'error', expected: '2.40%', actual: '4.20%', quote: '预决算差异率4.20%' }],
    },
  ],
});
