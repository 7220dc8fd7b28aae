/**
 * Three units of one department: A (本级) pays 20 万元 对附属单位补助支出 to B and receives 5 万元 附属单位上缴收入
 * from B; C has 7 万元 上级补助收入 from outside the department. Checked figure by figure.
 */
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../errors.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { disclosureFromData } from '../model/load.ts';
import { parseSourceText } from '../model/yaml-source.ts';
import { validateDisclosure } from '../validate.ts';
import { consolidate } from './consolidate.ts';

type Obj = Record<string, unknown>;
const data = (yaml: string): Obj => parseSourceText(yaml).data as Obj;

const A = data(`
format: juesuan-disclosure/1
year: 2022
unit: { name: 甲局本级, kind: 行政 }
tables:
  t1:
    rows:
      - { row: generalBudget, amount: 100 }
      - { row: governmentFund, amount: 0 }
      - { row: stateCapital, amount: 0 }
      - { row: superiorSubsidy, amount: 0 }
      - { row: businessIncome, amount: 0 }
      - { row: operatingIncome, amount: 0 }
      - { row: subsidiaryRemittance, amount: 5 }
      - { row: otherIncome, amount: 0 }
      - { row: incomeTotal, amount: 105 }
      - { row: useOfNonFiscalBalance, amount: 0 }
      - { row: openingCarryover, amount: 10 }
      - { row: incomeGrandTotal, amount: 115, prior: { amount: 110 }, reasons: { prior: 本级人员增加。 } }
      - { code: '201', name: 一般公共服务支出, amount: 80 }
      - { code: '208', name: 社会保障和就业支出, amount: 20 }
      - { row: expenditureTotal, amount: 100 }
      - { row: surplusDistribution, amount: 0 }
      - { row: closingCarryover, amount: 15 }
      - { row: expenditureGrandTotal, amount: 115 }
  t2:
    rows:
      - { row: total, total: 105, fiscal: 100, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 5, otherIncome: 0 }
      - { code: '201', name: 一般公共服务支出, total: 85, fiscal: 80, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 5, otherIncome: 0 }
      - { code: '20101', name: 人大事务, total: 85, fiscal: 80, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 5, otherIncome: 0 }
      - { code: '2010101', name: 行政运行, total: 85, fiscal: 80, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 5, otherIncome: 0 }
      - { code: '208', name: 社会保障和就业支出, total: 20, fiscal: 20, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '20805', name: 行政事业单位养老支出, total: 20, fiscal: 20, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '2080505', name: 机关事业单位基本养老保险缴费支出, total: 20, fiscal: 20, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
  t3:
    rows:
      - { row: total, total: 100, basic: 50, project: 30, remittance: 0, operating: 0, subsidiaryGrant: 20 }
      - { code: '201', name: 一般公共服务支出, total: 80, basic: 50, project: 30, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '20101', name: 人大事务, total: 80, basic: 50, project: 30, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '2010101', name: 行政运行, total: 80, basic: 50, project: 30, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '208', name: 社会保障和就业支出, total: 20, basic: 0, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 20 }
      - { code: '20805', name: 行政事业单位养老支出, total: 20, basic: 0, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 20 }
      - { code: '2080505', name: 机关事业单位基本养老保险缴费支出, total: 20, basic: 0, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 20 }
threePublic: { abroadGroups: 1, vehiclesHeld: 2 }
procurement: { total: 10, goods: 10, works: 0, services: 0 }
assets: { buildingArea: '100.5' }
`);

