import { describe, expect, it } from 'vitest';
import { errors, runOne, shifted, unitData, withValue } from '../testing.ts';
import { rule } from './procurement-small-micro-le-sme.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './procurement-small-micro-le-sme.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes on a generated unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when 授予小微企业合同金额 exceeds 授予中小企业合同金额', () => {
    const p = data.procurement as { sme: string };
    const e = errors(
      runOne(
        rule,
        shifted(withValue(data, 'procurement.smallMicro', p.sme), 'procurement.smallMicro', '0.30'),
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.location.map((l) => l.field)).toEqual(['procurement.smallMicro', 'procurement.sme']);
    expect(e[0]!.message).toContain('授予小微企业合同金额');
  });
  it('reports insufficient data without the procurement block', () => {
    expect(runOne(rule, withValue(data, 'procurement', undefined)).notRun[0]?.reason).toBe(
      'insufficient-data',
    );
  });
});

testRule(cases);
