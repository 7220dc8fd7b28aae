/**
 * The shared tests of the T5 ≤ T3 family (t5-t3-item-le, t5-t3-basic-le, t5-t3-project-le): each 项 of
 * 表五 may spend no more from 一般公共预算财政拨款 than 表三 shows for it in the same column. One
 * describe block per rule, told apart by the column and by what the rule does with a 表五 code that
 * 表三 does not list (reported by the item rule, left to it by the other two).
 */
import { describe, expect, it } from 'vitest';
import { itemCodes, rowOf, withoutRows, withRows } from './fiscal-table-testing.ts';
import { cellPath, errors, runOne, shifted, unitData } from './testing.ts';
import type { Rule } from './types.ts';

export interface T5T3Family {
  rule: Rule;
  /** The compared column of both tables. */
  column: 'total' | 'basic' | 'project';
  /** Words the message names the column with. */
  columnWords: string;
  /** Whether this rule itself reports a 表五 code that 表三 does not list. */
  reportsUnlisted: boolean;
}

export function describeT5T3(f: T5T3Family): void {
  const { rule, column } = f;
  describe(rule.id, () => {
    const data = unitData();
    // A 项 whose T5 figure equals T3's: any increase in T5 breaks the identity.
    const code = itemCodes(data, 't5').find(
      (c) => rowOf(data, 't5', c)[column] === rowOf(data, 't3', c)[column],
    )!;
    it('passes on a consistent unit', () => {
      const o = runOne(rule, data);
      expect(errors(o)).toEqual([]);
      expect(o.notRun).toEqual([]);
      expect(o.partial).toEqual([]);
    });
    it('fails when T5 exceeds T3 by 0.05 for a 项', () => {
      expect(code).toBeDefined();
      const e = errors(runOne(rule, shifted(data, cellPath(data, 't5', code, column), '0.05')));
      expect(e).toHaveLength(1);
      expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: code, column });
      expect(e[0]!.location[1]).toMatchObject({ table: 't3', row: code, column });
      expect(e[0]!.message).toContain(f.columnWords);
      expect(e[0]!.difference).toBe('+0.05');
    });
    if (f.reportsUnlisted)
      it('reports a T5 code that T3 does not list', () => {
        const e = errors(
          runOne(
            rule,
            withoutRows(data, 't3', (r) => r.code === code),
          ),
        );
        expect(e).toHaveLength(1);
        expect(e[0]!.location[0]).toMatchObject({ table: 't5', row: code, column });
        expect(e[0]!.message).toContain('未列出');
      });
    else
      it('leaves a T5 code that T3 does not list to t5-t3-item-le', () => {
        expect(
          errors(
            runOne(
              rule,
              withoutRows(data, 't3', (r) => r.code === code),
            ),
          ),
        ).toEqual([]);
      });
    it('reports insufficient data when T3 is missing or lists no codes', () => {
      expect(runOne(rule, withRows(data, 't3', [])).notRun[0]?.reason).toBe('insufficient-data');
      const o = runOne(
        rule,
        withoutRows(data, 't3', (r) => r.code !== undefined),
      );
      expect(o.partial[0]?.reason).toBe('insufficient-data');
    });
  });
}
