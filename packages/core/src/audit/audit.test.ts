import { describe, expect, it } from 'vitest';
import { validateDisclosure } from '../validate.ts';
import { auditTextDocument } from './audit.ts';
import { textDocumentFromString } from './plain-text.ts';

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
