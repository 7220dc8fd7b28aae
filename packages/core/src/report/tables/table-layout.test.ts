import { describe, expect, it } from 'vitest';
import { wan } from '../../money/amount.ts';
import { disclosureFromData } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { UNKNOWN_CELL_TEXT } from '../document.ts';
import { amountCell, chineseOrdinal, codeCells, headerRows, tableNotes } from './table-layout.ts';
import { tableProfile } from './testing.ts';

describe('amountCell', () => {
  const p = tableProfile();
  it('prints thousands separators and keeps the exact 分', () => {
    expect(amountCell(wan('2940.05'), p)).toMatchObject({
      text: '2,940.05',
      fen: 2_940_050_000,
      align: 'right',
    });
    expect(amountCell(wan('1234567.89'), p).text).toBe('1,234,567.89');
  });
  it('rounds once, half up, from exact 分 (0.005 万元 → 0.01)', () => {
    expect(amountCell(5_000, p).text).toBe('0.01');
    expect(amountCell(4_999, p).text).toBe('');
  });
  it('blanks zero by default and prints 0.00 when the profile keeps zeros', () => {
    expect(amountCell(0, p)).toMatchObject({ text: '', fen: 0 });
    expect(amountCell(0, tableProfile({ blankZero: false }))).toMatchObject({ text: '0.00', fen: 0 });
  });
  it('prints an unknown amount as a marked cell without fen, never 0 and never blank', () => {
    const c = amountCell(undefined, tableProfile({ blankZero: false }), { row: 'total', column: 'basic' });
    expect(c.text).toBe(UNKNOWN_CELL_TEXT);
    expect(c.unknown).toBe(true);
    expect(c.fen).toBeUndefined();
    expect(c.ref).toEqual({ row: 'total', column: 'basic' });
  });
});

describe('headerRows', () => {
  it('spans groups over their leaves and leaves down to the last header row', () => {
    const rows = headerRows([
      {
        text: '项目',
        children: [
          { text: '编码', children: [{ text: '类' }, { text: '款' }, { text: '项' }] },
          { text: '科目名称' },
        ],
      },
      { text: '本年收入' },
      { text: '本年支出', children: [{ text: '合计' }, { text: '基本支出' }] },
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      { text: '项目', align: 'center', colSpan: 4 },
      { text: '本年收入', align: 'center', rowSpan: 3 },
      { text: '本年支出', align: 'center', colSpan: 2 },
    ]);
    expect(rows[1]).toEqual([
      { text: '编码', align: 'center', colSpan: 3 },
      { text: '科目名称', align: 'center', rowSpan: 2 },
      { text: '合计', align: 'center', rowSpan: 2 },
      { text: '基本支出', align: 'center', rowSpan: 2 },
    ]);
    expect(rows[2]!.map((c) => c.text)).toEqual(['类', '款', '项']);
  });
});

describe('codes and ordinals', () => {
  it('splits function codes into 类/款/项 and economic codes into 类/款', () => {
    expect(codeCells('2010450', 'split', 'function').map((c) => c.text)).toEqual(['201', '04', '50']);
    expect(codeCells('20104', 'split', 'function').map((c) => c.text)).toEqual(['201', '04', '']);
    expect(codeCells('201', 'split', 'function').map((c) => c.text)).toEqual(['201', '', '']);
    expect(codeCells('30101', 'split', 'economic').map((c) => c.text)).toEqual(['301', '01']);
    expect(codeCells('2010450', 'merged', 'function').map((c) => c.text)).toEqual(['2010450']);
  });
  it('writes Chinese ordinals', () => {
    expect([1, 9, 10, 11, 20, 21, 26].map(chineseOrdinal)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '二十六',
    ]);
  });
});

describe('tableNotes', () => {
  const d = disclosureFromData(generateUnitData({ seed: 3 }));
  it('prints the profile note of the table, then the empty statement when empty', () => {
    const p = tableProfile(
      { emptyTableNote: '说明：{unit}{year}年度没有此项收支，故本表无数据。' },
      { 'table.t8.note': '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。' },
    );
    expect(tableNotes(d, p, 't8', true)).toEqual([
      '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
      `说明：${d.unit.name}2022年度没有此项收支，故本表无数据。`,
    ]);
    expect(tableNotes(d, p, 't8', false)).toEqual([
      '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
    ]);
    expect(tableNotes(d, tableProfile(), 't8', false)).toBeUndefined();
  });
  it("prefers the data's own statement over the profile's note", () => {
    expect(tableNotes(d, tableProfile(), 't9', true, '本单位无国有资本经营预算财政拨款。')).toEqual([
      '本单位无国有资本经营预算财政拨款。',
    ]);
    expect(tableNotes(d, tableProfile(), 't9', true)).toEqual(['注：本表为空表。']);
  });
});
