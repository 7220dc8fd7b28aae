/**
 * The spreadsheet commands as a user runs them (called as functions; the lead wires them into main):
 * template, export → import, import of an old .xls (through LibreOffice), 舍位平衡, consolidate, and
 * bad input with exit code 2 and nothing half-written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  builtinProfile,
  dataFileToYaml,
  disclosureFromData,
  loadDisclosure,
  TABLE_IDS,
  writeDocx,
  type TableId,
  writeXlsx,
} from '@juesuan/core';
import { generateUnitData } from '@juesuan/core/testing';
import { badFiles } from '../../../core/src/excel/testing-bad-files.ts';
import { fillTemplate } from '../../../core/src/excel/testing-template.ts';
import { parseSourceText } from '../../../core/src/model/yaml-source.ts';
import { declaredEmpty } from '../../../core/src/report/tables/table-layout.ts';
import { unitInYuanForTests, comparable, layoutWorkbook } from '../../../core/src/excel/testing-layouts.ts';
import { convertSpreadsheet } from '../excel-files.ts';
import { reportError, type Io } from '../main.ts';
import { toolsMissing } from '../tools.ts';
import { balanceData } from '../../../core/src/balance/balance.ts';
import { buildCommand } from './build.ts';
import { consolidateCommand } from './consolidate.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { templateCommand } from './template.ts';
import { validateCommand } from './validate.ts';

const root = join(import.meta.dirname, '../../../..');
const example = join(root, 'examples/changji-2022.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'juesuan-excel-'));

/** Runs a command as main does: exit code and output. */
async function run(
  cmd: (args: string[], io: Io) => Promise<number>,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s) };
  let code: number;
  try {
    code = await cmd(args, io);
  } catch (e) {
    code = await reportError(e, io);
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('juesuan template / export / import / consolidate', () => {
  it('template writes the data-entry workbook; with --previous its 上年 columns are filled', async () => {
    const dir = tmp();
    const last = join(dir, '2021.yaml');
    writeFileSync(last, dataFileToYaml(generateUnitData({ seed: 8, year: 2021 })));
    const out = join(dir, '填报模板.xlsx');
    const r = await run(templateCommand, ['--year', '2022', '--previous', last, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已按');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // Imported as it is, the template gives last year's figures as 上年数 and the unit's profile.
    const data = join(dir, 'd.yaml');
    const i = await run(importCommand, [out, '--out', data]);
    expect(i.code, i.err).toBe(0);
    const d = loadDisclosure(readFileSync(data), { file: data });
    const prev = loadDisclosure(readFileSync(last));
    expect(d.unit.name).toBe(prev.unit.name);
    expect(d.tables.t5.byKey.get('total')?.prior?.['total']).toBe(
      prev.tables.t5.byKey.get('total')?.values['total'],
    );
    expect(d.tables.t1.byKey.get('openingCarryover')?.values['amount']).toBe(
      prev.tables.t1.byKey.get('closingCarryover')?.values['amount'],
    );
  });

  it('template --previous takes last year’s publication too (its tables as audit reads them)', async () => {
    const dir = tmp();
    const last = disclosureFromData(generateUnitData({ seed: 8, year: 2021 }));
    const docx = join(dir, '2021年度决算公开.docx');
    writeFileSync(docx, await writeDocx(buildReport(last, builtinProfile('xinjiang-2022'))));
    const out = join(dir, '填报模板.xlsx');
    const r = await run(templateCommand, ['--year', '2022', '--previous', docx, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const data = join(dir, 'd.yaml');
    expect((await run(importCommand, [out, '--out', data])).code).toBe(0);
    const d = loadDisclosure(readFileSync(data));
    expect(d.tables.t1.byKey.get('incomeGrandTotal')?.prior?.['amount']).toBe(
      last.tables.t1.byKey.get('incomeGrandTotal')?.values['amount'],
    );
  });

  it('export → edit nothing → import gives the same data, with each row’s cell noted in the YAML', async () => {
    const dir = tmp();
    const xlsx = join(dir, '填报.xlsx');
    const yaml = join(dir, 'back.yaml');
    expect((await run(exportCommand, [example, '--out', xlsx])).code).toBe(0);
    const r = await run(importCommand, [xlsx, '--out', yaml, '--sources', join(dir, 'sources.json')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('填报模板');
    const text = readFileSync(yaml, 'utf8');
    expect(text).toMatch(/# 工作表「表五 一般公共预算财政拨款支出决算表」B\d+/);
    expect(text).toMatch(/total: 214\.73\b/);
    expect(comparable(loadDisclosure(text))).toEqual(
      comparable(loadDisclosure(readFileSync(example, 'utf8'))),
    );
    const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<
      string,
      { sheet: string; cell: string }
    >;
    expect(sources['tables.t1.rows[0].amount']).toMatchObject({ sheet: '表一 收入支出决算总表' });
  });

  const noOffice = toolsMissing(['soffice'], '.xls 导入测试');
  it.skipIf(noOffice)(
    'import reads an old .xls (converted through LibreOffice) and recovers every figure',
    { timeout: 180_000 },
    async () => {
      const dir = tmp();
      const data = generateUnitData({ seed: 91, withFund: true });
      const d = disclosureFromData(data);
      const xlsx = await writeXlsx(buildReport(d, builtinProfile('xinjiang-2022')));
      const xls = await convertSpreadsheet(xlsx, 'pub.xlsx', 'xlsx', 'xls');
      expect(Array.from(xls.subarray(0, 4))).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
      const file = join(dir, '决算报表.xls');
      writeFileSync(file, xls);
      const out = join(dir, 'd.yaml');
      const r = await run(importCommand, [file, '--out', out, '--year', '2022', '--kind', d.unit.kind]);
      expect(r.code, r.err).toBe(0);
      const got = loadDisclosure(readFileSync(out));
      for (const t of Object.values(d.tables))
        for (const row of t.rows)
          for (const [c, v] of Object.entries(row.values)) {
            if (v === undefined || (t.id === 't4' && row.key === 'incomeGrandTotal' && c !== 'total'))
              continue;
            expect(got.tables[t.id].byKey.get(row.key)?.values[c], `${t.id} ${row.key} ${c}`).toBe(v);
          }
    },
  );

  it.skipIf(noOffice)(
    'import reads the final-accounts software’s export saved as old .xls (元, 行次, "-" zeros, hidden helpers) and recovers every figure',
    { timeout: 180_000 },
    async () => {
      const dir = tmp();
      const data = unitInYuanForTests(14, { withFund: true });
      const d = disclosureFromData(data);
      const ids = new Set<string>(TABLE_IDS);
      const tables = buildReport(d, builtinProfile('xinjiang-2022')).tables.filter((t) => ids.has(t.id));
      const xlsx = await layoutWorkbook(tables, {
        unit: '元',
        sheetName: (t, i) => `Z0${i + 1} ${t.title.replace(/[“”"]/g, '')}(财决0${i + 1}表)`.slice(0, 31),
        unitLineCombined: true,
        rowNumbers: true,
        zero: 'dash',
        hiddenStuff: true,
        note: '注：本表反映部门本年度的总收支和年末结转结余情况。',
      });
      const file = join(dir, '财决报表.xls');
      writeFileSync(file, await convertSpreadsheet(xlsx, 'caijue.xlsx', 'xlsx', 'xls'));
      const out = join(dir, 'd.yaml');
      const r = await run(importCommand, [file, '--out', out, '--year', '2022', '--kind', d.unit.kind]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).not.toContain('未找到');
      const got = loadDisclosure(readFileSync(out));
      expect(got.amountUnit).toBe('元');
      let n = 0;
      for (const t of tables)
        for (const row of t.rows)
          for (const cell of row.cells) {
            if (cell.fen === undefined || !cell.ref) continue;
            n++;
            const budget = cell.ref.column.startsWith('budget.');
            const col = budget ? cell.ref.column.slice(7) : cell.ref.column;
            const g = got.tables[t.id as TableId].byKey.get(cell.ref.row);
            const zero = declaredEmpty(got, t.id as TableId) ? 0 : undefined;
            expect(
              (budget ? g?.budget?.[col] : g?.values[col]) ?? zero,
              `${t.id} ${cell.ref.row} ${col}`,
            ).toBe(cell.fen);
          }
      expect(n).toBeGreaterThan(200);
    },
  );

  it('the 2022 template filled with the seed unit’s figures: import, validate accepts it, build gives the same narrative as the example', async () => {
    const dir = tmp();
    const template = join(dir, '填报模板.xlsx');
    const t = await run(templateCommand, ['--year', '2022', '--profile', 'xinjiang-2022', '--out', template]);
    expect(t.code, t.err).toBe(0);
    const seed = parseSourceText(readFileSync(example, 'utf8')).data as Record<string, unknown>;
    const filled = join(dir, '填报.xlsx');
    writeFileSync(filled, await fillTemplate(new Uint8Array(readFileSync(template)), seed));
    const yaml = join(dir, 'data.yaml');
    const i = await run(importCommand, [filled, '--out', yaml]);
    expect(i.code, i.err).toBe(0);
    const v = await run(validateCommand, [yaml]);
    expect(v.code, v.out).toBe(0);
    const md = async (file: string, out: string) => {
      const b = await run(buildCommand, [file, '--out', out, '--format', 'md']);
      expect(b.code, b.err).toBe(0);
      return readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.md'))!,
        ),
        'utf8',
      );
    };
    const fromTemplate = await md(yaml, join(dir, 'a'));
    const fromExample = await md(example, join(dir, 'b'));
    expect(fromTemplate.length).toBeGreaterThan(5000);
    expect(fromTemplate).toBe(fromExample);
  });

  it('import --balance converts 元 to 万元 and lists each adjustment', async () => {
    const dir = tmp();
    const data = unitInYuanForTests(3);
    const xlsx = join(dir, 'yuan.xlsx');
    const { exportWorkbook } = await import('@juesuan/core');
    writeFileSync(xlsx, await exportWorkbook(data, { spareRows: 1 }));
    const out = join(dir, 'wan.yaml');
    const r = await run(importCommand, [xlsx, '--out', out, '--balance']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/舍位平衡：调整 \d+ 个数/);
    const d = loadDisclosure(readFileSync(out));
    expect(d.amountUnit).toBe('万元');
  });

  it('consolidate writes the department’s data file', async () => {
    const dir = tmp();
    const files = [1, 2, 3].map((seed) => {
      const f = join(dir, `u${seed}.yaml`);
      writeFileSync(f, dataFileToYaml(generateUnitData({ seed, kind: '事业' })));
      return f;
    });
    const out = join(dir, 'dept.yaml');
    const r = await run(consolidateCommand, [
      ...files,
      '--department',
      '示例局',
      '--kind',
      '行政',
      '--out',
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    const d = loadDisclosure(readFileSync(out));
    const units = files.map((f) => loadDisclosure(readFileSync(f)));
    expect(d.tables.t1.byKey.get('incomeTotal')?.values['amount']).toBe(
      units.reduce((s, u) => s + u.tables.t1.byKey.get('incomeTotal')!.values['amount']!, 0),
    );
    expect(d.unit.consolidatedUnits).toEqual(units.map((u) => u.unit.name));
    const bad = await run(consolidateCommand, [files[0]!, '--department', 'x', '--out', out]);
    expect(bad.code).toBe(2);
  });

  it('bad input: exit 2 with the file and the cell, in seconds, and nothing half-written', async () => {
    const dir = tmp();
    const out = join(dir, 'd.yaml');
    writeFileSync(out, 'format: juesuan-disclosure/1 # the old file\n');
    // Every bad file of issue 10's list, and an empty CSV.
    const cases: [string, Uint8Array][] = [
      ['empty.csv', new Uint8Array()],
      ...(await badFiles((b) => deflateRawSync(b, { level: 9 }))).map(
        (f) => [f.name, f.bytes] as [string, Uint8Array],
      ),
    ];
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const [name, bytes] of cases) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      const t = Date.now();
      const r = await run(importCommand, [f, '--out', out, '--year', '2022', '--kind', '行政']);
      expect(Date.now() - t, name).toBeLessThan(5000);
      expect(r.code, name).toBe(2);
      expect(r.err).toContain(name);
      expect(readFileSync(out, 'utf8')).toBe('format: juesuan-disclosure/1 # the old file\n');
    }
    const missing = await run(importCommand, [join(dir, 'nope.xlsx'), '--out', join(dir, 'new.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到文件');
    expect(existsSync(join(dir, 'new.yaml'))).toBe(false);
    const usage = await run(importCommand, []);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('用法');
  });

  /** Every 分 amount of the tables a `build --format json` wrote. */
  function tableFen(dir: string): number[] {
    const json = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const doc = JSON.parse(readFileSync(join(dir, json), 'utf8')) as { tables: unknown };
    const out: number[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'fen' && typeof x === 'number') out.push(x);
          else walk(x);
        }
    };
    walk(doc.tables);
    return out;
  }

  it('build --balance prints 万元 figures balanced and lists each adjustment; without it nothing moves', async () => {
    const dir = tmp();
    const data = unitInYuanForTests(4, { withFund: true });
    const file = join(dir, 'yuan.yaml');
    writeFileSync(file, dataFileToYaml(data));
    const expected = balanceData(data).adjustments;
    expect(expected.length).toBeGreaterThan(0);
    const r = await run(buildCommand, [file, '--out', join(dir, 'b'), '--format', 'json', '--balance']);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain(`调整 ${expected.length} 个数`);
    for (const a of expected) expect(r.out).toContain(`${a.path}：${a.rounded} → ${a.adjusted}`);
    // Balanced: the tables print whole 0.01 万元, and the rules find neither an error nor a rounding gap.
    expect(r.out).toMatch(/校验：错误 0 个，警告 \d+ 个，提示 0 个/);
    const balanced = tableFen(join(dir, 'b'));
    expect(balanced.length).toBeGreaterThan(100);
    expect(balanced.filter((f) => f % 10_000 !== 0)).toEqual([]);
    const plain = await run(buildCommand, [file, '--out', join(dir, 'p'), '--format', 'json']);
    expect(plain.code, plain.err).toBe(0);
    expect(plain.out).not.toContain('舍位平衡');
    // Without the option the 元 figures are printed as they are: exact, many not whole 0.01 万元.
    expect(tableFen(join(dir, 'p')).filter((f) => f % 10_000 !== 0).length).toBeGreaterThan(10);
  });

  it('validate --previous and build --previous check the carried figures against last year’s data', async () => {
    const dir = tmp();
    const lastData = generateUnitData({ seed: 8, year: 2021, withFund: true }) as Record<string, unknown>;
    const last = join(dir, '2021.yaml');
    writeFileSync(last, dataFileToYaml(lastData));
    const nowData = generateUnitData({ seed: 8, year: 2022, withFund: true });
    const now = join(dir, '2022.yaml');
    writeFileSync(now, dataFileToYaml(nowData));
    const closing = loadDisclosure(readFileSync(last)).tables.t1.byKey.get('closingCarryover')!;
    const opening = loadDisclosure(readFileSync(now)).tables.t1.byKey.get('openingCarryover')!;
    expect(opening.values['amount']).not.toBe(closing.values['amount']);
    const alone = await run(validateCommand, [now, '--format', 'json']);
    const aloneOut = JSON.parse(alone.out) as { findings: { rule: string }[]; notRun: { rule: string }[] };
    expect(aloneOut.findings.filter((x) => x.rule === 'carryover-previous-year')).toEqual([]);
    expect(aloneOut.notRun.map((x) => x.rule)).toContain('carryover-previous-year');
    const v = await run(validateCommand, [now, '--previous', last, '--format', 'json']);
    expect(v.code).toBe(1);
    const out = JSON.parse(v.out) as { findings: { rule: string; severity: string; location: string }[] };
    const f = out.findings.find((x) => x.rule === 'carryover-previous-year' && x.location.includes('表一'))!;
    expect(f.severity).toBe('error');
    expect(f.location).toContain('2022.yaml（2022 年度）表一「年初结转和结余」行');
    expect(f.location).toContain('2021.yaml（2021 年度）表一「年末结转和结余」行');
    // build --previous takes every 上年数 from last year's data and checks the carry-over too.
    const b = await run(buildCommand, [
      now,
      '--out',
      join(dir, 'out'),
      '--format',
      'json',
      '--previous',
      last,
    ]);
    expect(b.code).toBe(1);
    expect(b.err).toContain('年初结转和结余');
    expect(b.out).toMatch(/上年数：tables\.t1\.rows\[\d+\]\.prior\.amount 数据中为/);
    const forced = await run(buildCommand, [
      now,
      '--out',
      join(dir, 'out'),
      '--format',
      'json',
      '--previous',
      last,
      '--force',
    ]);
    expect(forced.code, forced.err).toBe(0);
    const lastTotal = loadDisclosure(readFileSync(last)).tables.t1.byKey.get('expenditureGrandTotal');
    const json = readdirSync(join(dir, 'out')).find((x) => x.endsWith('.json'))!;
    expect(readFileSync(join(dir, 'out', json), 'utf8')).toContain(String(lastTotal!.values['amount']));
    const wrongYear = await run(validateCommand, [last, '--previous', now]);
    expect(wrongYear.code).toBe(2);
    expect(wrongYear.err).toContain('不是上一年');
  });
});
