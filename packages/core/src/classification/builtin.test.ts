import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogue, builtinCatalogues, builtinYears } from './builtin.ts';
import { renderCatalogueModule } from '../../../../scripts/gen-catalogue.ts';
import { COMMON_FUNCTION_ITEMS, FUND_ITEM } from '../testing/generate-unit.ts';
import type { Catalogue, ClassificationKind } from './catalogue.ts';
import { describeSource, provenanceCounts } from './provenance.ts';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const KINDS: ClassificationKind[] = ['function', 'economic'];

function cat(kind: ClassificationKind, year: number): Catalogue {
  const c = builtinCatalogue(kind, year);
  if (!c) throw new Error(`没有内置 ${kind}-${year}`);
  return c;
}

describe('built-in catalogues', () => {
  it('the generated module is up to date with data/classification/*.csv (run npm run gen:catalogue)', () => {
    const current = readFileSync(new URL('./builtin-data.generated.ts', import.meta.url), 'utf8');
    expect(current === renderCatalogueModule()).toBe(true);
  });

  it.each(YEARS)('covers %i for both kinds, marked as the built-in subset', (year) => {
    expect(builtinYears('function')).toContain(year);
    expect(builtinYears('economic')).toContain(year);
    const set = builtinCatalogues(year);
    expect(set.function?.complete).toBe(false);
    expect(set.economic?.complete).toBe(false);
    expect(set.function!.entries.size).toBeGreaterThan(500);
    expect(set.economic!.entries.size).toBeGreaterThan(90);
  });

  it('returns undefined for a year without a built-in list', () => {
    expect(builtinCatalogue('function', 1999)).toBeUndefined();
    expect(builtinCatalogues(1999)).toEqual({});
  });

  for (const kind of KINDS) {
    it.each(YEARS)(`${kind} %i: parents listed in the same file, names non-empty, levels right`, (year) => {
      const c = cat(kind, year);
      for (const e of c.entries.values()) {
        expect(e.name.trim(), e.code).not.toBe('');
        expect(e.level).toBe(e.code.length === 3 ? '类' : e.code.length === 5 ? '款' : '项');
        if (e.level === '类') expect(e.parent).toBe('');
        else
          expect(c.entries.get(e.parent)?.level, `${kind}-${year} ${e.code} 的上级 ${e.parent}`).toBe(
            e.level === '款' ? '类' : '款',
          );
        // Honest labels: a public document of this year, a MoF notice, another year's document
        // (assumed), or unverified general knowledge; never a claim to be the official list.
        expect(e.source, e.code).toMatch(
          /^(seed|fixture:[a-z0-9-]+|notice:[a-z0-9-]+|assumed:(seed|fixture:[a-z0-9-]+)|unverified)$/,
        );
      }
      if (kind === 'economic') expect([...c.entries.values()].some((e) => e.level === '项')).toBe(false);
    });
  }

  it.each(YEARS)('function %i lists every 类 of the T1 rows and the 债务 classes', (year) => {
    const c = cat('function', year);
    for (const code of [
      '201',
      '202',
      '203',
      '204',
      '205',
      '206',
      '207',
      '208',
      '210',
      '211',
      '212',
      '213',
      '214',
      '215',
      '216',
      '217',
      '219',
      '220',
      '221',
      '222',
      '223',
      '224',
      '229',
      '231',
      '232',
      '233',
    ]) {
      expect(c.entries.get(code)?.level, code).toBe('类');
    }
  });

  it.each(YEARS)('economic %i: groups of 基本支出 (DOMAIN.md §3)', (year) => {
    const c = cat('economic', year);
    for (const e of c.entries.values()) {
      const cls = e.code.slice(0, 3);
      const want =
        cls === '301' || cls === '303' ? '人员经费' : cls === '302' || cls === '310' ? '公用经费' : undefined;
      expect(e.group, e.code).toBe(want);
    }
    expect(c.entries.get('30311')?.name).toBe('代缴社会保险费');
    expect(c.entries.get('399')?.name).toBe('其他支出');
  });

  it('2022 has the seed’s nine 项 with the seed’s names', () => {
    const c = cat('function', 2022);
    const seed: [string, string][] = [
      ['2010450', '事业运行'],
      ['2010499', '其他发展与改革事务支出'],
      ['2010402', '一般行政管理事务'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['2101101', '行政单位医疗'],
      ['2101102', '事业单位医疗'],
      ['2101103', '公务员医疗补助'],
      ['2101199', '其他行政事业单位医疗支出'],
      ['2210201', '住房公积金'],
    ];
    for (const [code, name] of seed) {
      expect(c.entries.get(code)?.name).toBe(name);
      expect(c.entries.get(code)?.source).toBe('seed');
    }
    expect(c.entries.get('20104')?.name).toBe('发展与改革事务');
  });

  it.each(YEARS)('function %i has the generator’s 项 with the generator’s names', (year) => {
    const c = cat('function', year);
    for (const [code, name, kuan, lei] of [...COMMON_FUNCTION_ITEMS, FUND_ITEM]) {
      expect(c.entries.get(code)?.name, code).toBe(name);
      expect(c.entries.get(code.slice(0, 5))?.name, code).toBe(kuan);
      expect(c.entries.get(code.slice(0, 3))?.name, code).toBe(lei);
    }
  });

  it('2024 has the codes printed in the Putuo 2024 publication', () => {
    const c = cat('function', 2024);
    const printed: [string, string][] = [
      ['20139', '社会工作事务'],
      ['2013901', '行政运行'],
      ['2013950', '事业运行'],
      ['2013999', '其他社会工作事务支出'],
      ['2080506', '机关事业单位职业年金缴费支出'],
      ['2210203', '购房补贴'],
      ['2050205', '高等教育'],
      ['20799', '其他文化旅游体育与传媒支出'],
    ];
    for (const [code, name] of printed) expect(c.entries.get(code)?.name).toBe(name);
    expect(c.entries.get('2013901')?.source).toBe('fixture:shanghai-putuo-2024');
  });

  it('year differences: 20139 from 2024; 21305 renamed in 2021; the common 养老/医疗/住房 items every year', () => {
    for (const y of [2020, 2021, 2022, 2023])
      expect(cat('function', y).entries.has('20139'), String(y)).toBe(false);
    for (const y of [2024, 2025]) expect(cat('function', y).entries.has('20139'), String(y)).toBe(true);
    expect(cat('function', 2020).entries.get('21305')?.name).toBe('扶贫');
    expect(cat('function', 2021).entries.get('21305')?.name).toBe('巩固脱贫衔接乡村振兴');
    for (const y of YEARS) {
      const c = cat('function', y);
      for (const code of [
        '2080501',
        '2080502',
        '2080503',
        '2080505',
        '2080506',
        '2080599',
        '2101101',
        '2101102',
        '2101103',
        '2101199',
        '2210201',
        '2210202',
        '2210203',
        '22960',
        '234',
      ]) {
        expect(c.entries.has(code), `${y} ${code}`).toBe(true);
      }
    }
  });

  it('the codes added by MoF notices in 2024 and 2025 are listed from their year on, citing the notice', () => {
    const additions = readFileSync(
      new URL(
        '../../../../../shared/reference/classification/function-additions-2024-2025.csv',
        import.meta.url,
      ),
      'utf8',
    );
    const rows = additions.trim().split('\n').slice(1);
    expect(rows).toHaveLength(4);
    for (const line of rows) {
      const [code, name, level, parent, from] = line.split(',') as [string, string, string, string, string];
      for (const y of YEARS) {
        const e = cat('function', y).entries.get(code);
        if (y < Number(from)) {
          expect(e, `${y} ${code}`).toBeUndefined();
          continue;
        }
        expect(e?.name, `${y} ${code}`).toBe(name);
        expect(e?.level).toBe(level);
        expect(e?.parent).toBe(parent);
        expect(e?.source).toMatch(/^notice:/);
        expect(describeSource(e?.source).checked).toBe(true);
      }
    }
    expect(describeSource(cat('function', 2025).entries.get('22911')?.source).text).toContain(
      '财预〔2025〕41号',
    );
    expect(describeSource(cat('function', 2024).entries.get('22006')?.source).text).toContain('2024-03-29');
  });

  it('rows printed in a public document say so; the other years of those rows say "assumed"', () => {
    expect(describeSource(cat('function', 2022).entries.get('2010450')?.source).status).toBe('printed');
    expect(cat('function', 2023).entries.get('2010450')?.source).toBe('assumed:seed');
    expect(describeSource(cat('function', 2023).entries.get('2010450')?.source).checked).toBe(false);
    expect(cat('function', 2025).entries.get('2013901')?.source).toBe('assumed:fixture:shanghai-putuo-2024');
    expect(cat('economic', 2024).entries.get('30101')?.source).toBe('fixture:shanghai-putuo-2024');
    expect(cat('economic', 2020).entries.get('30101')?.source).toBe('assumed:fixture:shanghai-putuo-2024');
    // 307 债务利息及费用支出 is not printed in any fixture: general knowledge.
    expect(describeSource(cat('economic', 2024).entries.get('307')?.source).status).toBe('unverified');
  });

  it.each(YEARS)('%i: most function rows are unverified, and the counts add up to the list', (year) => {
    const c = cat('function', year);
    const counts = provenanceCounts(c);
    expect(counts.reduce((a, x) => a + x.rows, 0)).toBe(c.entries.size);
    const unverified = counts.find((x) => x.status === 'unverified')!.rows;
    expect(unverified / c.entries.size).toBeGreaterThan(0.9);
    expect(counts.some((x) => x.status === 'imported')).toBe(false);
  });

  it('parses each year once (cached)', () => {
    expect(builtinCatalogue('function', 2024)).toBe(builtinCatalogue('function', 2024));
  });
});
