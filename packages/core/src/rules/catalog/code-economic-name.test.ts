import { describe, expect, it } from 'vitest';
import { errors, rowIndex, runOne, unitData, withValue } from '../testing.ts';
import { rule } from './code-economic-name.ts';
import { testRule } from '../rule-tester.ts';
import { cases } from './code-economic-name.cases.ts';

describe(rule.id, () => {
  const data = unitData();

  it('passes on a consistent unit', () => {
    const o = runOne(rule, data);
    expect(o.findings).toEqual([]);
    expect(o.notRun).toEqual([]);
  });

  it('reports a T6 款 printed under another name', () => {
    const o = runOne(
      rule,
      withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30231')}].name`, '公务用车运行费'),
    );
    const e = errors(o);
    expect(e).toHaveLength(1);
    expect(e[0]!.rule).toBe(rule.id);
    expect(e[0]!.message).toBe(
      '部门预算支出经济分类科目「30231」名称应为「公务用车运行维护费」，表中写作「公务用车运行费」',
    );
    expect(e[0]!.location).toEqual([
      expect.objectContaining({ table: 't6', row: '30231', label: '表六「30231 公务用车运行费」行' }),
    ]);
  });

  it('accepts half-width brackets for 因公出国（境）费用', () => {
    const d = withValue(data, `tables.t6.rows[${rowIndex(data, 't6', '30211')}]`, {
      code: '30212',
      name: '因公出国(境)费用',
      amount: '0.00',
    });
    expect(runOne(rule, d).findings).toEqual([]);
  });

  it('reports insufficient data when no catalogue is given', () => {
    expect(runOne(rule, data, { catalogues: {} }).notRun[0]?.reason).toBe('insufficient-data');
  });
});

testRule(cases);
