import { describe, expect, it } from 'vitest';
import { testRule } from '../rule-tester.ts';
import { cases, twoYears } from './carryover-previous-year.cases.ts';
import { disclosureFromData } from '../../model/load.ts';
import { cellPath, errors, load, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './carryover-previous-year.ts';

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

testRule(cases);
