import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-yoy-rate.ts';

/** Passing and failing cases of narrative-yoy-rate (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every rate recomputes, 增长100.00% from a zero base included' }],
  invalid: [
    {
      name: 'a 项 rate with transposed digits',
      replace: [['增长13.09%', '增长31.09%']],
      findings: [{ severity: 'error', expected: '增长13.09%', actual: '增长31.09%', quote: '增长31.09%' }],
    },
    {
      name: 'growth from a zero base not written as 100%',
      replace: [['增加21.14万元，增长100.00%', '增加21.14万元，增长50.00%']],
      findings: [{ severity: 'error', expected: '100.00%', actual: '增长50.00%' }],
    },
  ],
});
