import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../../model/load.ts';
import { buildStateCapitalTable } from './t9-state-capital.ts';
import { assertRectangular, gridTexts, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

describe('表九 国有资本经营预算财政拨款收入支出决算表', () => {
  it('T9 expenditure only (central form): the 本年支出 columns and the central name', () => {
    const t = buildStateCapitalTable(changji, tableProfile({ t9ExpenditureOnly: true }));
    assertRectangular(t);
    expect(t.title).toBe('国有资本经营预算财政拨款支出决算表');
    expect(gridTexts(t, 'header')).toEqual([
      ['项目', '', '本年支出', '', ''],
      ['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(['code', 'name', 'expenditure', 'basic', 'project']);
    expect(t.notes).toHaveLength(1);
    const named = buildStateCapitalTable(
      changji,
      tableProfile({ t9ExpenditureOnly: true, names: { t9: '国有资本经营预算财政拨款支出决算表（部门）' } }),
    );
    expect(named.title).toBe('国有资本经营预算财政拨款支出决算表（部门）');
  });
});
