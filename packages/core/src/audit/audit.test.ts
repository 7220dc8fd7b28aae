import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDisclosure } from '../validate.ts';
import { auditTextDocument } from './audit.ts';
import { textDocumentFromString } from './plain-text.ts';
import { builtCases } from './test-inputs.ts';

const root = join(import.meta.dirname, '../../../..');

describe('auditTextDocument: findings about tables the text does not contain', () => {
  // A narrative whose nine tables are published apart (an attached spreadsheet): none is in the text.
  const doc = textDocumentFromString(
    [
      '某乡文化站2023年度单位决算公开说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '2023年度“三公”经费财政拨款支出年初预算为0.00万元，支出决算为0.00万元，与上年持平。',
    ].join('\n'),
  );

  it('does not ask 表七 for its empty-table statement: it is printed under the table, which was not read', () => {
    const r = auditTextDocument(doc);
    expect(r.tables.find((t) => t.id === 't7')?.status).toBe('missing');
    expect(r.findings.map((f) => f.rule)).not.toContain('statement-empty-table');
    // The rebuilt model alone would be asked for it: the audit holds the finding back, the rule still runs.
    expect(validateDisclosure(r.model!).findings.map((f) => f.rule)).toContain('statement-empty-table');
  });
});

describe('auditTextDocument: what kind of document it is', () => {
  it('a page holding only 表一 is audited as tables, its missing parts reported, not refused', () => {
    const yaml = readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8');
    const built = builtCases('xinjiang-2022', yaml, [])[0]!.doc;
    const page = built.pages.find((p) => p.lines[0]?.text === '收入支出决算总表')!;
    const r = auditTextDocument({ ...built, pages: [{ ...page, page: 1 }] });
    const rules = r.findings.map((f) => f.rule);
    expect(rules).not.toContain('document-not-disclosure');
    expect(r.documentKind).toBe('tables');
    // Found (plain text has no positions to rebuild it from; a PDF page is read).
    expect(r.tables.find((t) => t.id === 't1')?.status).not.toBe('missing');
    const missing = r.findings.filter((f) => f.rule === 'narrative-missing-section');
    expect(missing.map((f) => [f.severity, f.expected])).toEqual([
      ['warning', '单位概况'],
      ['warning', '部门决算情况说明'],
      ['warning', '名词解释'],
    ]);
  });

  it('a budget publication (部门预算公开) is said to be one, instead of checked as final accounts', () => {
    const doc = textDocumentFromString(
      [
        '一、收支预算总体情况说明',
        '2024年收支总预算856000.00元，比上年增加12000.00元，增长1.42%。',
        '二、一般公共预算支出情况说明',
        '基本支出预算800000.00元，项目支出预算56000.00元。',
        '三、国有资产占用情况',
        '截至2023年12月31日，资产原值合计320000.00元。',
      ].join('\n'),
    );
    const r = auditTextDocument(doc);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['document-not-disclosure', 'error']]);
    expect(r.findings[0]!.message).toContain('这是部门预算公开文件，不是部门决算公开');
    // A final-accounts text that compares with its budget is not one.
    const finalAccounts = textDocumentFromString(
      [
        '一、收入支出决算总体情况说明',
        '2024年度收入总计85.60万元，年初预算为80.00万元，支出预算执行良好。',
      ].join('\n'),
    );
    expect(auditTextDocument(finalAccounts).findings.map((f) => f.rule)).not.toContain(
      'document-not-disclosure',
    );
  });
});
