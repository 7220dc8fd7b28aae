/** `juesuan catalogue import` on real XLSX/CSV files, and `validate --catalogue` using what it wrote. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '@juesuan/core';
import { main, type Io } from '../main.ts';

const example = join(import.meta.dirname, '../../../../examples/changji-2022.yaml');

function capture(): Io & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    outText: () => out.join('\n'),
    errText: () => err.join('\n'),
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'juesuan-catalogue-'));

async function writeXlsx(file: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('科目');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('juesuan catalogue import', () => {
  it('imports an official-style XLSX (title row, then 科目编码/科目名称) and writes the CSV', async () => {
    const file = join(tmp, '2024年政府收支分类科目.xlsx');
    await writeXlsx(file, [
      ['2024年政府收支分类科目（支出功能分类）'],
      ['科目编码', '科目名称'],
      ['201', '一般公共服务支出'],
      ['20139', '社会工作事务'],
      [2013901, '行政运行'],
      ['201 39 50', '事业运行'],
      ['2013999', '其他社会工作事务支出'],
    ]);
    const out = join(tmp, 'cat');
    const io = capture();
    const code = await main(
      ['catalogue', 'import', file, '--year', '2024', '--kind', 'function', '--out', out],
      io,
    );
    expect(code, io.errText()).toBe(0);
    expect(io.outText()).toContain('已导入 2024 年度支出功能分类：类 1 个、款 1 个、项 3 个');
    expect(io.outText()).toContain(join(out, 'function-2024.csv'));
    expect(readFileSync(join(out, 'function-2024.csv'), 'utf8')).toBe(
      [
        'code,name,level,parent,group',
        '201,一般公共服务支出,类,,',
        '20139,社会工作事务,款,201,',
        '2013901,行政运行,项,20139,',
        '2013950,事业运行,项,20139,',
        '2013999,其他社会工作事务支出,项,20139,',
        '',
      ].join('\n'),
    );
  });

  it('names the sheet line of a bad code (title row counted)', async () => {
    const file = join(tmp, 'bad-code.xlsx');
    await writeXlsx(file, [['标题'], ['科目编码', '科目名称'], ['201', '一般公共服务支出'], ['20X', '坏']]);
    const io = capture();
    const code = await main(['catalogue', 'import', file, '--year', '2024', '--out', join(tmp, 'bad')], io);
    expect(code).toBe(2);
    expect(io.errText()).toContain(`${file}:4  字段 code  科目编码「20X」应为 3、5 或 7 位数字`);
    expect(existsSync(join(tmp, 'bad', 'function-2024.csv'))).toBe(false);
  });

  it('a corrupt XLSX exits 2 with a Chinese message and no stack trace', async () => {
    const file = join(tmp, 'corrupt.xlsx');
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    writeFileSync(file, bytes);
    const io = capture();
    const code = await main(
      ['catalogue', 'import', file, '--year', '2024', '--kind', 'function', '--out', join(tmp, 'x')],
      io,
    );
    expect(code).toBe(2);
    expect(io.errText()).toContain('不是有效的 XLSX 文件');
    expect(io.errText()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('imports a CSV (UTF-8 with BOM) of economic codes', async () => {
    const file = join(tmp, 'econ.csv');
    writeFileSync(
      file,
      '\uFEFF科目编码,科目名称\r\n301,工资福利支出\r\n30101,基本工资\r\n302,商品和服务支出\r\n',
    );
    const out = join(tmp, 'cat');
    const io = capture();
    expect(
      await main(['catalogue', 'import', file, '--year', '2024', '--kind', 'economic', '--out', out], io),
    ).toBe(0);
    expect(io.outText()).toContain('已导入 2024 年度部门预算支出经济分类：类 2 个、款 1 个、项 0 个');
    expect(readFileSync(join(out, 'economic-2024.csv'), 'utf8')).toContain('30101,基本工资,款,301,');
  });

  it('rejects a CSV that is not UTF-8, and a bad --year or --kind', async () => {
    const file = join(tmp, 'gbk.csv');
    writeFileSync(file, Buffer.from([0xbf, 0xc6, 0xc4, 0xbf, 0x0a, 0x32, 0x30, 0x31]));
    const io = capture();
    expect(await main(['catalogue', 'import', file, '--year', '2024'], io)).toBe(2);
    expect(io.errText()).toContain('不是 UTF-8 编码');
    expect(await main(['catalogue', 'import', file, '--year', 'x'], io)).toBe(2);
    expect(await main(['catalogue', 'import', file, '--year', '2024', '--kind', 'y'], io)).toBe(2);
    expect(io.errText()).toContain('--kind 应为 function 或 economic');
  });
});

describe('juesuan validate --catalogue', () => {
  // The official 2022 list, as a user would import it: here the built-in one written out in full.
  const full = [...builtinCatalogue('function', 2022)!.entries.values()];
  async function importList(dir: string, entries: typeof full): Promise<void> {
    const file = join(tmp, `${dir}.csv`);
    writeFileSync(file, ['code,name', ...entries.map((e) => `${e.code},${e.name}`)].join('\n') + '\n');
    const io = capture();
    expect(
      await main(
        ['catalogue', 'import', file, '--year', '2022', '--kind', 'function', '--out', join(tmp, dir)],
        io,
      ),
      io.errText(),
    ).toBe(0);
  }

  it('uses the imported list: the example passes against a list that has its codes', async () => {
    await importList('full-2022', full);
    const io = capture();
    const code = await main(
      ['validate', example, '--catalogue', join(tmp, 'full-2022'), '--format', 'json'],
      io,
    );
    expect(code, io.outText()).toBe(0);
    const json = JSON.parse(io.outText()) as { findings: { rule: string }[]; partial: { rule: string }[] };
    expect(json.findings.filter((f) => f.rule.startsWith('code-'))).toEqual([]);
  });

  it('an imported (complete) list without one of the example’s 项 makes it an error', async () => {
    await importList(
      'without-2101199',
      full.filter((e) => e.code !== '2101199'),
    );
    const io = capture();
    const code = await main(
      ['validate', example, '--catalogue', join(tmp, 'without-2101199'), '--format', 'json'],
      io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(io.outText()) as {
      findings: { rule: string; severity: string; message: string }[];
    };
    // Other years' built-in lists have the code, so code-function-validity is the rule that says so.
    const f = json.findings.filter((x) => x.rule.startsWith('code-function-'));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('「2101199 其他行政事业单位医疗支出」不在 2022 年度科目表中');
  });
});

describe('juesuan catalogue list / built-in list honesty', () => {
  const complete = join(import.meta.dirname, '../../../../examples/qingsui-2024.yaml');
  // The complete example with its 款 21208 (and 项 2120804) renumbered to a 款 the built-in list lacks.
  const unknownKuan = join(tmp, 'qingsui-21218.yaml');
  writeFileSync(
    unknownKuan,
    readFileSync(complete, 'utf8').replaceAll("'21208'", "'21218'").replaceAll("'2120804'", "'2121804'"),
  );

  it('shows, per year, how many rows come from a public document, a MoF notice, or are unverified', async () => {
    const io = capture();
    expect(await main(['catalogue', 'list', '--dir', join(tmp, 'none')], io)).toBe(0);
    const out = io.outText();
    expect(out).toContain('多数行未与财政部《政府收支分类科目》核对，可能不全');
    expect(out).toMatch(
      /2024 年度 970 行：见于本年度公开文件 42；见于财政部增补通知 1；.*未核对（按一般知识整理） 921/,
    );
    expect(out).toMatch(/2025 年度 973 行：见于财政部增补通知 4；/);
    expect(out).toContain('财政部 财预〔2025〕41号（2025-05-23）');
    expect(out).toContain('未导入官方科目表');
    expect(out).toContain(
      'juesuan catalogue import <2024年政府收支分类科目.xlsx> --year 2024 --kind function',
    );
  });

  it('--rows prints each row of a year with its source', async () => {
    const io = capture();
    expect(await main(['catalogue', 'list', '--year', '2025', '--kind', 'function', '--rows'], io)).toBe(0);
    const lines = io.outText().split('\n');
    expect(lines).toContain(
      '    23107\t中央金融机构注资特别国债还本支出\t款\t见于财政部增补通知：财政部 财预〔2025〕41号（2025-05-23）',
    );
    expect(lines).toContain('    20101\t人大事务\t款\t未核对（按一般知识整理）');
    expect(lines.filter((l) => l.startsWith('    2'))).toHaveLength(973);
  });

  it('validate: a 款 missing from the built-in list is a warning (exit 0) naming the import command', async () => {
    const io = capture();
    const code = await main(['validate', unknownKuan, '--format', 'json'], io);
    const json = JSON.parse(io.outText()) as {
      findings: { rule: string; severity: string; message: string }[];
    };
    expect(code, io.outText()).toBe(0);
    const f = json.findings.filter((x) => x.rule === 'code-function-known');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(f[0]!.message).toContain('「21218 国有土地使用权出让收入安排的支出」不在内置的 2024 年度科目表中');
    expect(f[0]!.message).toContain('juesuan catalogue import');
    expect(json.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('validate --catalogue: the same 款 is an error (exit 1) against an imported official 2024 list', async () => {
    const list = join(tmp, 'official-2024.csv');
    const entries = [...builtinCatalogue('function', 2024)!.entries.values()];
    writeFileSync(
      list,
      ['科目编码,科目名称', ...entries.map((e) => `${e.code},${e.name}`)].join('\n') + '\n',
    );
    const dir = join(tmp, 'official');
    const imp = capture();
    expect(
      await main(['catalogue', 'import', list, '--year', '2024', '--kind', 'function', '--out', dir], imp),
    ).toBe(0);
    const io = capture();
    const code = await main(['validate', unknownKuan, '--catalogue', dir, '--format', 'json'], io);
    expect(code).toBe(1);
    const json = JSON.parse(io.outText()) as {
      findings: { rule: string; severity: string; message: string }[];
    };
    const f = json.findings.filter((x) => x.rule === 'code-function-known');
    expect(f.map((x) => x.severity)).toEqual(['error', 'error']);
    expect(f[0]!.message).toContain(`不在 2024 年度科目表（${join(dir, 'function-2024.csv')}）中`);
    const listed = capture();
    await main(['catalogue', 'list', '--dir', dir], listed);
    expect(listed.outText()).toContain(
      `已导入的官方科目表（${dir}，校验时加 --catalogue ${dir}）：function-2024.csv`,
    );
  });
});
