import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { UNKNOWN_CELL_NOTE, UNKNOWN_CELL_TEXT } from '../document.ts';
import { buildGeneralBudgetExpenditureTable } from './t5-general-budget-expenditure.ts';
import { assertRectangular, gridTexts, refTexts, rowOf, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('表五 一般公共预算财政拨款支出决算表', () => {
  it('prints 合计 | 基本支出 | 项目支出 with 合计 first and every 项 of the seed', () => {
    const t = buildGeneralBudgetExpenditureTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't5', number: '表五', title: '一般公共预算财政拨款支出决算表' });
    expect(gridTexts(t, 'header')).toEqual([
      ['项目', '', '合计', '基本支出', '项目支出'],
      ['功能分类科目编码', '科目名称', '', '', ''],
    ]);
    expect(t.rows.map((r) => r.key)).toEqual([
      'total',
      ...changji.tables.t5.rows.filter((r) => r.code).map((r) => r.key),
    ]);
    expect(gridTexts(t)[0]).toEqual(['合计', '', '214.73', '124.97', '89.77']);
    expect(gridTexts(t)[rowIndex(t, '2010450')]).toEqual([
      '2010450',
      '事业运行',
      '100.85',
      UNKNOWN_CELL_TEXT,
      UNKNOWN_CELL_TEXT,
    ]);
    expect(rowOf(t, '2010450').indent).toBe(2);
    expect(rowOf(t, '20104').indent).toBe(1);
    expect(rowOf(t, '201').indent).toBe(0);
  });

  it('blanks a zero 项 but keeps its 0 分, and marks unknown 基本/项目 cells without fen', () => {
    const t = buildGeneralBudgetExpenditureTable(changji, tableProfile());
    const row = rowOf(t, '2010402');
    expect(row.cells[2]).toMatchObject({ text: '', fen: 0 });
    expect(row.cells[3]).toMatchObject({ text: UNKNOWN_CELL_TEXT, unknown: true });
    expect(row.cells[3]!.fen).toBeUndefined();
    expect(t.notes).toContain(UNKNOWN_CELL_NOTE);
    // With zeros kept, the known zero prints 0.00 and the unknown cells stay marked.
    const kept = buildGeneralBudgetExpenditureTable(changji, tableProfile({ blankZero: false }));
    expect(gridTexts(kept)[rowIndex(kept, '2010402')]).toEqual([
      '2010402',
      '一般行政管理事务',
      '0.00',
      UNKNOWN_CELL_TEXT,
      UNKNOWN_CELL_TEXT,
    ]);
  });

  it('splits codes: 2010450 prints as 201 | 04 | 50', () => {
    const t = buildGeneralBudgetExpenditureTable(changji, tableProfile({ codeLayout: 'split' }));
    assertRectangular(t);
    expect(gridTexts(t, 'header')).toEqual([
      ['项目', '', '', '', '合计', '基本支出', '项目支出'],
      ['功能分类科目编码', '', '', '科目名称', '', '', ''],
      ['类', '款', '项', '', '', '', ''],
    ]);
    expect(gridTexts(t)[rowIndex(t, '2010450')]).toEqual([
      '201',
      '04',
      '50',
      '事业运行',
      '100.85',
      UNKNOWN_CELL_TEXT,
      UNKNOWN_CELL_TEXT,
    ]);
    expect(gridTexts(t)[rowIndex(t, '20104')]!.slice(0, 4)).toEqual(['201', '04', '', '发展与改革事务']);
    expect(gridTexts(t)[0]!.slice(0, 5)).toEqual(['合计', '', '', '', '214.73']);
  });

  it('adds a 年初预算数 column before the 决算数 group when t5WithBudget', () => {
    const d = disclosureFromData(generateUnitData({ seed: 4 }));
    const t = buildGeneralBudgetExpenditureTable(d, tableProfile({ t5WithBudget: true }));
    assertRectangular(t);
    expect(gridTexts(t, 'header')).toEqual([
      ['项目', '', '年初预算数', '决算数', '', ''],
      ['功能分类科目编码', '科目名称', '', '合计', '基本支出', '项目支出'],
    ]);
    expect(t.columns.map((c) => c.key)).toEqual([
      'code',
      'name',
      'budget.total',
      'total',
      'basic',
      'project',
    ]);
    const refs = refTexts(t);
    const p = (fen: number | undefined) =>
      fen === undefined ? UNKNOWN_CELL_TEXT : formatAmount(fen, { thousands: true, blankZero: true });
    for (const r of d.tables.t5.rows) {
      expect(refs.get(`${r.key}.budget.total`)).toBe(p(r.budget?.['total']));
      expect(refs.get(`${r.key}.total`)).toBe(p(r.values['total']));
    }
    expect(d.tables.t5.rows.some((r) => r.budget?.['total'] !== undefined)).toBe(true);
  });

  it('splits the 年初预算数 into 合计/基本支出/项目支出 when the data does', () => {
    const data = generateUnitData({ seed: 4 });
    const t5 = (data['tables'] as { t5: { rows: Record<string, unknown>[] } }).t5;
    t5.rows[0]!['initialBudget'] = { total: '10.00', basic: '6.00', project: '4.00' };
    const d = disclosureFromData(data);
    const t = buildGeneralBudgetExpenditureTable(
      d,
      tableProfile({ t5WithBudget: true, codeLayout: 'split' }),
    );
    assertRectangular(t);
    expect(gridTexts(t, 'header')[0]).toEqual(['项目', '', '', '', '年初预算数', '', '', '决算数', '', '']);
    expect(gridTexts(t, 'header')[1]!.slice(4)).toEqual([
      '合计',
      '基本支出',
      '项目支出',
      '合计',
      '基本支出',
      '项目支出',
    ]);
    expect(gridTexts(t)[0]!.slice(4, 7)).toEqual(['10.00', '6.00', '4.00']);
    expect(t.landscape).toBe(true);
  });
});

function rowIndex(t: { rows: { key?: string }[] }, key: string): number {
  return t.rows.findIndex((r) => r.key === key);
}
