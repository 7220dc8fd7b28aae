import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildIncomeTable } from './t2-income.ts';
import { assertRectangular, gridTexts, refTexts, rowOf, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);
const print = (fen: number) => formatAmount(fen, { thousands: true, blankZero: true });

describe('表二 收入决算表', () => {
  it('has 科目编码 | 科目名称 under 项目 and the seven income columns', () => {
    const t = buildIncomeTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't2', number: '表二', title: '收入决算表', landscape: true });
    expect(t.header[0]![0]).toMatchObject({ text: '项目', colSpan: 2 });
    expect(gridTexts(t, 'header')).toEqual([
      [
        '项目',
        '',
        '本年收入合计',
        '财政拨款收入',
        '上级补助收入',
        '事业收入',
        '经营收入',
        '附属单位上缴收入',
        '其他收入',
      ],
      ['功能分类科目编码', '科目名称', '', '', '', '', '', '', ''],
    ]);
    expect(t.header[0]![1]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
  });

  it('prints the 合计 row first, merged over code and name, blank zeros (seed unit)', () => {
    const t = buildIncomeTable(changji, tableProfile());
    expect(t.rows.map((r) => r.key)).toEqual(['total']);
    expect(rowOf(t, 'total').cells[0]).toMatchObject({ text: '合计', colSpan: 2 });
    expect(gridTexts(t)[0]).toEqual(['合计', '', '258.51', '214.73', '', '', '', '', '43.78']);
    expect(t.notes).toBeUndefined();
  });

  it('lists 类/款/项 in data order under 合计, with indents and every figure at its cell', () => {
    const d = disclosureFromData(generateUnitData({ seed: 5 }));
    const t = buildIncomeTable(d, tableProfile());
    const codes = d.tables.t2.rows.filter((r) => r.code).map((r) => r.key);
    expect(t.rows.map((r) => r.key)).toEqual(['total', ...codes]);
    const first = d.tables.t2.rows.find((r) => r.level === '项')!;
    const row = rowOf(t, first.key);
    expect(row.indent).toBe(2);
    expect(row.cells[0]!.text).toBe(first.code);
    expect(row.cells[1]!.text).toBe(first.name);
    const refs = refTexts(t);
    for (const r of d.tables.t2.rows)
      for (const c of TABLE_SPECS.t2.columns)
        expect(refs.get(`${r.key}.${c.id}`)).toBe(print(r.values[c.id]!));
  });

  it('splits codes into 类 | 款 | 项 columns', () => {
    const d = disclosureFromData(generateUnitData({ seed: 5 }));
    const t = buildIncomeTable(d, tableProfile({ codeLayout: 'split' }));
    assertRectangular(t);
    expect(t.columns.slice(0, 4).map((c) => c.key)).toEqual([
      'code.class',
      'code.section',
      'code.item',
      'name',
    ]);
    expect(gridTexts(t, 'header')[1]!.slice(0, 4)).toEqual(['功能分类科目编码', '', '', '科目名称']);
    expect(gridTexts(t, 'header')[2]!.slice(0, 3)).toEqual(['类', '款', '项']);
    expect(rowOf(t, 'total').cells[0]).toMatchObject({ text: '合计', colSpan: 4 });
    const item = d.tables.t2.rows.find((r) => r.level === '项')!;
    expect(
      rowOf(t, item.key)
        .cells.slice(0, 3)
        .map((c) => c.text),
    ).toEqual([item.key.slice(0, 3), item.key.slice(3, 5), item.key.slice(5, 7)]);
  });
});
