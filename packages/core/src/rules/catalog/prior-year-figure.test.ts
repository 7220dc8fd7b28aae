import { describe, expect, it } from 'vitest';
import { testRule } from '../rule-tester.ts';
import { cases } from './prior-year-figure.cases.ts';
import { applyPreviousYear } from '../../years/previous-year.ts';
import { disclosureFromData } from '../../model/load.ts';
import { cellPath, load, nonInfo, runOne, shifted, unitData, withValue, type Data } from '../testing.ts';
import { rule } from './prior-year-figure.ts';

describe(rule.id, () => {
  const last = unitData({ year: 2021 });
  const previous = disclosureFromData(last, { file: '2021.yaml' });
  // This year's 上年数 taken from last year's data: they agree by construction.
  const now = applyPreviousYear(unitData({ year: 2022 }), previous).data as Data;

  it('passes when every 上年数 this year lists equals last year’s figure', () => {
    const o = runOne(rule, load(now), { previous });
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('warns when a 表五 上年数 differs from last year’s figure, naming both sources', () => {
    const t5 = (now['tables'] as Data)['t5'] as { rows: Data[] };
    const code = String(t5.rows.find((r) => r['code'] !== undefined && r['prior'] !== undefined)!['code']);
    const changed = shifted(now, cellPath(now, 't5', code, 'total', 'prior'), '1.20');
    const w = nonInfo(runOne(rule, disclosureFromData(changed, { file: '2022.yaml' }), { previous }));
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warning');
    expect(w[0]!.location[0]).toMatchObject({ table: 't5', row: code, column: 'total', which: 'prior' });
    expect(w[0]!.location[1]).toMatchObject({ table: 't5', row: code, column: 'total' });
    expect(w[0]!.message).toContain('2021.yaml');
    expect(w[0]!.difference).toBe('+1.20');
  });

  it('warns when the 机关运行经费 上年数 differs from last year’s 机关运行经费', () => {
    const ac = (now['adminCost'] as Data)['prior'];
    expect(ac).toBeDefined();
    const w = nonInfo(runOne(rule, load(shifted(now, 'adminCost.prior', '-2.00')), { previous }));
    expect(w).toHaveLength(1);
    expect(w[0]!.location.map((l) => l.field)).toEqual(['adminCost.prior', 'adminCost.amount']);
  });

  it('does not run without last year’s data, nor when this year lists no 上年数', () => {
    expect(runOne(rule, load(now)).notRun[0]?.reason).toBe('not-applicable');
    let bare: Data = structuredClone(now);
    for (const t of Object.values(bare['tables'] as Record<string, { rows: Data[] }>))
      for (const r of t.rows) delete r['prior'];
    bare = withValue(bare, 'adminCost.prior', undefined);
    expect(runOne(rule, load(bare), { previous }).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
