import { documentRuleCases } from '../../audit/document-rule-testing.ts';
import { rule } from './audit-model.ts';

/** Passing and failing cases of audit-model (see audit/document-rule-testing.ts). */
export const cases = documentRuleCases(rule, {
  valid: [{ name: 'the model was built', facts: {} }, { name: 'the built publication audited whole' }],
  invalid: [
    {
      name: 'the figures read could not make a model',
      facts: { modelError: '数据文件有 1 处错误：tables.t1 收入总计不是金额' },
      findings: [{ severity: 'warning', message: '勾稽规则未全部运行：数据文件有 1 处错误' }],
    },
  ],
});
