import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, JuesuanError } from '../errors.ts';
import { loadDisclosure, MAX_DATA_FILE_BYTES } from './load.ts';

const examplePath = join(import.meta.dirname, '../../../../examples/changji-2022.yaml');
const example = readFileSync(examplePath, 'utf8');

function failure(input: string | Uint8Array, file = 'bad.yaml'): JuesuanError {
  try {
    loadDisclosure(typeof input === 'string' ? new TextEncoder().encode(input) : input, { file });
  } catch (e) {
    expect(e).toBeInstanceOf(JuesuanError);
    return e as JuesuanError;
  }
  throw new Error('expected the input to be rejected');
}

const minimal = (body: string) => `format: juesuan-disclosure/1
year: 2022
unit:
  name: 测试单位
  kind: 行政
tables:
${body}
`;

describe('loading the example', () => {
  it('reads every table and keeps amounts as integer 分', () => {
    const d = loadDisclosure(new TextEncoder().encode(example), { file: 'changji-2022.yaml' });
    expect(d.year).toBe(2022);
    expect(d.unit.kind).toBe('事业');
    expect(d.tables.t1.byKey.get('incomeGrandTotal')?.values['amount']).toBe(360_440_000);
    expect(d.tables.t5.byKey.get('2010450')?.prior?.['total']).toBe(91_730_000);
    expect(d.tables.t4.byKey.get('incomeGrandTotal')?.budget?.['total']).toBe(190_410_000);
    expect(d.tables.t5.byKey.get('2010450')?.level).toBe('项');
    expect(d.halfStepFen).toBe(5000);
    expect(d.performance?.projects[0]?.indicators).toHaveLength(11);
    expect(d.performance?.projects[0]?.indicators[7]?.operator).toBe('<=');
    expect(d.performance?.projects[0]?.indicators[7]?.targetValue).toBe('20');
  });
  it('knows unknown from zero', () => {
    const d = loadDisclosure(example);
    expect(d.tables.t3.byKey.get('total')?.values['remittance']).toBe(0);
    expect(d.tables.t5.byKey.get('2010450')?.values['basic']).toBeUndefined();
    expect(d.tables.t1.byKey.get('201')).toBeUndefined();
  });
  it('gives each cell its line in the file', () => {
    const d = loadDisclosure(example);
    const row = d.tables.t5.byKey.get('2010450')!;
    const line = row.cellSources?.['total']?.line;
    expect(line).toBeDefined();
    expect(example.split('\n')[line! - 1]).toContain('total: 100.85');
  });
  it('reads the same data from JSON', () => {
    const json = JSON.stringify({
      format: 'juesuan-disclosure/1',
      year: 2022,
      unit: { name: '测试', kind: '行政' },
      tables: {
        t1: {
          rows: [
            { row: 'incomeTotal', amount: 258.51 },
            { row: 'otherIncome', amount: '1,043.78' },
          ],
        },
      },
    });
    const d = loadDisclosure(json);
    expect(d.tables.t1.byKey.get('incomeTotal')?.values['amount']).toBe(258_510_000);
    expect(d.tables.t1.byKey.get('otherIncome')?.values['amount']).toBe(1_043_780_000);
  });
  it('accepts amounts in 元 with their own tolerance', () => {
    const d = loadDisclosure(
      minimal(`  t1:\n    rows:\n      - { row: incomeTotal, amount: '2,585,100.37' }`).replace(
        'year: 2022',
        'year: 2022\namountUnit: 元',
      ),
    );
    expect(d.tables.t1.byKey.get('incomeTotal')?.values['amount']).toBe(258_510_037);
    expect(d.halfStepFen).toBe(0.5);
  });
});

