import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { TABLE_SPECS } from '../../model/tables.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { buildExpenditureTable } from './t3-expenditure.ts';
import { assertRectangular, gridTexts, refTexts, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('表三 支出决算表', () => {
  it('has the six expenditure columns and the 合计 row first (seed unit)', () => {
    const t = buildExpenditureTable(changji, tableProfile());
    assertRectangular(t);
    expect(t).toMatchObject({ id: 't3', number: '表三', title: '支出决算表' });
    expect(gridTexts(t, 'header')[0]).toEqual([
      '项目',
      '',
      '本年支出合计',
      '基本支出',
      '项目支出',
      '上缴上级支出',
      '经营支出',
      '对附属单位补助支出',
    ]);
    expect(gridTexts(t)).toEqual([['合计', '', '236.23', '146.46', '89.77', '', '', '']]);
  });

  it('prints every figure of a generated unit at its cell, 合计 first, codes split on request', () => {
    const d = disclosureFromData(generateUnitData({ seed: 21, kind: '事业' }));
    for (const codeLayout of ['merged', 'split'] as const) {
      const t = buildExpenditureTable(d, tableProfile({ codeLayout, blankZero: false }));
      assertRectangular(t);
      expect(t.rows[0]!.key).toBe('total');
      expect(t.rows.slice(1).map((r) => r.key)).toEqual(
        d.tables.t3.rows.filter((r) => r.code).map((r) => r.key),
      );
      const refs = refTexts(t);
      for (const r of d.tables.t3.rows)
        for (const c of TABLE_SPECS.t3.columns)
          expect(refs.get(`${r.key}.${c.id}`)).toBe(formatAmount(r.values[c.id]!, { thousands: true }));
    }
  });
});
