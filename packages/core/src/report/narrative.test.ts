import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../classification/builtin.ts';
import { disclosureFromData } from '../model/load.ts';
import { ruleSettingsFor } from '../profiles/rule-settings.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { validateDisclosure } from '../validate.ts';
import { paragraphText, type Block } from './document.ts';
import { buildNarrative } from './narrative.ts';
import { builtinProfile, builtinProfileNames } from './profile.ts';

type Data = Record<string, unknown>;

function narrative(data: Data, profileName = 'xinjiang-2022'): { blocks: Block[]; text: string } {
  const d = disclosureFromData(data);
  const blocks = buildNarrative({
    d,
    profile: builtinProfile(profileName),
    catalogues: builtinCatalogues(d.year),
    settings: ruleSettingsFor(profileName),
  });
  const text = blocks
    .map((b) => (b.type === 'paragraph' ? paragraphText(b) : b.type === 'heading' ? b.text : ''))
    .join('\n');
  return { blocks, text };
}

const rows = (data: Data, t: string) => ((data['tables'] as Data)[t] as { rows: Data[] }).rows;

describe('narrative on generated units', () => {
  it.each(builtinProfileNames())(
    'profile %s: every template fills, no placeholder when the data is complete',
    (name) => {
      for (let seed = 1; seed <= 12; seed++) {
        const { blocks, text } = narrative(generateUnitData({ seed, profile: name }), name);
        expect(text.length).toBeGreaterThan(500);
        const placeholders = blocks.flatMap((b) =>
          b.type === 'paragraph' ? b.runs.filter((r) => r.placeholder) : [],
        );
        expect(
          placeholders.map((r) => r.text),
          `seed ${seed}`,
        ).toEqual([]);
      }
    },
  );

  it('lists every 类 of T5 and every 项 non-zero in either year, this year’s first', () => {
    const data = generateUnitData({ seed: 5, items: 10 });
    const t5 = rows(data, 't5');
    const { text } = narrative(data);
    const classes = t5.filter((r) => (r['code'] as string | undefined)?.length === 3);
    for (const c of classes) expect(text).toContain(`${c['name'] as string}（类）`);
    const items = t5.filter((r) => (r['code'] as string | undefined)?.length === 7 && r['total'] !== '0.00');
    for (const r of items) expect(text).toContain(`（项）：支出决算数为${r['total'] as string}万元`);
  });

  it('a 项 that is zero this year comes last with 下降100%', () => {
    const data = structuredClone(generateUnitData({ seed: 8, items: 6, withFund: false })) as Data;
    const items = rows(data, 't5').filter((r) => (r['code'] as string | undefined)?.length === 7);
    const first = items[0]!;
    first['total'] = '0.00';
    first['prior'] = { total: '5.00' };
    const { text } = narrative(data);
    const lines = text.split('\n').filter((l) => /（项）：/.test(l));
    expect(lines).toHaveLength(items.length);
    expect(lines.at(-1)).toContain(
      `${first['name'] as string}（项）：支出决算数为0.00万元，比上年决算减少5.00万元，下降100%`,
    );
  });

  it('a missing reason shows a visible placeholder and validate reports an error', () => {
    const data = structuredClone(generateUnitData({ seed: 3 })) as Data;
    const total = rows(data, 't1').find((r) => r['row'] === 'incomeGrandTotal')!;
    delete total['reasons'];
    const { blocks } = narrative(data);
    const p = blocks.find((b) => b.type === 'paragraph' && b.key === 'overview.income');
    expect(
      p && p.type === 'paragraph' && p.runs.some((r) => r.placeholder && r.text === '【请填写主要原因】'),
    ).toBe(true);
    const o = validateDisclosure(disclosureFromData(data));
    expect(o.findings.some((f) => f.severity === 'error' && f.rule === 'reason-t1-totals-prior')).toBe(true);
  });

  it('empty T8/T9 print the statement; a unit without procurement says so', () => {
    const data = structuredClone(generateUnitData({ seed: 4, withFund: false })) as Data;
    (data['procurement'] as Data) = { total: '0.00', goods: '0.00', works: '0.00', services: '0.00' };
    const { text } = narrative(data);
    expect(text).toContain((data['tables'] as { t8: { emptyStatement: string } }).t8.emptyStatement);
    expect(text).toContain((data['tables'] as { t9: { emptyStatement: string } }).t9.emptyStatement);
    // Without a stated statement the profile's sentence is printed.
    delete ((data['tables'] as Data)['t9'] as Data)['emptyStatement'];
    expect(narrative(data).text).toContain('国有资本经营预算财政拨款收入支出决算表为空表');
    expect(text).toContain('我单位本年度无政府采购支出');
  });

  it('a 表五 not given leaves a visible gap in the 结构 sentence, never “以下方面：。”', () => {
    const data = structuredClone(generateUnitData({ seed: 5, profile: 'central' })) as Data;
    delete (data['tables'] as Data)['t5'];
    const { text } = narrative(data, 'central');
    expect(text).not.toContain('：。');
    expect(text).toContain('主要用于以下方面：【数据未提供】。');
  });

  it('Shanghai and central compare each 项 with its 年初预算', () => {
    const data = generateUnitData({ seed: 6 });
    const sh = narrative(data, 'shanghai-2024').text;
    expect(sh).toMatch(
      /年初预算为\d+\.\d{2}万元，支出决算为\d+\.\d{2}万元。决算数(大于|小于)预算数的主要原因：|决算数与预算数持平/,
    );
    const c = narrative(data, 'central').text;
    expect(c).toMatch(/完成年初预算的\d+\.\d{2}%/);
  });
});
