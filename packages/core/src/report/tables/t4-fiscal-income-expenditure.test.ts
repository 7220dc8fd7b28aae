import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildFiscalIncomeExpenditureTable } from './t4-fiscal-income-expenditure.ts';
import { assertRectangular, gridTexts, refTexts, rowOf, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('表四 财政拨款收入支出决算总表', () => {
  it('has 收入 (项目 | 决算数) beside 支出 (项目 | 合计 | three fund columns)', () => {
    const t = buildFiscalIncomeExpenditureTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't4', number: '表四', title: '财政拨款收入支出决算总表', landscape: true });
    expect(t.header[0]).toMatchObject([
      { text: '收入', colSpan: 2 },
      { text: '支出', colSpan: 5 },
    ]);
    expect(gridTexts(t, 'header')[1]).toEqual([
      '项目',
      '决算数',
      '项目',
      '合计',
      '一般公共预算财政拨款',
      '政府性基金预算财政拨款',
      '国有资本经营预算财政拨款',
    ]);
  });

  it('aligns the three 财政拨款 kinds with the 类, then totals, carry-overs by kind and 总计 (seed unit)', () => {
    const t = buildFiscalIncomeExpenditureTable(changji, tableProfile());
    expect(t.rows.map((r) => r.key)).toEqual([
      'incomeTotal.generalBudget|201',
      'incomeTotal.governmentFund|208',
      'incomeTotal.stateCapital|210',
      '221',
      'incomeTotal|expenditureTotal',
      'openingCarryover|closingCarryover',
      'openingCarryover.generalBudget',
      'openingCarryover.governmentFund',
      'openingCarryover.stateCapital',
      'incomeGrandTotal|expenditureGrandTotal',
    ]);
    const g = gridTexts(t);
    expect(g[0]).toEqual([
      '一、一般公共预算财政拨款',
      '214.73',
      '一、一般公共服务支出',
      '190.62',
      '190.62',
      '',
      '',
    ]);
    expect(g[3]).toEqual(['', '', '四、住房保障支出', '8.20', '8.20', '', '']);
    expect(g[4]).toEqual(['本年收入合计', '214.73', '本年支出合计', '214.73', '214.73', '', '']);
    expect(g[5]).toEqual(['年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', '']);
    expect(g[6]).toEqual(['一、一般公共预算财政拨款', '', '', '', '', '', '']);
    expect(g[9]).toEqual(['总计', '214.73', '总计', '214.73', '214.73', '', '']);
    expect(rowOf(t, 'incomeTotal.generalBudget|201').cells[1]!.ref).toEqual({
      row: 'incomeTotal',
      column: 'generalBudget',
    });
    expect(rowOf(t, 'openingCarryover.stateCapital').cells[1]).toMatchObject({
      text: '',
      fen: 0,
      ref: { row: 'openingCarryover', column: 'stateCapital' },
    });
  });

  it('prints every figure of a generated unit with a 政府性基金 at its cell', () => {
    const d = disclosureFromData(generateUnitData({ seed: 8, withFund: true, items: 12 }));
    const t = buildFiscalIncomeExpenditureTable(d, tableProfile({ blankZero: false }));
    assertRectangular(t);
    const refs = refTexts(t);
    const p = (fen: number | undefined) => formatAmount(fen!, { thousands: true });
    for (const r of d.tables.t4.rows) {
      if (r.key === 'incomeTotal' || r.key === 'openingCarryover') {
        for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
          expect(refs.get(`${r.key}.${c}`)).toBe(p(r.values[c]));
      } else if (r.key === 'incomeGrandTotal') expect(refs.get(`${r.key}.total`)).toBe(p(r.values['total']));
      else
        for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
          expect(refs.get(`${r.key}.${c}`)).toBe(p(r.values[c]));
    }
    expect(refs.get('expenditureTotal.governmentFund')).not.toBe('0.00');
  });
});