const B = data(`
format: juesuan-disclosure/1
year: 2022
unit: { name: 甲局所属中心, kind: 事业 }
tables:
  t1:
    rows:
      - { row: generalBudget, amount: 0 }
      - { row: governmentFund, amount: 0 }
      - { row: stateCapital, amount: 0 }
      - { row: superiorSubsidy, amount: 20 }
      - { row: businessIncome, amount: 30 }
      - { row: operatingIncome, amount: 0 }
      - { row: subsidiaryRemittance, amount: 0 }
      - { row: otherIncome, amount: 0 }
      - { row: incomeTotal, amount: 50 }
      - { row: useOfNonFiscalBalance, amount: 0 }
      - { row: openingCarryover, amount: 0 }
      - { row: incomeGrandTotal, amount: 50, prior: { amount: 40 }, reasons: { prior: 事业收入增加。 } }
      - { code: '208', name: 社会保障和就业支出, amount: 50 }
      - { row: expenditureTotal, amount: 50 }
      - { row: surplusDistribution, amount: 0 }
      - { row: closingCarryover, amount: 0 }
      - { row: expenditureGrandTotal, amount: 50 }
  t2:
    rows:
      - { row: total, total: 50, fiscal: 0, superiorSubsidy: 20, businessIncome: 30, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '208', name: 社会保障和就业支出, total: 50, fiscal: 0, superiorSubsidy: 20, businessIncome: 30, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '20805', name: 行政事业单位养老支出, total: 50, fiscal: 0, superiorSubsidy: 20, businessIncome: 30, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '2080502', name: 事业单位离退休, total: 50, fiscal: 0, superiorSubsidy: 20, businessIncome: 30, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
  t3:
    rows:
      - { row: total, total: 50, basic: 45, project: 0, remittance: 5, operating: 0, subsidiaryGrant: 0 }
      - { code: '208', name: 社会保障和就业支出, total: 50, basic: 45, project: 0, remittance: 5, operating: 0, subsidiaryGrant: 0 }
      - { code: '20805', name: 行政事业单位养老支出, total: 50, basic: 45, project: 0, remittance: 5, operating: 0, subsidiaryGrant: 0 }
      - { code: '2080502', name: 事业单位离退休, total: 50, basic: 45, project: 0, remittance: 5, operating: 0, subsidiaryGrant: 0 }
threePublic: { abroadGroups: 0, vehiclesHeld: 1 }
procurement: { total: 5, goods: 0, works: 0, services: 5 }
assets: { buildingArea: '20.25' }
`);

const C = data(`
format: juesuan-disclosure/1
year: 2022
unit: { name: 甲局所属站, kind: 事业 }
tables:
  t1:
    rows:
      - { row: generalBudget, amount: 40 }
      - { row: governmentFund, amount: 0 }
      - { row: stateCapital, amount: 0 }
      - { row: superiorSubsidy, amount: 7 }
      - { row: businessIncome, amount: 0 }
      - { row: operatingIncome, amount: 0 }
      - { row: subsidiaryRemittance, amount: 0 }
      - { row: otherIncome, amount: 3 }
      - { row: incomeTotal, amount: 50 }
      - { row: useOfNonFiscalBalance, amount: 0 }
      - { row: openingCarryover, amount: 0 }
      - { row: incomeGrandTotal, amount: 50, prior: { amount: 45 } }
      - { code: '201', name: 一般公共服务支出, amount: 30 }
      - { code: '210', name: 卫生健康支出, amount: 20 }
      - { row: expenditureTotal, amount: 50 }
      - { row: surplusDistribution, amount: 0 }
      - { row: closingCarryover, amount: 0 }
      - { row: expenditureGrandTotal, amount: 50 }
  t2:
    rows:
      - { row: total, total: 50, fiscal: 40, superiorSubsidy: 7, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 3 }
      - { code: '201', name: 一般公共服务支出, total: 30, fiscal: 30, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '20101', name: 人大事务, total: 30, fiscal: 30, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '2010150', name: 事业运行, total: 30, fiscal: 30, superiorSubsidy: 0, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 0 }
      - { code: '210', name: 卫生健康支出, total: 20, fiscal: 10, superiorSubsidy: 7, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 3 }
      - { code: '21011', name: 行政事业单位医疗, total: 20, fiscal: 10, superiorSubsidy: 7, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 3 }
      - { code: '2101102', name: 事业单位医疗, total: 20, fiscal: 10, superiorSubsidy: 7, businessIncome: 0, operatingIncome: 0, subsidiaryRemittance: 0, otherIncome: 3 }
  t3:
    rows:
      - { row: total, total: 50, basic: 50, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '201', name: 一般公共服务支出, total: 30, basic: 30, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '20101', name: 人大事务, total: 30, basic: 30, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '2010150', name: 事业运行, total: 30, basic: 30, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '210', name: 卫生健康支出, total: 20, basic: 20, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '21011', name: 行政事业单位医疗, total: 20, basic: 20, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
      - { code: '2101102', name: 事业单位医疗, total: 20, basic: 20, project: 0, remittance: 0, operating: 0, subsidiaryGrant: 0 }
threePublic: { abroadGroups: 0, vehiclesHeld: 0 }
procurement: { total: 0, goods: 0, works: 0, services: 0 }
assets: { buildingArea: '0' }
`);

