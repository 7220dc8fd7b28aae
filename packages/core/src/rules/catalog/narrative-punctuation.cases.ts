import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-punctuation.ts';

/** Passing and failing cases of narrative-punctuation (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: no doubled punctuation' }],
  invalid: [
    {
      name: 'a doubled full stop',
      replace: [['压减经费。其中', '压减经费。。其中']],
      findings: [{ severity: 'warning', actual: '。。', quote: '压减经费。。' }],
    },
    {
      name: 'a doubled comma',
      replace: [['主要原因是：年中追加预算。', '主要原因是：年中追加预算，，']],
      findings: [{ severity: 'warning', actual: '，，' }],
    },
  ],
});
