import { describe, expect, it } from 'vitest';
import { rowsOf, withoutRows } from '../fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from '../testing.ts';
import { rule } from './t5-t4-class.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './t5-t4-class.cases.ts';

describe(rule.id, () => {
  const data = unitData();
  const cls = rowsOf(data, 't5').find((r) => r.code?.length === 3)!.code!;
  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(errors(o)).toEqual([]);
    expect(o.notRun).toEqual([]);
  });
  it('fails when a T5 类 is off by 0.05', () => {
    const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', cls, 'total'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.table === 't5' && l.row === cls && l.column === 'total')).toBe(true);
    expect(
      e[0]!.location.some((l) => l.table === 't4' && l.row === cls && l.column === 'generalBudget'),
    ).toBe(true);
    expect(e[0]!.difference).toBe('+0.05');
  });
  it('uses the top-level rows of a 类 whose row is not listed', () => {
    const noClassRows = withoutRows(data, 't5', (r) => r.code?.length === 3);
    expect(errors(runOne(rule, noClassRows))).toEqual([]);
    const kuan = rowsOf(noClassRows, 't5').find((r) => r.code?.startsWith(cls) && r.code.length === 5)!.code!;
    const e = errors(runOne(rule, shifted(noClassRows, cellPath(noClassRows, 't5', kuan, 'total'), '0.05')));
    expect(e).toHaveLength(1);
    expect(e[0]!.location.some((l) => l.table === 't5' && l.row === kuan)).toBe(true);
  });
  it('reports a 类 listed in one table but not the other', () => {
    const e = errors(
      runOne(
        rule,
        withoutRows(data, 't4', (r) => r.code === cls),
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toContain('表四未列出');
    const e2 = errors(
      runOne(
        rule,
        withoutRows(data, 't5', (r) => r.code?.startsWith(cls) === true),
      ),
    );
    expect(e2).toHaveLength(1);
    expect(e2[0]!.location[0]).toMatchObject({ table: 't4', row: cls, column: 'generalBudget' });
  });
  it('reports insufficient data when T4 lists no 类', () => {
    const o = runOne(
      rule,
      withoutRows(data, 't4', (r) => r.code !== undefined),
    );
    expect(o.notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
