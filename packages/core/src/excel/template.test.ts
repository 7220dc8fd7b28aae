/**
 * The data-entry workbook: what it offers a person (drop-downs of the year's codes, formulas in locked
 * cells, checked amount cells, instructions), that a filled-in template imports to a complete data
 * file (the seed unit: validates and builds the same narrative), and that export → import is lossless.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../classification/builtin.ts';
import { JuesuanError } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData, loadDisclosure } from '../model/load.ts';
import { parseSourceText } from '../model/yaml-source.ts';
import { ruleSettingsFor } from '../profiles/rule-settings.ts';
import { paragraphText, type Block } from '../report/document.ts';
import { buildNarrative } from '../report/narrative.ts';
import { builtinProfile } from '../report/profile.ts';
import { validateDisclosure } from '../validate.ts';
import { importWorkbook } from './import.ts';
import { exportWorkbook, templateWorkbook } from './template.ts';
import { comparable } from './testing-layouts.ts';
import { fillTemplate, keyRow, open, rowWithKey } from './testing-template.ts';
import { TABLE_SHEETS } from './template-layout.ts';

type Obj = Record<string, unknown>;
const root = join(import.meta.dirname, '../../../..');

function narrativeText(d: Disclosure): string {
  const blocks: Block[] = buildNarrative({
    d,
    profile: builtinProfile('xinjiang-2022'),
    catalogues: builtinCatalogues(d.year),
    settings: ruleSettingsFor('xinjiang-2022'),
  });
  return blocks
    .map((b) => (b.type === 'heading' ? b.text : b.type === 'paragraph' ? paragraphText(b) : ''))
    .join('\n');
}

const seedText = readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8');
const seedData = parseSourceText(seedText).data as Obj;

describe('the data-entry workbook', () => {
  it('offers the year’s codes in drop-downs, formulas in locked cells, checked amounts and instructions', async () => {
    const wb = await open(await templateWorkbook({ year: 2024, profile: 'shanghai-2024' }));
    const names = wb.worksheets.map((w) => w.name);
    for (const s of [
      '填报说明',
      '单位概况',
      '三公经费情况',
      '机关运行经费',
      '政府采购',
      '国有资产',
      '预算绩效',
      '绩效项目',
      '绩效目标',
      '绩效指标',
      ...TABLE_SHEETS.map((t) => t.name),
    ])
      expect(names).toContain(s);
    const codes = wb.getWorksheet('科目表')!;
    expect(codes.state).toBe('hidden');
    const listed: string[] = [];
    codes.getColumn(1).eachCell((c) => listed.push(String(c.value)));
    expect(listed).toContain('20139 社会工作事务'); // new 款 in 2024
    const t5 = wb.getWorksheet(TABLE_SHEETS[4]!.name)!;
    const cols = keyRow(t5);
    const total = rowWithKey(t5, 'total');
    const codeRow = total + 1;
    const dv = (t5 as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const codeAddr = t5.getCell(codeRow, cols.get('code')!).address;
    expect(dv[codeAddr]?.type).toBe('list');
    expect(String(dv[codeAddr]?.formulae[0])).toContain('科目表');
    const amountRule = Object.entries(dv).find(([a]) =>
      a.startsWith(t5.getCell(total, cols.get('v:basic')!).address),
    );
    expect(amountRule?.[1].type).toBe('custom');
    expect(String(amountRule?.[1].formulae[0])).toMatch(/ISNUMBER.*>=0.*ROUND/);
    // 合计 is a formula, locked; a code row's figures are open for typing.
    const totalCell = t5.getCell(total, cols.get('v:total')!);
    expect((totalCell.value as ExcelJS.CellFormulaValue).formula).toMatch(/^[A-Z]+\d+\+[A-Z]+\d+$/);
    expect(totalCell.protection?.locked ?? true).toBe(true); // locked is Excel's default
    expect(t5.getCell(total, cols.get('v:basic')!).value).toMatchObject({
      formula: expect.stringContaining('SUMIF'),
    });
    expect(t5.getCell(codeRow, cols.get('v:basic')!).protection?.locked).toBe(false);
    expect((t5 as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const kind = wb.getWorksheet('单位概况')!;
    const kr = rowWithKey(kind, 'unit.kind');
    expect(
      (kind as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
        .dataValidations.model[`C${kr}`]?.formulae[0],
    ).toBe('"行政,参公,事业"');
    expect(String(wb.getWorksheet('填报说明')!.getCell(1, 1).value)).toContain('2024 年度');
  });

  it('an empty template names what is missing, at its cell', async () => {
    const bytes = await templateWorkbook({ year: 2024 });
    const e = await importWorkbook(bytes, '填报模板.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(JuesuanError);
    const text = (e as JuesuanError).problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/工作表「单位概况」C\d+/);
  });

  it('the 2022 template filled with the seed unit’s figures imports to data that validates and builds the same narrative', async () => {
    const filled = await fillTemplate(
      await templateWorkbook({ year: 2022, profile: 'xinjiang-2022' }),
      seedData,
    );
    const r = await importWorkbook(filled, '填报.xlsx');
    const d = disclosureFromData(r.data);
    expect(validateDisclosure(d).summary.error).toBe(0);
    const seed = loadDisclosure(seedText);
    expect(narrativeText(d)).toBe(narrativeText(seed));
    expect(comparable(d)).toEqual(comparable(seed));
  });

  it('export → import gives back every example exactly', async () => {
    const files = readdirSync(join(root, 'examples')).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(root, 'examples', f), 'utf8');
      const data = parseSourceText(text, f).data as Obj;
      const r = await importWorkbook(await exportWorkbook(data), `${f}.xlsx`);
      expect(comparable(disclosureFromData(r.data)), f).toEqual(
        comparable(loadDisclosure(text, { file: f })),
      );
      // The model form exports the same way.
      const r2 = await importWorkbook(await exportWorkbook(loadDisclosure(text)), `${f}.xlsx`);
      expect(comparable(disclosureFromData(r2.data)), f).toEqual(comparable(loadDisclosure(text)));
    }
  });

  it('a total whose parts the data does not give is written as stated, not as a formula', async () => {
    const wb = await open(await exportWorkbook(seedData));
    const t5 = wb.getWorksheet(TABLE_SHEETS[4]!.name)!;
    const cols = keyRow(t5);
    // 2010450 事业运行: total given, 基本/项目 not.
    let r = 0;
    for (let i = 6; i <= t5.rowCount; i++) if (t5.getCell(i, cols.get('code')!).value === '2010450') r = i;
    const cell = t5.getCell(r, cols.get('v:total')!);
    expect(cell.value).toBe(100.85);
    expect(cell.note).toBeDefined();
    // T3's 合计 row: total = Σ parts holds, so it is a formula with its result.
    const t3 = wb.getWorksheet(TABLE_SHEETS[2]!.name)!;
    const c3 = keyRow(t3);
    expect(t3.getCell(rowWithKey(t3, 'total'), c3.get('v:total')!).value).toMatchObject({ result: 236.23 });
  });
});
