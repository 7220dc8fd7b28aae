/** The CLI adds its commands and options to core's neutral messages (core names none: see core's no-cli test). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  JuesuanError,
  loadDisclosure,
  sniffSpreadsheet,
  templateWorkbook,
  validateDisclosure,
  type Finding,
  type InputProblem,
} from '@juesuan/core';
import { IMPORT_HOW } from './commands/template.ts';
import { problemWithHint, withCliHints } from './hints.ts';

const example = readFileSync(join(import.meta.dirname, '../../../examples/changji-2022.yaml'), 'utf8');

function thrown(f: () => unknown): JuesuanError {
  try {
    f();
  } catch (e) {
    if (e instanceof JuesuanError) return e;
    throw e;
  }
  throw new Error('没有抛出错误');
}

describe('CLI hints', () => {
  // 款 21011 renumbered to 21018, which the built-in 2022 list lacks.
  const unknownKuan = loadDisclosure(
    example.replaceAll("'21011'", "'21018'").replace(/'21011(\d\d)'/g, "'21018$1'"),
    { file: 'x.yaml' },
  );

  it('a code missing from the built-in list: core asks for the official list, the CLI names the import command', () => {
    const outcome = validateDisclosure(unknownKuan);
    const core = outcome.findings.filter((f) => f.rule === 'code-function-known');
    expect(core.length).toBeGreaterThan(0);
    for (const f of core) {
      expect(f.messageId).toBe('not-in-builtin');
      expect(f.message).toContain('编码无误时导入该年度官方科目表后再校验');
      expect(f.message).not.toContain('juesuan');
    }
    const cli = withCliHints(outcome, unknownKuan.year).findings.filter(
      (f: Finding) => f.rule === 'code-function-known',
    );
    expect(cli.map((f) => f.message)).toEqual(
      core.map(
        (f) =>
          `${f.message}（导入：juesuan catalogue import <2022年政府收支分类科目.xlsx> --year 2022 --kind function，再以 --catalogue <目录> 校验）`,
      ),
    );
    // Other findings are left as they are.
    const others = outcome.findings.filter((f) => f.rule !== 'code-function-known');
    expect(withCliHints(outcome, 2022).findings.filter((f) => f.rule !== 'code-function-known')).toEqual(
      others,
    );
  });

  it('rules that could not run say what they need as an id; the CLI names the option or command by it', () => {
    // A year without a built-in catalogue and no last year's data.
    const d = loadDisclosure(example.replace(/^year: 2022$/m, 'year: 2031'), { file: 'x.yaml' });
    const outcome = validateDisclosure(d);
    const byRule = new Map([...outcome.notRun, ...outcome.partial].map((n) => [n.rule, n]));
    expect(byRule.get('code-function-known')?.need).toBe('catalogue');
    expect(byRule.get('carryover-previous-year')?.need).toBe('previous-data-file');
    const withHints = withCliHints(outcome, d.year);
    const hinted = new Map([...withHints.notRun, ...withHints.partial].map((n) => [n.rule, n.detail]));
    expect(hinted.get('code-function-known')).toMatch(
      /（导入：juesuan catalogue import .+ --year 2031 --kind function）$/,
    );
    expect(hinted.get('code-economic-known')).toMatch(/--kind economic）$/);
    expect(hinted.get('carryover-previous-year')).toMatch(/（用 --previous 给出上年数据）$/);
    // Rules without a need keep core's detail as it is.
    for (const n of [...outcome.notRun, ...outcome.partial])
      if (n.need === undefined) expect(hinted.get(n.rule)).toBe(n.detail);
    // Core's details never name a command.
    for (const n of outcome.notRun) expect(n.detail).not.toContain('juesuan');
  });

  it('a unit whose codes are all listed gets no import hint', () => {
    const outcome = validateDisclosure(loadDisclosure(example, { file: 'x.yaml' }));
    expect(withCliHints(outcome, 2022).findings).toEqual(outcome.findings);
  });

  it('a PDF given to the import: core says it is a published document, the CLI names juesuan audit', () => {
    const e = thrown(() => sniffSpreadsheet(new TextEncoder().encode('%PDF-1.7\n'), '公开.pdf'));
    expect(e.problems[0]!.need).toBe('audit');
    expect(e.problems[0]!.message).not.toContain('juesuan');
    expect(problemWithHint(e.problems[0]!).message).toBe(
      `${e.problems[0]!.message}（用 juesuan audit 审查）`,
    );
  });

  it('each need has its option or command; a problem without a need is left as it is', () => {
    const p = (need: InputProblem['need']): string => problemWithHint({ message: '缺', need }).message;
    expect(p('year')).toBe('缺（用 --year 指明）');
    expect(p('unit-kind')).toBe('缺（用 --kind 行政|参公|事业 指明）');
    expect(p('rule-ids')).toBe('缺（juesuan rules 列出全部规则）');
    const plain = { file: 'a.xlsx', message: '不是有效的 Excel 工作簿' };
    expect(problemWithHint(plain)).toBe(plain);
  });

  it('consolidating units of different kinds says the kind was guessed, for the CLI to name --kind', () => {
    const other = (kind: string) =>
      loadDisclosure(example.replace(/kind: 事业/, `kind: ${kind}`).replace(/name: .*/, 'name: 乙单位'), {
        file: 'b.yaml',
      });
    const a = loadDisclosure(example, { file: 'a.yaml' });
    const r = consolidate([a, other('行政')], { department: '部门' });
    expect(r.kindGuessed).toBe(true);
    expect(r.notes.join('\n')).toContain('可另行指明部门性质');
    expect(consolidate([a, other('事业')], { department: '部门' }).kindGuessed).toBeUndefined();
    expect(consolidate([a, other('行政')], { department: '部门', kind: '行政' }).kindGuessed).toBeUndefined();
  });

  it('the template’s instructions: neutral from core, with the import command from the CLI', async () => {
    const usage = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      return String(ws.getCell(3, 1).value);
    };
    expect(await usage(await templateWorkbook({ year: 2022 }))).toBe(
      '一、用途：填好后导入本文件，得到可校验、可生成公开文件的数据文件。',
    );
    expect(await usage(await templateWorkbook({ year: 2022, importHow: IMPORT_HOW }))).toBe(
      '一、用途：填好后运行 juesuan import 本文件 --out 数据.yaml，得到可校验、可生成公开文件的数据文件。',
    );
  });
});