/** 万元 with two decimals of a cell of the consolidated model. */
function cell(
  d: Disclosure,
  table: keyof Disclosure['tables'],
  row: string,
  col: string,
  which: 'value' | 'prior' = 'value',
): string | undefined {
  const r = d.tables[table].byKey.get(row);
  const v = which === 'value' ? r?.values[col] : r?.prior?.[col];
  return v === undefined ? undefined : (v / 1_000_000).toFixed(2);
}

describe('consolidation of three units with internal transfers', () => {
  const result = consolidate([A, B, C], {
    department: '甲局',
    kind: '行政',
    files: ['a.yaml', 'b.yaml', 'c.yaml'],
  });
  const d = disclosureFromData(result.data);

  it('finds and offsets both transfers', () => {
    expect(result.offsets).toEqual([
      { kind: 'subsidy', from: '甲局本级', to: '甲局所属中心', amount: '20.00', found: true },
      { kind: 'remittance', from: '甲局所属中心', to: '甲局本级', amount: '5.00', found: true },
    ]);
    expect(result.notes).toEqual([]);
  });

  it('T1 figure by figure', () => {
    const t1 = (row: string) => cell(d, 't1', row, 'amount');
    expect(t1('generalBudget')).toBe('140.00');
    expect(t1('superiorSubsidy')).toBe('7.00'); // 20 inside the department offset, 7 from outside kept
    expect(t1('businessIncome')).toBe('30.00');
    expect(t1('subsidiaryRemittance')).toBe('0.00');
    expect(t1('otherIncome')).toBe('3.00');
    expect(t1('incomeTotal')).toBe('180.00');
    expect(t1('openingCarryover')).toBe('10.00');
    expect(t1('incomeGrandTotal')).toBe('190.00');
    expect(cell(d, 't1', 'incomeGrandTotal', 'amount', 'prior')).toBe('195.00');
    expect(t1('201')).toBe('110.00');
    expect(t1('208')).toBe('45.00'); // 20 + 50 − 20 grant − 5 remittance
    expect(t1('210')).toBe('20.00');
    expect(t1('expenditureTotal')).toBe('175.00');
    expect(t1('closingCarryover')).toBe('15.00');
    expect(t1('expenditureGrandTotal')).toBe('190.00');
    expect(d.tables.t1.byKey.get('incomeGrandTotal')?.reasons?.prior).toBe('本级人员增加。；事业收入增加。');
  });

  it('T2 and T3 figure by figure', () => {
    const t2 = (row: string, col: string) => cell(d, 't2', row, col);
    expect([
      t2('total', 'total'),
      t2('total', 'fiscal'),
      t2('total', 'superiorSubsidy'),
      t2('total', 'businessIncome'),
      t2('total', 'subsidiaryRemittance'),
      t2('total', 'otherIncome'),
    ]).toEqual(['180.00', '140.00', '7.00', '30.00', '0.00', '3.00']);
    expect([
      t2('201', 'total'),
      t2('201', 'subsidiaryRemittance'),
      t2('2010101', 'total'),
      t2('2010101', 'subsidiaryRemittance'),
      t2('2010150', 'total'),
    ]).toEqual(['110.00', '0.00', '80.00', '0.00', '30.00']);
    expect([
      t2('208', 'total'),
      t2('208', 'superiorSubsidy'),
      t2('2080502', 'total'),
      t2('2080502', 'superiorSubsidy'),
      t2('2080505', 'total'),
    ]).toEqual(['50.00', '0.00', '30.00', '0.00', '20.00']);
    expect([t2('210', 'total'), t2('210', 'superiorSubsidy'), t2('2101102', 'otherIncome')]).toEqual([
      '20.00',
      '7.00',
      '3.00',
    ]);
    const t3 = (row: string, col: string) => cell(d, 't3', row, col);
    expect([
      t3('total', 'total'),
      t3('total', 'basic'),
      t3('total', 'project'),
      t3('total', 'remittance'),
      t3('total', 'subsidiaryGrant'),
    ]).toEqual(['175.00', '145.00', '30.00', '0.00', '0.00']);
    expect([
      t3('208', 'total'),
      t3('208', 'basic'),
      t3('208', 'remittance'),
      t3('208', 'subsidiaryGrant'),
    ]).toEqual(['45.00', '45.00', '0.00', '0.00']);
    expect([
      t3('2080505', 'total'),
      t3('2080505', 'subsidiaryGrant'),
      t3('2080502', 'total'),
      t3('2080502', 'remittance'),
    ]).toEqual(['0.00', '0.00', '45.00', '0.00']);
    expect([
      t3('201', 'total'),
      t3('20101', 'total'),
      t3('2010101', 'total'),
      t3('2010150', 'total'),
      t3('210', 'total'),
    ]).toEqual(['110.00', '110.00', '80.00', '30.00', '20.00']);
    // Codes of all three units, in code order.
    expect(d.tables.t3.rows.map((r) => r.key)).toEqual([
      'total',
      '201',
      '20101',
      '2010101',
      '2010150',
      '208',
      '20805',
      '2080502',
      '2080505',
      '210',
      '21011',
      '2101102',
    ]);
  });

  it('facts summed, units listed, and the result checks like any disclosure', () => {
    expect(d.threePublic.abroadGroups).toBe(1);
    expect(d.threePublic.vehiclesHeld).toBe(3);
    expect(d.procurement?.total).toBe(15_000_000);
    expect(d.procurement?.services).toBe(5_000_000);
    expect(d.assets?.buildingArea).toBe('120.75');
    expect(d.unit).toMatchObject({
      name: '甲局',
      kind: '行政',
      level: '部门',
      consolidatedUnits: ['甲局本级', '甲局所属中心', '甲局所属站'],
    });
    const outcome = validateDisclosure(d);
    expect(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  });

  it('given pairs replace the search; what is left is noted', () => {
    const r = consolidate([A, B, C], {
      department: '甲局',
      kind: '行政',
      pairs: [{ kind: 'subsidy', from: '甲局本级', to: '甲局所属中心', amount: '20' }],
    });
    expect(r.offsets.map((o) => o.kind)).toEqual(['subsidy']);
    expect(r.notes.join('\n')).toContain('甲局所属中心 仍有 上缴上级支出 5.00 万元 未抵消');
    expect(cell(disclosureFromData(r.data), 't1', 'subsidiaryRemittance', 'amount')).toBe('5.00');
  });

  it('refuses units of different years and codes with two names', () => {
    const later = { ...C, year: 2023 };
    expect(() => consolidate([A, B, later], { department: '甲局' })).toThrow(/决算年度不同/);
    try {
      consolidate([A, B, later], { department: '甲局', files: ['a.yaml', 'b.yaml', 'c.yaml'] });
    } catch (e) {
      expect((e as JuesuanError).problems.map((p) => `${p.file} ${p.message}`)).toContain(
        'c.yaml 甲局所属站：2023 年度',
      );
    }
    const renamed = structuredClone(B);
    const rows = ((renamed['tables'] as Obj)['t3'] as { rows: Obj[] }).rows;
    rows[2]!['name'] = '养老支出';
    const e = (() => {
      try {
        consolidate([A, renamed, C], { department: '甲局' });
      } catch (x) {
        return x as JuesuanError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(JuesuanError);
    expect(e!.problems[0]!.message).toContain(
      '表三科目编码「20805」在 甲局本级 为「行政事业单位养老支出」，在 甲局所属中心 为「养老支出」',
    );
    expect(() =>
      consolidate([A, B, C], {
        department: '甲局',
        pairs: [{ kind: 'subsidy', from: '甲局本级', to: '乙局', amount: 1 }],
      }),
    ).toThrow(/不在合并范围内/);
    expect(() =>
      consolidate([A, B, C], {
        department: '甲局',
        pairs: [{ kind: 'subsidy', from: '甲局本级', to: '甲局所属中心', amount: 30 }],
      }),
    ).toThrow(/无法抵消/);
  });
});
