import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import {
  buildGeneralBudgetBasicExpenditureTable,
  isPersonnelCode,
} from './t6-general-budget-basic-expenditure.ts';
import { UNKNOWN_CELL_TEXT } from '../document.ts';
import { assertRectangular, gridTexts, refTexts, rowOf, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);
const generated = disclosureFromData(generateUnitData({ seed: 9 }));

describe('表六 一般公共预算财政拨款基本支出决算表', () => {
  it('lists economic 类/款 with 决算数, then 人员经费合计 and 公用经费合计', () => {
    const t = buildGeneralBudgetBasicExpenditureTable(generated, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't6', number: '表六', title: '一般公共预算财政拨款基本支出决算表' });
    expect(gridTexts(t, 'header')).toEqual([['经济分类科目编码', '科目名称', '决算数']]);
    const codes = generated.tables.t6.rows.filter((r) => r.code).map((r) => r.key);
    expect(t.rows.map((r) => r.key)).toEqual([...codes, 'personnelTotal', 'publicTotal']);
    expect(rowOf(t, 'personnelTotal').cells[0]).toMatchObject({ text: '人员经费合计', colSpan: 2 });
    const refs = refTexts(t);
    for (const r of generated.tables.t6.rows)
      expect(refs.get(`${r.key}.amount`)).toBe(
        formatAmount(r.values['amount']!, { thousands: true, blankZero: true }),
      );
    expect(rowOf(t, '301').indent).toBe(0);
    expect(rowOf(t, '30101').indent).toBe(1);
  });

  it('marks unknown 款 amounts and prints the stated totals (seed unit)', () => {
    const t = buildGeneralBudgetBasicExpenditureTable(changji, tableProfile());
    expect(gridTexts(t)[0]).toEqual(['30101', '基本工资', UNKNOWN_CELL_TEXT]);
    expect(t.rows[0]!.cells[2]!.fen).toBeUndefined();
    expect(gridTexts(t).slice(-2)).toEqual([
      ['人员经费合计', '', '115.68'],
      ['公用经费合计', '', '9.28'],
    ]);
  });

  it('two-sided: 人员经费 on the left, 公用经费 on the right, totals on the last row', () => {
    const t = buildGeneralBudgetBasicExpenditureTable(generated, tableProfile({ t6Layout: 'two-sided' }));
    assertRectangular(t);
    expect(t.header[0]).toMatchObject([
      { text: '人员经费', colSpan: 3 },
      { text: '公用经费', colSpan: 3 },
    ]);
    expect(gridTexts(t, 'header')[1]).toEqual([
      '经济分类科目编码',
      '科目名称',
      '决算数',
      '经济分类科目编码',
      '科目名称',
      '决算数',
    ]);
    const g = gridTexts(t);
    const left = g
      .slice(0, -1)
      .map((l) => l[0])
      .filter((c) => c !== '');
    const right = g
      .slice(0, -1)
      .map((l) => l[3])
      .filter((c) => c !== '');
    const codes = generated.tables.t6.rows.filter((r) => r.code).map((r) => r.code!);
    expect(left).toEqual(codes.filter((c) => c.startsWith('301') || c.startsWith('303')));
    expect(right).toEqual(codes.filter((c) => !(c.startsWith('301') || c.startsWith('303'))));
    const last = t.rows.at(-1)!;
    expect(last.key).toBe('personnelTotal|publicTotal');
    expect(g.at(-1)).toEqual([
      '人员经费合计',
      '',
      formatAmount(generated.tables.t6.byKey.get('personnelTotal')!.values['amount']!, { thousands: true }),
      '公用经费合计',
      '',
      formatAmount(generated.tables.t6.byKey.get('publicTotal')!.values['amount']!, { thousands: true }),
    ]);
  });

  it('two-sided with split codes: 类 | 款 columns on each side', () => {
    const t = buildGeneralBudgetBasicExpenditureTable(
      changji,
      tableProfile({ t6Layout: 'two-sided', codeLayout: 'split' }),
    );
    assertRectangular(t);
    expect(gridTexts(t, 'header')[2]).toEqual(['类', '款', '', '', '类', '款', '', '']);
    expect(gridTexts(t)[0]).toEqual([
      '301',
      '01',
      '基本工资',
      UNKNOWN_CELL_TEXT,
      '302',
      '01',
      '办公费',
      UNKNOWN_CELL_TEXT,
    ]);
    expect(gridTexts(t).at(-1)).toEqual(['人员经费合计', '', '', '115.68', '公用经费合计', '', '', '9.28']);
  });

  it('assigns 人员经费 and 公用经费 by economic 类', () => {
    expect(['30101', '303', '30302'].map((c) => isPersonnelCode(c, 2022))).toEqual([true, true, true]);
    expect(['302', '30201', '31002', '399'].map((c) => isPersonnelCode(c, 2022))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
