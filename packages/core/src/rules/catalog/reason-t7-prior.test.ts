import { describe, expect, it } from 'vitest';
import { CENTRAL } from '../../profiles/rule-settings.ts';
import { cellPath, errors, rowIndex, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './reason-t7-prior.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './reason-t7-prior.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 公务接待费 changed against last year without a reason', () => {
    const i = rowIndex(data, 't7', 'reception');
    const changed = withValue(
      shifted(data, cellPath(data, 't7', 'reception', 'final', 'prior'), '0.80'),
      `tables.t7.rows[${i}].reasons.prior`,
      undefined,
    );
    const e = errors(runOne(rule, changed));
    expect(e).toHaveLength(1);
    expect(e[0]!.location[0]).toMatchObject({ table: 't7', row: 'reception', column: 'final' });
    expect(e[0]!.location.some((l) => l.field === `tables.t7.rows[${i}].reasons.prior`)).toBe(true);
    expect(e[0]!.message).toContain('公务接待费');
  });
  it('accepts the 公务用车 小计 reason for its two items (as the seed states it)', () => {
    const p = rowIndex(data, 't7', 'vehiclePurchase');
    const changed = withValue(
      shifted(data, cellPath(data, 't7', 'vehiclePurchase', 'final', 'prior'), '1.00'),
      `tables.t7.rows[${p}].reasons`,
      undefined,
    );
    expect(errors(runOne(rule, changed))).toEqual([]);
    const v = rowIndex(data, 't7', 'vehicle');
    const e = errors(runOne(rule, withValue(changed, `tables.t7.rows[${v}].reasons`, undefined)));
    expect(e.some((f) => f.location[0]?.row === 'vehiclePurchase')).toBe(true);
  });
  it('is not applicable when the profile does not require it', () => {
    const o = runOne(rule, data, {
      settings: { ...CENTRAL, reasonsPrior: { ...CENTRAL.reasonsPrior, t7Items: false } },
    });
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
