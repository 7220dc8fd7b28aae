import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildGovernmentFundTable } from './t8-government-fund.ts';
import { buildStateCapitalTable } from './t9-state-capital.ts';
import { assertRectangular, gridTexts, refTexts, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);
const FULL_HEADER = [
  ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
  ['功能分类科目编码', '科目名称', '', '', '合计', '基本支出', '项目支出', ''],
];

describe('表八/表九 政府性基金 and 国有资本经营预算财政拨款收入支出决算表', () => {
  it('prints an empty table with its header, a blank 合计 row and the data’s statement (seed unit)', () => {
    const t8 = buildGovernmentFundTable(changji, tableProfile());
    const t9 = buildStateCapitalTable(changji, tableProfile());
    for (const t of [t8, t9]) {
      assertRectangular(t);
      expect(gridTexts(t, 'header')).toEqual(FULL_HEADER);
      expect(t.header[0]![2]).toMatchObject({ text: '本年收入', rowSpan: 2 });
      expect(t.header[0]![3]).toMatchObject({ text: '本年支出', colSpan: 3 });
      expect(gridTexts(t)).toEqual([['合计', '', '', '', '', '', '', '']]);
    }
    expect(t8).toMatchObject({ number: '表八', title: '政府性基金预算财政拨款收入支出决算表' });
    expect(t9).toMatchObject({ number: '表九', title: '国有资本经营预算财政拨款收入支出决算表' });
    expect(t8.notes).toEqual([
      '我单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表。',
    ]);
    expect(t9.notes).toEqual([
      '我单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，国有资本经营预算财政拨款收入支出决算表为空表。',
    ]);
  });

  it('falls back to the profile’s emptyTableNote when the data states nothing', () => {
    const data = generateUnitData({ seed: 3, withFund: false });
    const tables = data['tables'] as Record<string, Record<string, unknown>>;
    delete tables['t8']!['emptyStatement'];
    const d = disclosureFromData(data);
    expect(buildGovernmentFundTable(d, tableProfile()).notes).toEqual(['注：本表为空表。']);
    expect(
      buildGovernmentFundTable(
        d,
        tableProfile({
          emptyTableNote: '说明：{unit}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
        }),
      ).notes,
    ).toEqual([`说明：${d.unit.name}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。`]);
  });

  it('prints the fund rows of a unit with 政府性基金, without an empty note', () => {
    const d = disclosureFromData(generateUnitData({ seed: 6, withFund: true }));
    const t = buildGovernmentFundTable(d, tableProfile({ codeLayout: 'split' }));
    assertRectangular(t);
    expect(t.notes).toBeUndefined();
    expect(t.rows.map((r) => r.key)).toEqual(['total', '229', '22960', '2296002']);
    expect(gridTexts(t)[3]!.slice(0, 4)).toEqual(['229', '60', '02', '用于社会福利的彩票公益金支出']);
    const refs = refTexts(t);
    for (const r of d.tables.t8.rows)
      for (const c of ['opening', 'income', 'expenditure', 'basic', 'project', 'closing'])
        expect(refs.get(`${r.key}.${c}`)).toBe(
          formatAmount(r.values[c]!, { thousands: true, blankZero: true }),
        );
  });
});
