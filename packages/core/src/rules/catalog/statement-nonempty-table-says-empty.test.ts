import { describe, expect, it } from 'vitest';
import { errors, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './statement-nonempty-table-says-empty.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './statement-nonempty-table-says-empty.cases.ts';

describe(rule.id, () => {
  const data = unitData({ withFund: true });
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when T8 has amounts but says it is empty', () => {
    const e = errors(
      runOne(
        rule,
        withValue(data, 'tables.t8.emptyStatement', '本单位无政府性基金预算财政拨款收入，故本表为空表。'),
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't8', field: 'tables.t8.emptyStatement' });
    expect(e[0]!.message).toContain('表八');
  });
  it('fails when "三公" amounts exist but the unit says it has none', () => {
    const e = errors(runOne(rule, withValue(data, 'threePublic.emptyStatement', '本单位无“三公”经费。')));
    expect(e.map((f) => f.location[0]!.field)).toEqual(['threePublic.emptyStatement']);
  });
  it('fails when procurement has a total but says there was none', () => {
    const e = errors(
      runOne(rule, withValue(data, 'procurement.emptyStatement', '本单位本年度无政府采购支出。')),
    );
    expect(e.map((f) => f.location[0]!.field)).toEqual(['procurement.emptyStatement']);
  });
});

testRule(cases);