describe('bad input gets a clear Chinese error with line and field', () => {
  it('malformed YAML', () => {
    const e = failure('format: juesuan-disclosure/1\nyear: [2022\nunit: {');
    expect(e.code).toBe('E_BAD_SYNTAX');
    expect(e.problems[0]?.line).toBeGreaterThan(0);
    expect(formatProblem(e.problems[0]!)).toMatch(/bad\.yaml:\d+/);
  });
  it('an unclosed bracket is named as such, not as wrong indentation', () => {
    const e = failure('format: juesuan-disclosure/1\nunit:\n  name: [某单位\n  code: 1\n');
    expect(e.code).toBe('E_BAD_SYNTAX');
    expect(e.problems[0]?.message).toContain('方括号 [ 没有配对的 ]');
    expect(e.problems[0]?.line).toBe(4);
    const m = failure('format: juesuan-disclosure/1\nunit:\n  name: {a: 1\n  code: 1\n');
    expect(m.problems[0]?.message).toContain('花括号 { 没有配对的 }');
    // Indentation that is wrong is still said to be so.
    const i = failure('format: juesuan-disclosure/1\nunit:\n  name: 某单位\n   code: 1\n');
    expect(i.problems[0]?.message).not.toContain('括号');
  });
  it('malformed JSON', () => {
    const e = failure('{"format": "juesuan-disclosure/1", "year": 2022,, }', 'bad.json');
    expect(e.code).toBe('E_BAD_SYNTAX');
    expect(e.problems[0]?.file).toBe('bad.json');
  });
  it('duplicate keys', () => {
    const e = failure('format: juesuan-disclosure/1\nyear: 2022\nyear: 2023\n');
    expect(e.problems[0]?.message).toContain('重复');
    expect(e.problems[0]?.line).toBe(3);
  });
  it('wrong types', () => {
    const e = failure(minimal('  t1:\n    rows: 12').replace('year: 2022', "year: '二〇二二'"));
    expect(e.code).toBe('E_BAD_INPUT');
    const year = e.problems.find((p) => p.path === 'year')!;
    expect(year.message).toMatch(/应为数字/);
    expect(year.line).toBe(2);
    expect(e.problems.find((p) => p.path === 'tables.t1.rows')?.message).toMatch(/应为列表/);
  });
  it('unknown fields, with the line of the field', () => {
    const e = failure(minimal('  t1:\n    rows:\n      - { row: incomeTotal, amount: 1.00, amout: 2.00 }'));
    const p = e.problems[0]!;
    expect(p.message).toContain('未知字段「amout」');
    expect(p.path).toBe('tables.t1.rows[0].amout');
    expect(p.line).toBe(9);
  });
  it('unknown table', () => {
    const e = failure(minimal('  t10:\n    rows: []'));
    expect(e.problems[0]?.message).toContain('未知字段「t10」');
  });
  it('a 项 code under the wrong 款', () => {
    const e = failure(
      minimal(`  t5:
    rows:
      - { code: '201', total: 1.00 }
      - { code: '20104', total: 1.00 }
      - { code: '2010450', total: 1.00 }
      - { code: '208', total: 1.00 }
      - { code: '20805', total: 1.00 }
      - { code: '2010499', total: 0.00 }
      - { code: '2080505', total: 1.00 }`),
    );
    expect(e.code).toBe('E_BAD_INPUT');
    const p = e.problems[0]!;
    expect(p.message).toContain('2010499');
    expect(p.message).toContain('应在「20104」之下');
    expect(p.path).toBe('tables.t5.rows[5].code');
    expect(p.line).toBe(14);
  });
  it('duplicate rows', () => {
    const e = failure(
      minimal(
        `  t5:\n    rows:\n      - { code: '2010450', total: 1.00 }\n      - { code: '2010450', total: 2.00 }`,
      ),
    );
    expect(e.problems[0]?.message).toMatch(/重复的行「2010450」/);
    expect(e.problems[0]?.line).toBe(10);
  });
  it('text where a number belongs', () => {
    const e = failure(minimal(`  t5:\n    rows:\n      - { row: total, total: 一百万, basic: 1.00 }`));
    expect(e.problems[0]?.message).toContain('「一百万」不是金额');
    expect(e.problems[0]?.path).toBe('tables.t5.rows[0].total');
    expect(e.problems[0]?.line).toBe(9);
  });
  it('amounts finer than 1 分', () => {
    const e = failure(minimal(`  t5:\n    rows:\n      - { row: total, total: 1.0000001 }`));
    expect(e.problems[0]?.message).toContain('精度超过 1 分');
  });
  it('negative amounts where none can be', () => {
    const e = failure(minimal(`  t5:\n    rows:\n      - { row: total, total: -3.00 }`));
    expect(e.problems[0]?.message).toContain('金额不能为负数');
  });
  it('a code in a table without code rows, and a 项 in T1', () => {
    const e = failure(
      minimal(
        `  t7:\n    rows:\n      - { code: '201', final: 1.00 }\n  t1:\n    rows:\n      - { code: '2010450', amount: 1.00 }`,
      ),
    );
    expect(e.problems.map((p) => p.message).join('\n')).toMatch(/没有科目行/);
    expect(e.problems.map((p) => p.message).join('\n')).toMatch(/只列支出功能分类的类/);
  });
  it('a row with neither row nor code, and a bad code', () => {
    const e = failure(
      minimal(`  t5:\n    rows:\n      - { total: 1.00 }\n      - { code: '20104x', total: 1.00 }`),
    );
    const all = e.problems.map((p) => p.message).join('\n');
    expect(all).toMatch(/3、5 或 7 位数字/);
  });
  it('a file that is not a data file at all', () => {
    expect(
      failure(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]), 'x.pdf').message,
    ).toContain('PDF');
    expect(failure(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'x.docx').message).toContain('DOCX');
    expect(failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]), 'x.png').message).toContain('PNG');
    expect(failure(new Uint8Array([1, 2, 0, 4, 5]), 'x.bin').message).toContain('二进制');
    expect(failure(new Uint8Array([0xb2, 0xe2, 0xca, 0xd4, 0x0a]), 'gbk.yaml').message).toContain('UTF-8');
    const prose = failure('这是一段普通的文字，不是数据。');
    expect(prose.code).toBe('E_NOT_DATA_FILE');
    expect(prose.problems[0]?.message).toContain('format: juesuan-disclosure/1');
    expect(failure('format: something-else\n').problems[0]?.message).toContain('format 应为');
    expect(failure('').code).toBe('E_NOT_DATA_FILE');
    expect(failure('- a\n- b\n').code).toBe('E_NOT_DATA_FILE');
  });
  it('a file that is too large', () => {
    const e = failure(new Uint8Array(MAX_DATA_FILE_BYTES + 1));
    expect(e.code).toBe('E_TOO_LARGE');
  });
  it('alias bombs are refused', () => {
    const bomb = ['format: juesuan-disclosure/1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const e = failure(bomb.join('\n'));
    expect(e.code).toBe('E_BAD_SYNTAX');
    // In Chinese: the YAML reader's own English message is not passed on.
    expect([e.message, ...e.problems.map((p) => p.message)].join('\n')).not.toMatch(/Excessive|alias count/);
  });
});
