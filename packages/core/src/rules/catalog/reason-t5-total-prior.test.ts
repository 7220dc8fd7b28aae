import { describe, expect, it } from 'vitest';
import { CENTRAL } from '../../profiles/rule-settings.ts';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t5-total-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t5-total-prior.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when the 合计 changed against last year and its reason is removed', () => {
    const i = rowIndex(data, 't5', 'total');
    const changed = withValue(
      shifted(data, cellPath(data, 't5', 'total', 'total', 'prior'), '0.01'),
      `tables.t5.rows[${i}].reasons.prior`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: 'total', column: 'total' });
    expect(e[0]!.location.some((l) => l.field === `tables.t5.rows[${i}].reasons.prior`)).toBe(true);
    expect(e[0]!.difference).toBeDefined();
  });
  it('is not applicable when the profile does not require it', () => {
    const o = runOne(rule, data, {
      settings: { ...CENTRAL, reasonsPrior: { ...CENTRAL.reasonsPrior, t5Total: false } },
    });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
