import { describe, expect, it } from 'vitest';
import { disclosureFromData } from '../../model/load.ts';
import { cellPath, errors, load, runOne, shifted, unitData, type Data } from '../testing.ts';
import { rule } from './carryover-previous-year.ts';

const rowsOf = (data: Data, id: string) => ((data['tables'] as Data)[id] as { rows: Data[] }).rows;
const find = (data: Data, id: string, key: string) =>
  rowsOf(data, id).find((r) => r['row'] === key || r['code'] === key);

/** Last year's unit, and this year's whose opening carry-overs are last year's closing ones. */
function twoYears(): { last: Data; now: Data } {
  const last = unitData({ year: 2021 });
  const now = structuredClone(unitData({ year: 2022 }));
  find(now, 't1', 'openingCarryover')!['amount'] = find(last, 't1', 'closingCarryover')!['amount'];
  for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital']) {
    const v = find(last, 't4', 'closingCarryover')?.[c];
    if (v !== undefined) find(now, 't4', 'openingCarryover')![c] = v;
  }
  for (const id of ['t8', 't9'])
    for (const r of rowsOf(now, id)) {
      const p = find(last, id, String(r['row'] ?? r['code']));
      if (p?.['closing'] !== undefined) r['opening'] = p['closing'];
    }
  return { last, now };
}

describe(rule.id, () => {
  const { last, now } = twoYears();
  const previous = disclosureFromData(last, { file: '2021.yaml' });

  it('passes when every 年初结转和结余 equals last year’s 年末结转和结余', () => {
    const o = runOne(rule, disclosureFromData(now, { file: '2022.yaml' }), { previous });
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
    expect(o.partial).toEqual([]);
  });

  it('fails when 表一 年初结转和结余 is off by 0.05, naming both files and both cells', () => {
    const changed = shifted(now, cellPath(now, 't1', 'openingCarryover', 'amount'), '0.05');
    const e = errors(runOne(rule, disclosureFromData(changed, { file: '2022.yaml' }), { previous }));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't1', row: 'openingCarryover', column: 'amount' });
    expect(e[0]!.location[1]).toMatchObject({ table: 't1', row: 'closingCarryover', column: 'amount' });
    expect(e[0]!.location[0]!.label).toContain('2022.yaml（2022 年度）表一「年初结转和结余」行');
    expect(e[0]!.location[1]!.label).toContain('2021.yaml（2021 年度）表一「年末结转和结余」行');
    expect(e[0]!.difference).toBe('+0.05');
  });

  it('a 表四 fund column off by 0.01 is a rounding note, not an error', () => {
    const changed = shifted(now, cellPath(now, 't4', 'openingCarryover', 'generalBudget'), '0.01');
    const o = runOne(rule, load(changed), { previous });
    expect(errors(o)).toEqual([]);
    expect(o.findings).toHaveLength(1);
    expect(o.findings[0]).toMatchObject({ severity: 'info', kind: 'rounding' });
    expect(o.findings[0]!.location[0]).toMatchObject({ table: 't4', column: 'generalBudget' });
  });

  it('does not run without last year’s data, nor with data of a year that is not the one before', () => {
    expect(runOne(rule, load(now)).notRun[0]?.reason).toBe('not-applicable');
    const old = disclosureFromData(unitData({ year: 2019 }));
    expect(runOne(rule, load(now), { previous: old }).notRun[0]?.reason).toBe('insufficient-data');
  });
});
