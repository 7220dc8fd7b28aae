import { describe, expect, it } from 'vitest';
import { rule } from './catalog/t2-row-sum.ts';
import { cellPath, shifted, unitData } from './testing.ts';
import { checkInvalid, checkValid, ruleCases, verifyRuleCases } from './rule-tester.ts';

const data = unitData();
const code = codeOf7(data);
const broken = shifted(data, cellPath(data, 't2', code, 'fiscal'), '0.05');

function codeOf7(d: typeof data): string {
  const rows = (d['tables'] as { t2: { rows: { code?: string }[] } }).t2.rows;
  return rows.find((r) => r.code?.length === 7)!.code!;
}

describe('rule tester', () => {
  it('counts a valid case that passes and an invalid case that fails as expected', () => {
    const c = ruleCases(rule, {
      valid: [{ name: 'consistent', input: data }],
      invalid: [
        {
          name: '项 off by 0.05',
          input: broken,
          expect: [
            {
              severity: 'error',
              difference: '-0.05',
              locations: [{ table: 't2', row: code, column: 'fiscal' }],
            },
          ],
        },
      ],
    });
    expect(verifyRuleCases(c)).toEqual({ rule: 't2-row-sum', passing: 1, failing: 1, problems: [] });
  });
  it('reports a valid case with findings and an invalid case without them', () => {
    const c = ruleCases(rule, {
      valid: [{ name: 'broken', input: broken }],
      invalid: [{ name: 'consistent', input: data, expect: [{}] }],
    });
    expect(checkValid(c, c.valid[0]!)[0]).toContain('应无发现，实有 1 条');
    expect(checkInvalid(c, c.invalid[0]!)[0]).toContain('应有 1 条发现，实有 0 条');
    expect(verifyRuleCases(c)).toMatchObject({ passing: 0, failing: 0 });
  });
  it('reports a finding that differs from the one expected', () => {
    const c = ruleCases(rule, {
      valid: [],
      invalid: [
        {
          name: 'wrong cell',
          input: broken,
          expect: [{ difference: '+0.05', locations: [{ row: 'nope' }] }],
        },
      ],
    });
    const p = checkInvalid(c, c.invalid[0]!);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('difference 应为 +0.05，实为 -0.05');
    expect(p[0]).toContain('没有位置 {"row":"nope"}');
  });
  it('runs any input through a runner of its own (document rules)', () => {
    const c = ruleCases(
      { id: 'doc-demo' },
      {
        valid: [{ name: 'clean', input: '本年度收入 10 万元。' }],
        invalid: [
          { name: 'placeholder', input: '本年度收入 XX 万元。', expect: [{ messageId: 'placeholder' }] },
        ],
      },
      (text: string) => ({
        findings: text.includes('XX')
          ? [
              {
                rule: 'doc-demo',
                severity: 'error' as const,
                category: 'statements' as const,
                message: '占位符未替换',
                messageId: 'placeholder',
                location: [{ label: '第 1 页第 1 行', page: 1, line: 1, quote: 'XX' }],
              },
            ]
          : [],
      }),
    );
    expect(verifyRuleCases(c)).toMatchObject({ passing: 1, failing: 1, problems: [] });
  });
  it('says that a rule which did not run has not passed', () => {
    const c = ruleCases(rule, {
      valid: [
        { name: 'no T2', input: { ...data, tables: { ...(data['tables'] as object), t2: { rows: [] } } } },
      ],
      invalid: [],
    });
    expect(checkValid(c, c.valid[0]!)[0]).toContain('规则未运行');
  });
});
