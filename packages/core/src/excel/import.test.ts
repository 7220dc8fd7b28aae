/**
 * Import of workbooks in the layouts real files use (testing-layouts.ts writes them from a unit's
 * printed tables): every printed figure must come back, in its table, row and column, with the sheet
 * and cell it was read from.
 */
import { describe, expect, it } from 'vitest';
import { amountCells } from '../balance/identities.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { TABLE_IDS, type TableId } from '../model/tables.ts';
import { buildReport } from '../report/build.ts';
import type { DocTable } from '../report/document.ts';
import { declaredEmpty } from '../report/tables/table-layout.ts';
import { builtinProfile } from '../report/profile.ts';
import { writeXlsx } from '../report/writers/xlsx.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import {
  importWorkbook,
  importWorkbooks,
  pathOfLocation,
  sourceOfPath,
  type ImportResult,
} from './import.ts';
import {
  layoutCsv,
  layoutWorkbook,
  toGb18030,
  unitInYuanForTests,
  type LayoutOptions,
} from './testing-layouts.ts';

type Obj = Record<string, unknown>;

const unitInYuan = unitInYuanForTests;

function tablesOf(d: Disclosure, profile: string): DocTable[] {
  return buildReport(d, builtinProfile(profile)).tables.filter((t) =>
    (TABLE_IDS as readonly string[]).includes(t.id),
  );
}

/** Every printed amount of the tables, and whether the import gives it back exactly. */
function compare(tables: DocTable[], imported: Disclosure): { total: number; wrong: string[] } {
  const wrong: string[] = [];
  let total = 0;
  for (const t of tables) {
    const table = imported.tables[t.id as TableId];
    for (const row of t.rows)
      for (const cell of row.cells) {
        if (cell.fen === undefined || !cell.ref) continue;
        total++;
        const budget = cell.ref.column.startsWith('budget.');
        const col = budget ? cell.ref.column.slice(7) : cell.ref.column;
        const r = table.byKey.get(cell.ref.row);
        // A table declared empty prints 0 where its (absent) rows would be.
        const zero = declaredEmpty(imported, t.id as TableId) ? 0 : undefined;
        const got = (budget ? r?.budget?.[col] : r?.values[col]) ?? zero;
        if (got !== cell.fen)
          wrong.push(`${t.id} ${cell.ref.row} ${cell.ref.column}: ${cell.fen} → ${String(got)}`);
      }
  }
  return { total, wrong };
}

async function roundTrip(
  data: Obj,
  profile: string,
  write: (tables: DocTable[]) => Promise<ImportResult>,
): Promise<{ total: number; wrong: string[]; result: ImportResult }> {
  const d = disclosureFromData(data);
  const tables = tablesOf(d, profile);
  const result = await write(tables);
  const imported = disclosureFromData(result.data);
  return { ...compare(tables, imported), result };
}

const kindOf = (data: Obj) => (data['unit'] as { kind: '行政' | '参公' | '事业' }).kind;

