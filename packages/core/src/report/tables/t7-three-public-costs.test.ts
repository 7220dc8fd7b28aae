import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildThreePublicCostsTable } from './t7-three-public-costs.ts';
import { assertRectangular, gridTexts, tableProfile } from './testing.ts';

const text = readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8');
const changji = loadDisclosure(text);

describe('表七 财政拨款“三公”经费支出决算表', () => {
  it('has 预算数 and 决算数 groups, each 合计 | 出国 | 公务用车 (小计, 购置, 运行) | 接待', () => {
    const t = buildThreePublicCostsTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({
      id: 't7',
      number: '表七',
      title: '财政拨款“三公”经费支出决算表',
      landscape: true,
    });
    expect(t.header).toHaveLength(3);
    expect(t.header[0]).toMatchObject([
      { text: '预算数', colSpan: 6 },
      { text: '决算数', colSpan: 6 },
    ]);
    expect(t.header[1]!.slice(0, 4)).toMatchObject([
      { text: '合计', rowSpan: 2 },
      { text: '因公出国（境）费', rowSpan: 2 },
      { text: '公务用车购置及运行（维护）费', colSpan: 3 },
      { text: '公务接待费', rowSpan: 2 },
    ]);
    expect(gridTexts(t, 'header')[2]).toEqual([
      '',
      '',
      '小计',
      '公务用车购置费',
      '公务用车运行（维护）费',
      '',
      '',
      '',
      '小计',
      '公务用车购置费',
      '公务用车运行（维护）费',
      '',
    ]);
  });

  it('prints one row of figures, zeros blank (seed unit)', () => {
    const t = buildThreePublicCostsTable(changji, tableProfile());
    expect(t.rows).toHaveLength(1);
    expect(gridTexts(t)[0]).toEqual(['2.00', '', '2.00', '', '2.00', '', '2.00', '', '2.00', '', '2.00', '']);
    expect(t.rows[0]!.cells[7]).toMatchObject({ ref: { row: 'abroad', column: 'final' }, fen: 0 });
    expect(t.rows[0]!.cells[4]).toMatchObject({
      ref: { row: 'vehicleOperation', column: 'budget' },
      fen: 20_000 * 100,
    });
    expect(t.notes).toBeUndefined();
  });

  it('keeps the header and states that there is no "三公" expenditure when all is zero', () => {
    const data = parse(text) as {
      tables: { t7: { rows: Record<string, unknown>[] } };
      threePublic: Record<string, unknown>;
    };
    for (const r of data.tables.t7.rows) {
      r['budget'] = 0;
      r['final'] = 0;
    }
    data.threePublic['emptyStatement'] = '说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。';
    const t = buildThreePublicCostsTable(disclosureFromData(data), tableProfile());
    expect(t.header).toHaveLength(3);
    expect(gridTexts(t)[0]!.every((c) => c === '')).toBe(true);
    expect(t.notes).toEqual(['说明：本单位本年度没有财政拨款“三公”经费支出，故本表无数据。']);
  });

  it('rewords the vehicle header from the profile (Shanghai: 公务用车购置及运行维护费)', () => {
    const d = disclosureFromData(generateUnitData({ seed: 2 }));
    const t = buildThreePublicCostsTable(
      d,
      tableProfile({}, { 'table.t7.vehicle': '公务用车购置及运行维护费' }),
    );
    expect(t.header[1]![2]!.text).toBe('公务用车购置及运行维护费');
  });
});
