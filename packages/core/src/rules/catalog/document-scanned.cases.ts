import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './document-scanned.ts';

/** Passing and failing cases of document-scanned (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication, with a text layer' }],
  invalid: [
    {
      name: 'a PDF without a text layer',
      scanned: true,
      findings: [{ severity: 'error', page: 1, message: '扫描件' }],
    },
  ],
});
