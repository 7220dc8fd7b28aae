import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './narrative-empty-table.ts';

/** Passing and failing cases of narrative-empty-table (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the built publication: empty-table statements with no amounts' }],
  invalid: [
    {
      name: 'an amount under a statement that the table is empty',
      replace: [['本单位本年度无政府性基金', '政府性基金预算财政拨款支出5.00万元。本单位本年度无政府性基金']],
      findings: [{ severity: 'error', expected: '无此项金额', actual: '5.00', quote: '故本表为空表' }],
    },
    {
      name: 'a section with neither amounts nor a statement',
      replace: [['本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，故本表为空表。', '']],
      findings: [{ severity: 'warning', expected: '无此项收支的说明', actual: '未说明' }],
    },
  ],
});