describe('import recovers every printed figure', () => {
  it('the final-accounts software export: Z01 … (财决01表) sheets, 元, 行次 and 栏次, "-" zeros, hidden helpers, notes', async () => {
    for (const seed of [11, 12, 13]) {
      const data = unitInYuan(seed, { withFund: seed === 12 });
      const o: LayoutOptions = {
        unit: '元',
        sheetName: (t, i) => `Z0${i + 1} ${t.title.replace(/[“”"]/g, '')}(财决0${i + 1}表)`.slice(0, 31),
        titleTag: (_t, i) => `公开0${i + 1}表`,
        unitLineCombined: true,
        rowNumbers: true,
        zero: 'dash',
        hiddenStuff: true,
        note: '注：本表反映部门本年度的总收支和年末结转结余情况。',
      };
      const { total, wrong, result } = await roundTrip(data, 'xinjiang-2022', async (tables) =>
        importWorkbook(await layoutWorkbook(tables, o), 'caijue.xlsx', {
          year: 2022,
          unit: { kind: kindOf(data) },
        }),
      );
      expect(wrong).toEqual([]);
      expect(total).toBeGreaterThan(200);
      expect(result.data['amountUnit']).toBe('元');
      expect(result.report.notFound).toEqual([]);
      // The unit's name comes from the "编制单位：" line; hidden rows and columns are reported.
      expect((result.data['unit'] as Obj)['name']).toBe(`示例单位${seed}`);
      expect(result.report.skipped.some((s) => s.reason.includes('隐藏列'))).toBe(true);
      expect(result.report.skipped.some((s) => s.reason.includes('隐藏行'))).toBe(true);
    }
  });

  it("a publication's nine-table workbook (the project's own XLSX, merged codes, 万元, blank zeros)", async () => {
    for (const seed of [21, 22]) {
      const data = generateUnitData({ seed, withFund: seed === 22 }) as Obj;
      const { total, wrong, result } = await roundTrip(data, 'xinjiang-2022', async (tables) => {
        const bytes = await writeXlsx({
          ...buildReport(disclosureFromData(data), builtinProfile('xinjiang-2022')),
          tables,
        });
        return importWorkbook(bytes, 'publication.xlsx', { year: 2022, unit: { kind: kindOf(data) } });
      });
      expect(wrong).toEqual([]);
      expect(total).toBeGreaterThan(200);
      expect(result.data['amountUnit']).toBe('万元');
      expect(result.report.warnings).toEqual([]);
    }
  });

  it('split code columns (类 / 款 / 项), T5 with 年初预算数, T6 two-sided (Shanghai 2024 form)', async () => {
    const data = generateUnitData({ seed: 31, withFund: true }) as Obj;
    const { total, wrong } = await roundTrip(data, 'shanghai-2024', async (tables) => {
      const bytes = await writeXlsx({
        ...buildReport(disclosureFromData(data), builtinProfile('shanghai-2024')),
        tables,
      });
      return importWorkbook(bytes, 'shanghai.xlsx', { year: 2022, unit: { kind: kindOf(data) } });
    });
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(200);
  });

  it('元 with thousands separators as text, year in the titles, central form (T6 两栏, T9 expenditure only)', async () => {
    const data = unitInYuan(41, { withFund: true });
    const o: LayoutOptions = {
      unit: '元',
      thousandsText: true,
      zero: 'number',
      year: 2022,
      sheetName: (_t, i) => `表${i + 1}`,
    };
    const { total, wrong, result } = await roundTrip(data, 'central', async (tables) =>
      importWorkbook(await layoutWorkbook(tables, o), 'central.xlsx', { unit: { kind: kindOf(data) } }),
    );
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(200);
    expect(result.data['year']).toBe(2022);
  });

  it('several tables on one sheet, one under another', async () => {
    const data = generateUnitData({ seed: 51, withFund: true }) as Obj;
    const { total, wrong, result } = await roundTrip(data, 'xinjiang-2022', async (tables) =>
      importWorkbook(await layoutWorkbook(tables, { unit: '万元', oneSheet: true }), 'one-sheet.xlsx', {
        year: 2022,
        unit: { kind: kindOf(data) },
      }),
    );
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(200);
    expect(new Set(result.report.tables.map((t) => t.sheet))).toEqual(new Set(['决算报表']));
  });

  it('CSV, one file per table, GB 18030 encoded as Excel on Chinese Windows saves it', async () => {
    const data = unitInYuan(61);
    const { total, wrong } = await roundTrip(data, 'xinjiang-2022', async (tables) =>
      importWorkbooks(
        tables.map((t, i) => ({
          bytes: toGb18030(layoutCsv(t, { unit: '元', zero: 'dash' })),
          fileName: `表${i + 1}.csv`,
        })),
        { year: 2022, unit: { kind: kindOf(data) } },
      ),
    );
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThan(200);
  });

  it('keeps the sheet and cell of every figure, and maps a finding back to its cell', async () => {
    const data = generateUnitData({ seed: 71 }) as Obj;
    const d = disclosureFromData(data);
    const bytes = await writeXlsx(buildReport(d, builtinProfile('xinjiang-2022')));
    const r = await importWorkbook(bytes, 'pub.xlsx', { year: 2022, unit: { kind: d.unit.kind } });
    const path = pathOfLocation(r.data, { table: 't5', row: 'total', column: 'total' })!;
    const src = sourceOfPath(r.sources, path)!;
    expect(src.file).toBe('pub.xlsx');
    expect(src.sheet).toContain('表五');
    expect(src.cell).toMatch(/^[A-Z]+\d+$/);
    expect(src.text).toBeDefined();
    // Every amount of the data has a source.
    for (const p of amountCells(r.data).fen.keys()) expect(r.sources[p], p).toBeDefined();
  });
});
