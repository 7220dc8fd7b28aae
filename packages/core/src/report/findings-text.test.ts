import { describe, expect, it } from 'vitest';
import { findingToJson } from '../validate.ts';
import type { Finding, RuleOutcome } from '../rules/types.ts';
import { formatFindingsText, whereIn } from './findings-text.ts';

const documentFinding: Finding = {
  rule: 'reason-placeholder',
  severity: 'error',
  category: 'reasons',
  message: '主要原因「XX」是未填写的占位文字，应写明实际原因',
  messageId: 'placeholder',
  location: [{ label: '说明 三、收入决算情况', page: 3, line: 12, quote: '主要原因是XX' }],
};
const dataFinding: Finding = {
  ...documentFinding,
  location: [{ table: 't2', row: 'total', column: 'total', label: '表二「合计」行', line: 40 }],
};

describe('findings as text', () => {
  it('names the page and line of a document span, the line of a data file', () => {
    expect(whereIn(documentFinding.location[0]!)).toBe('第 3 页第 12 行');
    expect(whereIn({ label: '封面', page: 1 })).toBe('第 1 页');
    expect(whereIn(dataFinding.location[0]!)).toBe('第 40 行');
  });
  it('prints the position of both kinds in the text report and the JSON form', () => {
    const outcome: RuleOutcome = {
      findings: [documentFinding, dataFinding],
      notRun: [],
      partial: [],
      summary: { error: 2, warning: 0, info: 0, rules: 1, notRun: 0 },
    };
    const text = formatFindingsText(outcome);
    expect(text).toContain('位置：说明三、收入决算情况：第 3 页第 12 行');
    expect(text).toContain('位置：表二「合计」行：第 40 行');
    expect(findingToJson(documentFinding).location).toBe('说明 三、收入决算情况（第 3 页第 12 行）');
    expect(findingToJson(dataFinding).location).toBe('表二「合计」行（第 40 行）');
  });
  it('prints a finding of every data category (none is left out of the text)', () => {
    const cats = [
      'profile',
      'amounts',
      't1',
      't2',
      't3',
      't4',
      't5',
      't6',
      't7',
      't8',
      't9',
      'carryover',
      'codes',
      'reasons',
      'statements',
      'other-matters',
      'performance',
    ] as const;
    const findings = cats.map((category) => ({
      ...dataFinding,
      category,
      message: `类别 ${category} 的发现`,
    }));
    const text = formatFindingsText({
      findings,
      notRun: [],
      partial: [],
      summary: { error: findings.length, warning: 0, info: 0, rules: 1, notRun: 0 },
    });
    for (const c of cats) expect(text).toContain(`类别 ${c} 的发现`);
  });
});
