import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import { disclosureFromData } from '../model/load.ts';
import { generateUnitData } from '../testing/generate-unit.ts';
import { applyPreviousYear, checkCarriedFigures } from './previous-year.ts';

type Obj = Record<string, unknown>;
const rowsOf = (data: Obj, id: string) => ((data['tables'] as Obj)[id] as { rows: Obj[] }).rows;
const row = (data: Obj, id: string, key: string) =>
  rowsOf(data, id).find((r) => r['row'] === key || r['code'] === key)!;

describe('consecutive years', () => {
  const last = generateUnitData({ seed: 5, year: 2021, withFund: true }) as Obj;
  const current = generateUnitData({ seed: 5, year: 2022, withFund: true }) as Obj;

  it('上年 figures come from last year’s data; a different stated 上年数 is listed', () => {
    const { data, differences } = applyPreviousYear(current, disclosureFromData(last, { file: 'last.yaml' }));
    for (const id of ['t1', 't5', 't7']) {
      for (const r of rowsOf(last, id)) {
        const mine = row(data, id, String(r['row'] ?? r['code']));
        for (const [k, v] of Object.entries(r))
          if (/^\d/.test(String(v)) && k !== 'code') expect((mine['prior'] as Obj)[k], `${id} ${k}`).toBe(v);
      }
    }
    expect((data['adminCost'] as Obj)['prior']).toBe((last['adminCost'] as Obj)['amount']);
    // The generated unit states its own 上年数 for the grand total; last year's figure wins.
    expect(differences.some((d) => d.path.startsWith('tables.t1.rows['))).toBe(true);
    expect(() => disclosureFromData(data)).not.toThrow();
  });

  it('this year’s 年初结转和结余 against last year’s 年末, with both sources in the finding', () => {
    const prev = structuredClone(last);
    const now = structuredClone(current);
    row(now, 't1', 'openingCarryover')['amount'] = row(prev, 't1', 'closingCarryover')['amount'];
    row(prev, 't1', 'closingCarryover')['amount'] = '99.99';
    const findings = checkCarriedFigures(
      disclosureFromData(now, { file: '2022.yaml' }),
      disclosureFromData(prev, { file: '2021.yaml' }),
    );
    const f = findings.find((x) => x.rule === 'carryover-previous-year' && x.location[0]!.table === 't1')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('2022.yaml');
    expect(f.message).toContain('2021.yaml 99.99');
    expect(f.location[0]!.label).toContain('2022.yaml（2022 年度）表一「年初结转和结余」行');
    expect(f.location[1]!.label).toContain('2021.yaml（2021 年度）表一「年末结转和结余」行');
    expect(f.expected).toBe('99.99');
  });

  it('carried figures that agree give no finding; years that are not consecutive are refused', () => {
    const { data } = applyPreviousYear(current, last, { carryOpening: true });
    // Opening carry-overs were given, so carryOpening keeps them; make them agree and check.
    row(data, 't1', 'openingCarryover')['amount'] = row(last, 't1', 'closingCarryover')['amount'];
    for (const c of ['total', 'generalBudget', 'governmentFund', 'stateCapital'])
      row(data, 't4', 'openingCarryover')[c] = row(last, 't4', 'closingCarryover')[c];
    for (const r of rowsOf(data, 't8')) {
      const p = rowsOf(last, 't8').find((x) => (x['row'] ?? x['code']) === (r['row'] ?? r['code']));
      if (p) r['opening'] = p['closing'];
    }
    const findings = checkCarriedFigures(disclosureFromData(data), last);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(() => applyPreviousYear({ ...current, year: 2024 }, last)).toThrow(JuesuanError);
  });
});
