import type { DocumentRule } from '../../audit/document-rule.ts';

export const rule: DocumentRule = {
  id: 'audit-model',
  title: '读出的数字能组成完整的数据模型（勾稽规则得以运行）',
  severity: 'warning',
  category: 'document',
  appliesTo: 'both',
  messages: {
    'no-model': '读出的数字无法组成完整的数据模型，勾稽规则未全部运行：{problem}',
  },
  stage: 'model',
  basis: '部门决算报表审核关系：表间与表内勾稽关系须在完整的九张表上检查',
  description:
    '审查从情况说明和读出的表格重建数据模型，再运行与 validate 相同的规则目录；读出的数字无法组成模型时报警告，说明哪些数字有问题，勾稽规则未全部运行。',
  checkDocument({ facts, report }) {
    if (facts.modelError === undefined) return;
    report({
      messageId: 'no-model',
      data: { problem: facts.modelError },
      location: [{ label: '数据模型' }],
    });
  },
};
