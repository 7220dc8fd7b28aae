import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-missing-section.ts';

/** Passing and failing cases of narrative-missing-section (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: every part and section present' }],
  invalid: [
    {
      name: 'a section left out',
      replace: [['九、国有资本经营预算财政拨款收入支出决算情况说明\n', '']],
      findings: [
        { severity: 'error', expected: '国有资本经营预算财政拨款收入支出决算情况说明', actual: '未找到' },
      ],
    },
    {
      name: 'the "三公" table neither listed nor printed',
      replace: [
        ['七、《财政拨款“三公”经费支出决算表》\n', ''],
        ['\f财政拨款“三公”经费支出决算表\n', '\f'],
      ],
      findings: [{ severity: 'error', expected: '表七《财政拨款“三公”经费支出决算表》', actual: '未列出' }],
    },
  ],
});
