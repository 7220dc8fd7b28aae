import { describe, expect, it } from 'vitest';
import { rowsOf, withoutRows, withRows } from '../fiscal-table-testing.ts';
import { nonInfo, runOne, unitData } from '../testing.ts';
import { rule } from './t6-class-allowed.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t6-class-allowed.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  it('passes when T6 lists only personnel and public classes', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('warns about a 307 债务利息及费用支出 of 0.05', () => {
    const rows = [...rowsOf(data, 't6')];
    rows.splice(
      rows.findIndex((r) => r.row !== undefined),
      0,
      { code: '307', name: '债务利息及费用支出', amount: '0.05' },
      { code: '30701', name: '国内债务付息', amount: '0.05' },
    );
    const w = nonInfo(runOne(rule, withRows(data, 't6', rows)));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ rule: rule.id, severity: 'warning', actual: '307' });
    expect(w[0]!.location.map((l) => l.row)).toEqual(['307', '30701']);
    expect(w[0]!.message).toContain('0.05');
  });
  it('ignores such a class printed with no amount', () => {
    const rows = [...rowsOf(data, 't6'), { code: '307', name: '债务利息及费用支出', amount: '0.00' }];
    expect(runOne(rule, withRows(data, 't6', rows)).findings).toEqual([]);
  });
  it('is not applicable when T6 lists no economic codes', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't6', (r) => r.code !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('not-applicable');
  });
});

testRule(cases);
