import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MoneyUnit } from '../money/amount.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import type { Disclosure } from './disclosure.ts';
import { disclosureFromData, loadDisclosure } from './load.ts';
import { exactAmountText, saveDisclosure, type SaveFormat } from './save.ts';

const examplesDir = join(import.meta.dirname, '../../../../examples');
const examples = readdirSync(examplesDir).filter((f) => /\.(ya?ml|json)$/.test(f));

/**
 * The model without what depends on the file's layout: the line of each source (a saved file has no
 * comments and its own layout, so lines differ) and the per-cell sources, which hold only lines. Field
 * paths stay compared: rows keep their order and place.
 */
function layoutFree(d: Disclosure): unknown {
  const strip = (v: unknown): unknown => {
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, strip(x)]));
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'cellSources' || k === 'file') continue;
        if (k === 'source' && x !== undefined) out[k] = { path: (x as { path: string }).path };
        else out[k] = strip(x);
      }
      return out;
    }
    return v;
  };
  return strip(d);
}

function roundTrip(d: Disclosure, format: SaveFormat): Disclosure {
  return loadDisclosure(saveDisclosure(d, { format }), { file: `saved.${format}` });
}

describe('saveDisclosure: load(save(load(x))) equals load(x)', () => {
  it.each(examples)('for the example %s, in YAML and JSON', (name) => {
    const d = loadDisclosure(readFileSync(join(examplesDir, name)), { file: name });
    for (const format of ['yaml', 'json'] as const) {
      expect(layoutFree(roundTrip(d, format)), format).toStrictEqual(layoutFree(d));
    }
  });

  const kinds = ['行政', '参公', '事业'] as const;
  const units: MoneyUnit[] = ['万元', '元', '万元', '元', '亿元'];
  const profiles = ['xinjiang-2022', 'central', 'shanghai-2024'];
  it('for 200 generated units (kinds, units 元/万元/亿元, rounded or exact, with or without a fund), in YAML and JSON', () => {
    for (let i = 0; i < 200; i++) {
      const data = generateUnitData({
        seed: i + 1,
        kind: kinds[i % 3]!,
        amountUnit: units[i % units.length]!,
        rounded: i % 2 === 0,
        withFund: i % 4 < 2,
        items: 3 + (i % 28),
        profile: profiles[i % 3]!,
        year: 2020 + (i % 5),
      });
      const d = disclosureFromData(data);
      // From data (no lines) and from its file (with lines): both must survive saving.
      for (const format of ['yaml', 'json'] as const) {
        const saved = saveDisclosure(d, { format });
        const again = loadDisclosure(saved);
        expect(layoutFree(again), `unit ${i + 1} ${format}`).toStrictEqual(layoutFree(d));
        expect(saveDisclosure(again, { format }), `unit ${i + 1} ${format}: saving is stable`).toBe(saved);
      }
    }
  });
});

describe('amounts are written exactly', () => {
  it('in the unit and decimals of the model', () => {
    expect(exactAmountText(214_730_000, '万元', 2)).toBe('214.73');
    expect(exactAmountText(258_510_037, '元', 2)).toBe('2585100.37');
    expect(exactAmountText(0, '万元', 2)).toBe('0.00');
    expect(exactAmountText(-3_000_000, '万元', 2)).toBe('-3.00');
    expect(exactAmountText(12_300_000_000, '亿元', 2)).toBe('1.23');
    expect(exactAmountText(500, '元', 0)).toBe('5');
  });
  it('with more decimals, never rounded, when a figure is finer than the declared decimals', () => {
    expect(exactAmountText(37, '万元', 2)).toBe('0.000037');
    expect(exactAmountText(214_735_000, '万元', 2)).toBe('214.735');
    expect(exactAmountText(1, '亿元', 2)).toBe('0.0000000001');
    expect(exactAmountText(250, '元', 0)).toBe('2.5');
  });
  it('a publication in 元 keeps every 分 through load and save', () => {
    const d = loadDisclosure(`format: juesuan-disclosure/1
year: 2023
amountUnit: 元
decimals: 2
unit: { name: 测试单位, kind: 行政 }
tables:
  t1:
    rows:
      - { row: incomeTotal, amount: '2,585,100.37' }
      - { row: surplusDistribution, amount: -12.05 }
      - { row: otherIncome, amount: null }
`);
    const yaml = saveDisclosure(d);
    expect(yaml).toContain('{ row: incomeTotal, amount: 2585100.37 }');
    expect(yaml).toContain('amount: -12.05');
    // Unknown stays unknown: not written, and never 0.
    expect(yaml).toContain('{ row: otherIncome }');
    expect(roundTrip(d, 'yaml').tables.t1.byKey.get('otherIncome')?.values['amount']).toBeUndefined();
    const json = JSON.parse(saveDisclosure(d, { format: 'json' })) as {
      tables: { t1: { rows: Record<string, unknown>[] } };
    };
    expect(json.tables.t1.rows[0]).toEqual({ row: 'incomeTotal', amount: '2585100.37' });
  });
  it('a figure entered finer than the file declares is saved with the decimals it needs', () => {
    const d = disclosureFromData(generateUnitData({ seed: 3 }));
    d.tables.t1.byKey.get('otherIncome')!.values['amount'] = 1_234_567;
    const again = roundTrip(d, 'yaml');
    expect(again.tables.t1.byKey.get('otherIncome')?.values['amount']).toBe(1_234_567);
    expect(saveDisclosure(d)).toContain('{ row: otherIncome, amount: 1.234567 }');
  });
});

describe('what the saved file holds', () => {
  const d = loadDisclosure(readFileSync(join(examplesDir, 'changji-2022.yaml')), {
    file: 'changji-2022.yaml',
  });
  const yaml = saveDisclosure(d);
  it('fields in the order of the examples, derived parts left out', () => {
    const top = yaml
      .split('\n')
      .filter((l) => /^[a-zA-Z]/.test(l))
      .map((l) => l.split(':')[0]);
    expect(top).toEqual([
      'format',
      'year',
      'amountUnit',
      'decimals',
      'profile',
      'unit',
      'tables',
      'threePublic',
      'adminCost',
      'procurement',
      'assets',
      'performance',
    ]);
    expect(yaml).not.toMatch(/halfStepFen|byKey|cellSources|source:|operator:|targetValue/);
  });
  it('rows as the examples write them', () => {
    expect(yaml).toContain('      - { row: generalBudget, amount: 214.73 }');
    expect(yaml).toContain("      - { code: '201', name: 一般公共服务支出, total: 190.62 }");
  });
  it('reasons, notes and performance kept', () => {
    const again = loadDisclosure(yaml);
    expect(again.tables.t1.byKey.get('incomeGrandTotal')?.reasons?.prior).toMatch(/^1\.本年在职人员工资调薪/);
    expect(again.performance?.projects[0]?.indicators).toHaveLength(11);
    expect(again.performance?.projects[0]?.goals?.[0]?.expected).toBe(
      d.performance?.projects[0]?.goals?.[0]?.expected,
    );
    const withNotes = { ...d, notes: { overview: '说明：本年度无其他事项。', 'other.extra': '第二条' } };
    expect(roundTrip(withNotes, 'json').notes).toEqual(withNotes.notes);
  });
});
