import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-placeholder.ts';

/** Passing and failing cases of narrative-placeholder (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: nothing left of the template' }],
  invalid: [
    {
      name: '"XX" left for a count',
      replace: [['车辆2辆', '车辆XX辆']],
      findings: [{ severity: 'error', actual: 'XX', quote: '车辆XX辆' }],
    },
    {
      name: 'both wordings of the template left before a rate',
      replace: [['减少53.51万元，下降3.55%', '减少53.51万元，下降（增长）3.55%']],
      findings: [{ severity: 'error', actual: '下降（增长）', quote: '下降（增长）3.55%' }],
    },
    {
      name: "the template's instruction left",
      replace: [['故本表为空表。', '故本表为空表。如持平作持平表述。']],
      findings: [{ severity: 'warning', expected: '删除模板说明', actual: '如持平作持平表述' }],
    },
  ],
});
