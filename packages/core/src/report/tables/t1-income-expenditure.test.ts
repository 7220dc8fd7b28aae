import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildIncomeExpenditureTable } from './t1-income-expenditure.ts';
import { assertRectangular, gridTexts, refTexts, rowOf, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('表一 收入支出决算总表', () => {
  it('prints income and expenditure side by side under 收入 | 支出, without 行次', () => {
    const t = buildIncomeExpenditureTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't1', number: '表一', title: '收入支出决算总表', unitLabel: '单位：万元' });
    expect(t.unitLine).toBe('编制单位：新疆昌吉回族自治州对口援疆工作领导小组办公室');
    expect(t.header[0]).toMatchObject([
      { text: '收入', colSpan: 2 },
      { text: '支出', colSpan: 2 },
    ]);
    expect(gridTexts(t, 'header')[1]).toEqual(['项目', '决算数', '项目', '决算数']);
    expect(t.columns.map((c) => c.key)).toEqual(['incomeItem', 'income', 'expenditureItem', 'expenditure']);
    expect(JSON.stringify(t)).not.toContain('行次');
  });

  it('lists the income kinds, then the four bottom lines of each side aligned (seed unit)', () => {
    const t = buildIncomeExpenditureTable(changji, tableProfile());
    expect(t.rows.map((r) => r.key)).toEqual([
      'generalBudget',
      'governmentFund',
      'stateCapital',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemittance',
      'otherIncome',
      'incomeTotal|expenditureTotal',
      'useOfNonFiscalBalance|surplusDistribution',
      'openingCarryover|closingCarryover',
      'incomeGrandTotal|expenditureGrandTotal',
    ]);
    const g = gridTexts(t);
    expect(g[0]).toEqual(['一、一般公共预算财政拨款收入', '214.73', '', '']);
    expect(g[1]).toEqual(['二、政府性基金预算财政拨款收入', '', '', '']);
    expect(g[7]).toEqual(['八、其他收入', '43.78', '', '']);
    expect(g[8]).toEqual(['本年收入合计', '258.51', '本年支出合计', '236.23']);
    expect(g[9]).toEqual(['使用非财政拨款结余', '', '结余分配', '']);
    expect(g[10]).toEqual(['年初结转和结余', '101.93', '年末结转和结余', '124.21']);
    expect(g[11]).toEqual(['总计', '360.44', '总计', '360.44']);
    expect(rowOf(t, 'incomeGrandTotal|expenditureGrandTotal').bold).toBe(true);
    // A zero is blank but still carries its exact amount.
    expect(rowOf(t, 'governmentFund').cells[1]).toMatchObject({
      text: '',
      fen: 0,
      ref: { row: 'governmentFund', column: 'amount' },
    });
  });

  it('prints zeros as 0.00 when the profile keeps zero cells', () => {
    const t = buildIncomeExpenditureTable(changji, tableProfile({ blankZero: false }));
    expect(gridTexts(t)[9]).toEqual(['使用非财政拨款结余', '0.00', '结余分配', '0.00']);
  });

  it('puts the function 类 beside the income kinds, more 类 than kinds spilling below', () => {
    const d = disclosureFromData(generateUnitData({ seed: 11, items: 30, withFund: true }));
    const classes = d.tables.t1.rows.filter((r) => r.level === '类');
    expect(classes.length).toBeGreaterThan(8);
    const t = buildIncomeExpenditureTable(d, tableProfile());
    assertRectangular(t);
    const g = gridTexts(t);
    classes.forEach((c, i) => {
      expect(g[i]![2]).toMatch(new RegExp(`^[一二三四五六七八九十]+、${c.name}$`));
      expect(g[i]![3]).toBe(formatAmount(c.values['amount']!, { thousands: true, blankZero: true }));
    });
    expect(g[0]![2]).toBe(`一、${classes[0]!.name}`);
    expect(g[8]!.slice(0, 2)).toEqual(['', '']);
    expect(t.rows[8]!.key).toBe(classes[8]!.key);
    expect(t.rows[0]!.key).toBe(`generalBudget|${classes[0]!.key}`);
    // Every figure of the model table is printed once, at its own cell.
    const refs = refTexts(t);
    for (const r of d.tables.t1.rows)
      expect(refs.get(`${r.key}.amount`)).toBe(
        formatAmount(r.values['amount']!, { thousands: true, blankZero: true }),
      );
  });

  it('takes the title from profile.tables.names and labels from table.t1.* templates', () => {
    const t = buildIncomeExpenditureTable(
      changji,
      tableProfile(
        { names: { t1: '部门收入支出决算总表' } },
        { 'table.t1.amount': '金额', 'table.t1.incomeGrandTotal': '收入总计' },
      ),
    );
    expect(t.title).toBe('部门收入支出决算总表');
    expect(gridTexts(t, 'header')[1]).toEqual(['项目', '金额', '项目', '金额']);
    expect(gridTexts(t)[11]![0]).toBe('收入总计');
  });
});
