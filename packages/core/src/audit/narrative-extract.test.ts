import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolsMissing } from '../../../cli/src/tools.ts';
import { formatAmount, parseAmount, type Fen } from '../money/amount.ts';
import { formatPercent } from '../money/rate.ts';
import type { Disclosure } from '../model/disclosure.ts';
import { buildReport } from '../report/build.ts';
import { paragraphText } from '../report/document.ts';
import { builtinProfile } from '../report/profile.ts';
import { extractFigures, readNarrative } from './narrative-extract.ts';
import { textDocumentFromString } from './plain-text.ts';
import { builtCases, seedDocument } from './test-inputs.ts';
import type { StatedFigure } from './types.ts';

const root = join(import.meta.dirname, '../../../..');
const seedText = readFileSync(join(root, '../shared/seed/000_13a944de2df0659e.txt'), 'utf8');
const exampleYaml = readFileSync(join(root, 'examples/changji-2022.yaml'), 'utf8');
const putuoPdf = join(root, '../shared/fixtures/real/shanghai-putuo-shehuigongzuobu-2024.pdf');
const noPoppler = toolsMissing(['pdftotext'], '读取上海 PDF 文本的测试');

const wan = (f: StatedFigure | undefined) => (f?.fen === undefined ? undefined : formatAmount(f.fen));
const pct = (r: { num: bigint; den: bigint } | undefined) =>
  r === undefined ? undefined : formatPercent({ num: r.num, den: r.den });

function byKey(figures: StatedFigure[], key: string): StatedFigure[] {
  return figures.filter((f) => f.key === key);
}

describe('extractFigures: the seed (Xinjiang 2022 wording)', () => {
  const figures = extractFigures(seedDocument(seedText));

  // Every amount the issue names, with its official name and value as printed.
  const AMOUNTS: readonly (readonly [string, string, string])[] = [
    // 一 收入支出总体
    ['t1.incomeGrandTotal', '收入总计', '360.44'],
    ['t1.incomeTotal', '本年收入合计', '258.51'],
    ['t1.useOfNonFiscalBalance', '使用非财政拨款结余', '0.00'],
    ['t1.openingCarryover', '年初结转和结余', '101.93'],
    ['t1.expenditureGrandTotal', '支出总计', '360.44'],
    ['t1.expenditureTotal', '本年支出合计', '236.23'],
    ['t1.surplusDistribution', '结余分配', '0.00'],
    ['t1.closingCarryover', '年末结转和结余', '124.21'],
    // 二 收入: each kind
    ['t2.total.fiscal', '财政拨款收入', '214.73'],
    ['t1.superiorSubsidy', '上级补助收入', '0.00'],
    ['t1.businessIncome', '事业收入', '0.00'],
    ['t1.operatingIncome', '经营收入', '0.00'],
    ['t1.subsidiaryRemittance', '附属单位上缴收入', '0.00'],
    ['t1.otherIncome', '其他收入', '43.78'],
    // 三 支出: each kind
    ['t3.total.basic', '基本支出', '146.46'],
    ['t3.total.project', '项目支出', '89.77'],
    ['t3.total.remittance', '上缴上级支出', '0.00'],
    ['t3.total.operating', '经营支出', '0.00'],
    ['t3.total.subsidiaryGrant', '对附属单位补助支出', '0.00'],
    // 四 财政拨款 totals and budget
    ['t4.incomeGrandTotal.total', '财政拨款收入总计', '214.73'],
    ['t4.openingCarryover.total', '年初财政拨款结转和结余', '0.00'],
    ['t4.incomeTotal.total', '财政拨款本年收入', '214.73'],
    ['t4.expenditureGrandTotal.total', '财政拨款支出总计', '214.73'],
    ['t4.closingCarryover.total', '年末财政拨款结转和结余', '0.00'],
    ['t4.expenditureTotal.total', '财政拨款本年支出', '214.73'],
    ['t4.incomeGrandTotal.total.budget', '财政拨款收入总计年初预算数', '190.41'],
    ['t4.expenditureGrandTotal.total.budget', '财政拨款支出总计年初预算数', '190.41'],
    // 五 一般公共预算财政拨款支出: total, the four 类, the nine 项
    ['t5.total.total', '一般公共预算财政拨款支出', '214.73'],
    ['t5.201.total', '一般公共服务支出（类）', '190.62'],
    ['t5.208.total', '社会保障和就业支出（类）', '8.91'],
    ['t5.210.total', '卫生健康支出（类）', '7.00'],
    ['t5.221.total', '住房保障支出（类）', '8.20'],
    ['t5.2010450.total', '一般公共服务支出（类）发展与改革事务（款）事业运行（项）', '100.85'],
    ['t5.2010499.total', '一般公共服务支出（类）发展与改革事务（款）其他发展与改革事务支出（项）', '89.77'],
    [
      't5.2080505.total',
      '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）',
      '8.91',
    ],
    ['t5.2101102.total', '卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）', '5.29'],
    ['t5.2101103.total', '卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）', '1.67'],
    ['t5.2101199.total', '卫生健康支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）', '0.04'],
    ['t5.2210201.total', '住房保障支出（类）住房改革支出（款）住房公积金（项）', '8.20'],
    ['t5.2010402.total', '一般公共服务支出（类）发展与改革事务（款）一般行政管理事务（项）', '0.00'],
    ['t5.2101101.total', '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）', '0.00'],
    // 六 基本支出
    ['t5.total.basic', '一般公共预算财政拨款基本支出', '124.97'],
    ['t6.personnelTotal', '人员经费', '115.68'],
    ['t6.publicTotal', '公用经费', '9.28'],
    // 七 "三公": total, each item, budget
    ['threePublic.total', '“三公”经费', '2.00'],
    ['threePublic.abroad', '因公出国（境）费', '0.00'],
    ['threePublic.vehicle', '公务用车购置及运行维护费', '2.00'],
    ['threePublic.vehiclePurchase', '公务用车购置费', '0.00'],
    ['threePublic.vehicleOperation', '公务用车运行维护费', '2.00'],
    ['threePublic.reception', '公务接待费', '0.00'],
    ['threePublic.total.annualBudget', '“三公”经费全年预算数', '2.00'],
    ['threePublic.vehicleOperation.annualBudget', '公务用车运行维护费全年预算数', '2.00'],
    // 十 其他重要事项
    ['adminCost.amount', '机关运行经费', '9.28'],
    ['procurement.total', '政府采购支出总额', '21.56'],
    ['procurement.goods', '政府采购货物支出', '3.86'],
    ['procurement.works', '政府采购工程支出', '0.00'],
    ['procurement.services', '政府采购服务支出', '17.70'],
    ['procurement.sme', '授予中小企业合同金额', '21.56'],
    ['procurement.smallMicro', '授予小微企业合同金额', '21.56'],
    ['assets.fixedAssetsOriginal', '固定资产原值', '5.08'],
    ['assets.buildingValue', '房屋价值', '0.00'],
    ['assets.vehicles.value', '车辆价值', '0.00'],
    // 十一 预算绩效
    ['performance.budgetTotal', '全年预算数', '100.00'],
    ['performance.executedTotal', '全年执行数', '89.77'],
  ];

  it(`finds the ${AMOUNTS.length} stated amounts with the right name and value`, () => {
    expect(AMOUNTS.length).toBeGreaterThanOrEqual(35);
    for (const [key, name, value] of AMOUNTS) {
      const found = byKey(figures, key);
      expect(found.length, key).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.name, key).toBe(name);
        expect(wan(f), key).toBe(value);
        expect(f.unit, key).toBe('万元');
      }
    }
    // Nothing stated is left without a name, and every amount of the narrative is read.
    expect(figures.filter((f) => f.key.startsWith('unclassified.'))).toEqual([]);
    const narrative = seedText
      .slice(seedText.indexOf('第二部分'), seedText.indexOf('项 目 支 出 绩 效 自 评 表'))
      .replace(/\s/g, '');
    const printed = [...narrative.matchAll(/(\d+\.\d+|\d+)万元/g)].filter(
      (m) => !narrative.slice(m.index + m[0].length).startsWith('（含）'),
    ).length;
    const read =
      figures.filter((f) => f.fen !== undefined).length +
      figures.filter((f) => f.change?.amount !== undefined).length;
    expect(read).toBe(printed);
  });

  it('resolves each 项 to its code through the 2022 catalogue', () => {
    const codes = figures.filter((f) => /^t5\.\d{7}\.total$/.test(f.key)).map((f) => f.code);
    expect(codes).toEqual([
      '2010450',
      '2010499',
      '2080505',
      '2101102',
      '2101103',
      '2101199',
      '2210201',
      '2010402',
      '2101101',
    ]);
  });

  it('counts: staff, divisions, trips, vehicles, receptions, equipment, evaluated projects', () => {
    const counts = Object.fromEntries(
      figures.filter((f) => f.value !== undefined).map((f) => [f.key, `${f.value}${f.unit}`]),
    );
    expect(counts).toEqual({
      'unit.staff.actual': '7人',
      'unit.staff.active': '7人',
      'unit.staff.retiredCadre': '0人',
      'unit.staff.retired': '0人',
      'unit.divisionCount': '3个',
      'threePublic.abroadGroups': '0个',
      'threePublic.abroadPeople': '0人次',
      'threePublic.vehiclesPurchased': '0辆',
      'threePublic.vehiclesHeld': '1辆',
      'threePublic.receptionBatches': '0批次',
      'threePublic.receptionPeople': '0人次',
      'assets.buildingArea': '0.00平方米',
      'assets.vehicles.total': '0辆',
      'assets.vehicles.byCategory.ministerial': '0辆',
      'assets.vehicles.byCategory.principal': '0辆',
      'assets.vehicles.byCategory.confidential': '0辆',
      'assets.vehicles.byCategory.emergency': '0辆',
      'assets.vehicles.byCategory.lawEnforcement': '0辆',
      'assets.vehicles.byCategory.specialTechnical': '0辆',
      'assets.vehicles.byCategory.retiredCadres': '0辆',
      'assets.vehicles.byCategory.other': '0辆',
      'assets.equipmentOver1m': '0台(套)',
      'performance.evaluatedProjects': '1个',
    });
  });

  it('shares with their denominators, year-on-year changes, budget comparisons and reasons', () => {
    const one = (key: string) => byKey(figures, key)[0]!;
    expect(one('t2.total.fiscal').share).toMatchObject({ text: '83.06%', baseKey: 't1.incomeTotal' });
    expect(one('t5.total.total').share).toMatchObject({
      text: '90.90%',
      of: '本年支出合计',
      baseKey: 't1.expenditureTotal',
    });
    expect(one('t5.221.total').share).toMatchObject({ text: '3.82%', baseKey: 't5.total.total' });
    expect(one('procurement.smallMicro').share).toMatchObject({
      text: '100.00%',
      of: '政府采购支出总额',
      baseKey: 'procurement.total',
    });
    expect(one('threePublic.vehicle').share).toMatchObject({ text: '100.00%', baseKey: 'threePublic.total' });

    const total = one('t1.incomeGrandTotal').change!;
    expect(total).toMatchObject({
      against: 'prior',
      direction: '增加',
      amountText: '26.58',
      rateDirection: '增长',
      rateText: '7.96%',
    });
    expect(total.reason).toBe(
      '1.本年在职人员工资调薪，人员经费增加；2.本年度收到福建援疆工作培训班培训费，培训费用增加',
    );
    expect(one('t5.2080505.total').change).toMatchObject({
      direction: '减少',
      amountText: '0.26',
      rateDirection: '下降',
      rateText: '2.84%',
    });
    expect(one('t5.2010402.total').change).toMatchObject({
      direction: '减少',
      amountText: '100.00',
      rateDirection: '下降',
      rateText: '100%',
    });
    expect(one('t5.2010499.total').change).toMatchObject({ rateText: '797.70%' });
    expect(one('threePublic.reception').change).toMatchObject({
      direction: '减少',
      amountText: '1.73',
      rateText: '100.00%',
      reason: '我单位无公务接待费',
    });
    expect(one('adminCost.amount').change).toMatchObject({
      direction: '增加',
      amountText: '3.48',
      rateText: '60.00%',
    });

    const budget = byKey(figures, 't4.incomeGrandTotal.total').find((f) => f.change?.against === 'budget')!;
    expect(wan(budget)).toBe('214.73');
    expect(budget.change).toMatchObject({
      against: 'budget',
      baseLabel: '年初预算',
      rateText: '12.77%',
      reason: '年中追加人员工资、社保、公积金基数调增部分资金',
    });
    expect(formatAmount(budget.change!.base!)).toBe('190.41');
    const tp = byKey(figures, 'threePublic.total').find((f) => f.change?.against === 'budget')!;
    expect(tp.change).toMatchObject({
      baseLabel: '全年预算',
      rateText: '0.00%',
      reason: '严格按照预算执行，无差异',
    });
  });

  it('evidence: page, line and the sentence as printed, joined across broken lines', () => {
    const f = byKey(figures, 't1.incomeGrandTotal')[0]!;
    expect(f.evidence).toEqual({
      page: 3,
      line: 5,
      text: '2022 年度收入总计 360.44 万元，其中：本年收入合计258.51 万元，使用非财政拨款结余 0.00 万元，年初结转和结余 101.93 万元。',
    });
    expect(f.section).toBe('一、收入支出决算总体情况说明');
    // A sentence across a page break: 上缴上级支出 starts page 4.
    const r = byKey(figures, 't3.total.remittance')[0]!;
    expect(r.evidence.page).toBe(4);
    expect(r.evidence.text).toContain('项目支出 89.77 万元，占 38.00%；上缴上级支出0.00万元，占0.00%；');
  });

  it('title: unit and year', () => {
    const r = readNarrative(seedDocument(seedText));
    expect([r.unit, r.year]).toEqual(['新疆昌吉回族自治州对口援疆工作领导小组办公室', 2022]);
  });
});

/** The model's value for a figure key (the key convention of audit/types.ts). */
function modelValue(d: Disclosure, key: string): Fen | number | string | undefined | null {
  const p = key.split('.');
  const cell = (
    t: keyof Disclosure['tables'],
    row: string,
    col: string,
    which: 'values' | 'budget' = 'values',
  ) =>
    which === 'budget' ? d.tables[t].byKey.get(row)?.budget?.[col] : d.tables[t].byKey.get(row)?.values[col];
  const sum = (xs: (Fen | undefined)[]) => xs.reduce<Fen>((s, x) => s + (x ?? 0), 0);
  const [head, a, b, c] = p;
  if (head === 't1' || head === 't6') return cell(head, a!, 'amount');
  if (head === 't2' && b === 'fiscal')
    return sum(['generalBudget', 'governmentFund', 'stateCapital'].map((k) => cell('t1', k, 'amount')));
  if (/^t[2-9]$/.test(head!)) {
    if (c === 'annualBudget') return null; // the model keeps 年初预算 only
    return cell(head as 't5', a!, b!, c === 'budget' ? 'budget' : 'values');
  }
  if (head === 'threePublic' && d.tables.t7.byKey.has(a!)) return cell('t7', a!, b ? 'budget' : 'final');
  if (head === 'threePublic') return d.threePublic[a as 'abroadGroups'];
  if (head === 'unit' && a === 'staff') return d.unit.staff?.[b as 'actual'];
  if (key === 'unit.divisionCount') return d.unit.internalDivisions?.length;
  if (key === 'adminCost.amount') return d.adminCost?.amount ?? cell('t6', 'publicTotal', 'amount');
  if (head === 'procurement') return d.procurement?.[a as 'total'];
  if (key === 'assets.vehicles.total') return d.assets?.vehicles?.total ?? 0;
  if (key === 'assets.vehicles.value') return d.assets?.vehicles?.value ?? 0;
  if (head === 'assets' && a === 'vehicles') return d.assets?.vehicles?.byCategory?.[c as 'other'] ?? 0;
  if (key === 'assets.buildingValue') return d.assets?.buildingValue ?? 0;
  if (key === 'assets.buildingArea') return d.assets?.buildingArea ?? '0';
  if (head === 'assets') return d.assets?.[a as 'fixedAssetsOriginal'] ?? 0;
  const perf = d.performance;
  if (key === 'performance.evaluatedProjects')
    return perf ? (perf.evaluatedProjects ?? perf.projects.length) : undefined;
  if (key === 'performance.budgetTotal')
    return perf?.budgetTotal ?? sum(perf?.projects.map((x) => x.funds.total.annualBudget) ?? []);
  if (key === 'performance.executedTotal')
    return perf?.executedTotal ?? sum(perf?.projects.map((x) => x.funds.total.executed) ?? []);
  return undefined;
}

/** Amounts and percentages printed in the narrative paragraphs of a built report. */
function printedInNarrative(d: Disclosure, profile: string): { amounts: string[]; percents: string[] } {
  const report = buildReport(d, builtinProfile(profile));
  const amounts: string[] = [];
  const percents: string[] = [];
  for (const b of report.blocks) {
    if (
      b.type !== 'paragraph' ||
      (b.key ?? '').startsWith('profile.') ||
      b.key === 'glossary' ||
      b.key === 'tables.list'
    )
      continue;
    const t = paragraphText(b);
    for (const m of t.matchAll(/(\d+(?:\.\d+)?)万元/g))
      if (!t.slice(m.index + m[0].length).startsWith('（含）'))
        amounts.push(formatAmount(parseAmount(m[1]!).fen));
    for (const m of t.matchAll(/-?\d+(?:\.\d+)?%/g)) percents.push(m[0]);
  }
  return { amounts: amounts.sort(), percents: percents.sort() };
}

describe('extractFigures: round trip of the builder’s text, three profiles', () => {
  it.each(['xinjiang-2022', 'central', 'shanghai-2024'])(
    '%s: every figure printed is read back with the value of the model',
    (profile) => {
      for (const wrap of [undefined, 29]) {
        for (const c of builtCases(profile, exampleYaml, [1, 2, 3, 4, 5, 6], wrap)) {
          const label = `${profile} ${c.name} wrap=${wrap}`;
          const figures = extractFigures(c.doc);
          expect(
            figures.filter((f) => f.key.startsWith('unclassified.')),
            label,
          ).toEqual([]);
          for (const f of figures) {
            const v = modelValue(c.d, f.key);
            if (v === null) continue;
            expect(v, `${label}: ${f.key} has no model value`).not.toBeUndefined();
            if (f.fen !== undefined) expect(wan(f), `${label}: ${f.key}`).toBe(formatAmount(v as Fen));
            else expect(Number(f.value), `${label}: ${f.key}`).toBe(Number(v));
          }
          // Every printed amount and percentage of the narrative was read, as a figure, a change or a base.
          const printed = printedInNarrative(c.d, profile);
          // A figure compared with two bases is stated twice (once per comparison): its amount once.
          const once = figures.filter(
            (f, i) =>
              !figures
                .slice(0, i)
                .some((g) => g.key === f.key && g.fen === f.fen && g.evidence.text === f.evidence.text),
          );
          const amounts = [
            ...once.filter((f) => f.fen !== undefined && f.unit === '万元').map((f) => formatAmount(f.fen!)),
            ...figures
              .filter((f) => f.change?.amount !== undefined)
              .map((f) => formatAmount(f.change!.amount!)),
          ].sort();
          expect(amounts, label).toEqual(printed.amounts);
          const percents = figures
            .flatMap((f) => [f.share?.text, f.change?.rateText, f.change?.completionText])
            .filter((x): x is string => x !== undefined)
            .sort();
          expect(percents, label).toEqual(printed.percents);
        }
      }
    },
  );
});

describe.skipIf(noPoppler)('extractFigures: the real Shanghai publication (pdftotext)', () => {
  const text = noPoppler ? '' : execFileSync('pdftotext', ['-layout', putuoPdf, '-'], { encoding: 'utf8' });
  const r = noPoppler ? undefined : readNarrative(textDocumentFromString(text, { file: 'putuo.pdf' }));

  it('reads the narrative after the tables, in the Shanghai 2024 wording', () => {
    const figures = r!.figures;
    expect([r!.unit, r!.year]).toEqual(['中共上海市普陀区委社会工作部', 2024]);
    const values = (key: string) => byKey(figures, key).map((f) => wan(f) ?? `${f.value}${f.unit}`);
    expect(values('t1.incomeGrandTotal')).toEqual(['307.82']);
    expect(byKey(figures, 't1.incomeGrandTotal')[0]!.name).toBe('收入支出总计');
    expect(values('t4.incomeGrandTotal.total')).toEqual(['307.82']);
    expect(values('t3.total.basic')).toEqual(['105.58']);
    expect(values('t3.total.project')).toEqual(['202.24']);
    expect(['t5.201.total', 't5.208.total', 't5.210.total', 't5.221.total'].map(values).flat()).toEqual([
      '264.87',
      '10.82',
      '2.71',
      '29.42',
    ]);
    expect(values('t5.total.total.budget')).toEqual(['0.00']);
    expect(values('t5.total.total.annualBudget')).toEqual(['321.02']);
    // The nine 项 with their 2024 codes (20139 社会工作事务 is new in 2024), 全年预算 and 决算.
    const items = figures
      .filter((f) => /^t5\.\d{7}\.total$/.test(f.key))
      .map((f) => [
        f.code,
        wan(f),
        f.change?.baseLabel,
        f.change?.base === undefined ? undefined : formatAmount(f.change.base),
        f.change?.completionText,
      ]);
    expect(items).toEqual([
      ['2013901', '51.32', '全年预算', '52.00', '98.69%'],
      ['2013950', '11.31', '全年预算', '17.68', undefined],
      ['2013999', '202.24', '全年预算', '202.24', undefined],
      ['2080505', '6.18', '全年预算', '9.00', undefined],
      ['2080506', '4.64', '全年预算', '5.74', undefined],
      ['2101101', '2.22', '全年预算', '2.23', '99.55%'],
      ['2101102', '0.49', '全年预算', '2.29', undefined],
      ['2210201', '17.70', '全年预算', '18.12', '97.68%'],
      ['2210203', '11.72', '全年预算', '11.72', undefined],
    ]);
    expect(byKey(figures, 't5.2013999.total')[0]!.change?.direction).toBe('持平');
    expect([values('t5.total.basic'), values('t6.personnelTotal'), values('t6.publicTotal')].flat()).toEqual([
      '105.58',
      '95.36',
      '10.23',
    ]);
    expect(byKey(figures, 'adminCost.amount')[0]!.change).toMatchObject({
      direction: '增加',
      amountText: '10.23',
      rateText: '100.00%',
      reason: '单位于 2024 年成立',
    });
    expect(
      [
        'procurement.total',
        'procurement.goods',
        'procurement.works',
        'procurement.services',
        'procurement.smeReserved',
        'procurement.smallMicroReserved',
      ]
        .map(values)
        .flat(),
    ).toEqual(['21.07', '21.07', '0.00', '0.00', '21.07', '21.07']);
    expect(
      [
        values('assets.vehicles.total'),
        values('assets.equipmentOver1m'),
        values('performance.evaluatedProjects'),
        values('performance.budgetTotal'),
      ].flat(),
    ).toEqual(['0辆', '0台(套)', '1个', '175.52']);
    expect(figures.filter((f) => f.key.startsWith('unclassified.'))).toEqual([]);
    // No "三公" figures: the unit states it has none.
    expect(figures.filter((f) => f.key.startsWith('threePublic.'))).toEqual([]);
  });

  it('shares and zero-base growth as printed', () => {
    const figures = r!.figures;
    expect(pct(byKey(figures, 't5.221.total')[0]!.share?.ratio)).toBe('9.55%');
    expect(byKey(figures, 't1.incomeGrandTotal')[0]!.change).toMatchObject({
      direction: '增加',
      amountText: '307.82',
      rateDirection: '增长',
      rateText: '100.00%',
    });
  });
});

describe('extractFigures: comparisons with their right base, pairs, publications without headings (issue 9)', () => {
  const read = (lines: string[]) => extractFigures(textDocumentFromString(lines.join('\n')), { year: 2022 });
  const amount = (f: Fen | undefined) => (f === undefined ? undefined : formatAmount(f));

  it('a reason stated elsewhere in the paragraph is the comparison’s; a purpose (主要用于) is not a reason', () => {
    const figures = read([
      '某局2022年度“三公”经费决算情况说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '2022年度“三公”经费支出合计12.40万元，比上年增加1.20万元。其中：公务接待费3.10万元，比上年增加0.50万元。经费增加的原因主要是承办的会议和检查任务增多。',
      '（二）公务用车情况',
      '公务用车运行维护费9.30万元，主要用于车辆燃油、维修和保险，较上年增加0.70万元。',
    ]);
    const reason = (key: string) => figures.find((f) => f.key === key && f.change)?.change?.reason;
    expect(reason('threePublic.total')).toBe('承办的会议和检查任务增多');
    expect(reason('threePublic.reception')).toBe('承办的会议和检查任务增多');
    expect(reason('threePublic.vehicleOperation')).toBeUndefined();
  });

  it('a reason for the budget comparison is not taken for last year’s; 比上年 after a budget is the final figure’s', () => {
    const figures = read([
      '某局2022年度部门决算公开说明',
      '（三）一般公共预算财政拨款支出决算情况说明',
      '2022年度一般公共预算财政拨款支出5310.24万元，年初预算数为5591.30万元，决算数小于年初预算数281.06万元。比上年增加486.06万元，增长10.08%。决算数小于年初预算数的主要原因是部分项目结转下年。',
    ]);
    const total = figures.filter((f) => f.key === 't5.total.total');
    const prior = total.find((f) => f.change?.against === 'prior')?.change;
    const budget = total.find((f) => f.change?.against === 'budget')?.change;
    expect([prior?.amountText, prior?.rateText, prior?.reason]).toEqual(['486.06', '10.08%', undefined]);
    expect(budget?.reason).toBe('部分项目结转下年');
    expect(figures.find((f) => f.key === 't5.total.total.budget')?.change).toBeUndefined();
  });

  it('one sentence compares with the budget and with last year: the figure is stated once per base', () => {
    const figures = read([
      '某镇人民政府2022年度决算公开说明',
      '二、部门决算情况说明',
      '（三）一般公共预算财政拨款支出决算情况说明',
      '1.总体情况。2022年度一般公共预算财政拨款支出3593.61万元，较年初预算数增加201.35万元、增长5.94%，主要原因是追加了转移支付项目；较上年决算数增加335.73万元、增长10.31%，主要原因是在职人员增加。',
    ]);
    const total = figures.filter((f) => f.key === 't5.total.total');
    expect(total.map((f) => amount(f.fen))).toEqual(['3593.61', '3593.61']);
    const budget = total.find((f) => f.change?.against === 'budget')!.change!;
    // The budget is the final figure less the stated increase; the variance rate is signed.
    expect([amount(budget.base), budget.amountText, budget.rateText, budget.reason]).toEqual([
      '3392.26',
      '201.35',
      '5.94%',
      '追加了转移支付项目',
    ]);
    const prior = total.find((f) => f.change?.against === 'prior')!.change!;
    expect([prior.direction, prior.amountText, prior.rateText, prior.reason]).toEqual([
      '增加',
      '335.73',
      '10.31%',
      '在职人员增加',
    ]);
  });

  it('a decrease against the budget gives a budget above the final figure and a negative variance', () => {
    const [f] = read([
      '（三）一般公共预算财政拨款支出决算情况说明',
      '2022年度一般公共预算财政拨款支出4180.35万元，较年初预算数减少65.89万元、下降1.55%。',
    ]).filter((x) => x.key === 't5.total.total');
    expect(f!.change!.against).toBe('budget');
    expect(amount(f!.change!.base)).toBe('4246.24');
    expect(f!.change!.rate!.num < 0n).toBe(true);
  });

  it('paired totals: 收、支总计各 x with its change, and 本年收入、本年支出合计各是 a、b', () => {
    const figures = read([
      '一、收入支出决算总体情况说明',
      '2022年度收、支总计各10222.57万元。与上年相比，收、支总计各增加1736.88万元，增长20.47%，主要原因是新增项目。',
      '2022年度本年收入、本年支出合计各是4494.08、4493.02万元。',
    ]);
    const of = (key: string) => figures.filter((f) => f.key === key);
    expect(of('t1.incomeGrandTotal').map((f) => amount(f.fen))).toEqual(['10222.57']);
    expect(
      of('t1.expenditureGrandTotal').map((f) => [amount(f.fen), f.change?.amountText, f.change?.reason]),
    ).toEqual([['10222.57', '1736.88', '新增项目']]);
    expect(of('t1.incomeTotal').map((f) => amount(f.fen))).toEqual(['4494.08']);
    expect(of('t1.expenditureTotal').map((f) => amount(f.fen))).toEqual(['4493.02']);
  });

  it('a comparison opening the sentence after a 其中 list is of the head; one inside the list of its item', () => {
    const figures = read([
      '七、财政拨款“三公”经费支出决算情况说明',
      '2022年度“三公”经费财政拨款支出决算为12.00万元。其中：因公出国（境）费0.00万元，公务接待费4.00万元，公务用车购置及运行维护费8.00万元。比上年减少3.00万元，下降20.00%，主要原因是压减开支。',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '2022年度一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，比上年增加5.00万元，增长6.67%；公用经费20.00万元，比上年减少1.00万元，下降4.76%。',
    ]);
    const changes = figures.map((f) => [f.key, f.change?.amountText, f.change?.rateText]);
    expect(changes).toEqual([
      ['threePublic.total', '3.00', '20.00%'],
      ['threePublic.abroad', undefined, undefined],
      ['threePublic.reception', undefined, undefined],
      ['threePublic.vehicle', undefined, undefined],
      ['t5.total.basic', undefined, undefined],
      ['t6.personnelTotal', '5.00', '6.67%'],
      ['t6.publicTotal', '1.00', '4.76%'],
    ]);
  });

  it("比上年累计支出 x 万元 is last year's figure, the base of the change after it", () => {
    const figures = read([
      '七、财政拨款“三公”经费支出决算情况说明',
      '2022年“三公”经费支出60万元，比上年累计支出66万元减少6万元，下降9%。其中，公务接待支出20万元，比上年累计支出25万元下降5万元，下降20%。',
    ]);
    expect(
      figures.map((f) => [
        f.key,
        amount(f.fen),
        f.change?.amountText,
        amount(f.change?.base),
        f.change?.rateText,
      ]),
    ).toEqual([
      ['threePublic.total', '60.00', '6', '66.00', '9%'],
      ['threePublic.reception', '20.00', '5', '25.00', '20%'],
    ]);
  });

  it('two totals with two amounts (各是 a,b / 分别为 a、b), their changes and rates each to its own total', () => {
    const figures = read([
      '一、收入支出决算总体情况说明',
      '2023年度收、支总计各是610.20,598.75万元。与2022年相比，收、支总计各减少40.10,52.30万元，各下降6.17%、8.03%，主要原因是工程完工。',
      '本年收入合计、本年支出合计分别为590.00万元、588.40万元。',
      '三、支出决算情况说明',
      '2023年度基本支出、项目支出分别为400.00万元、188.40万元。',
    ]);
    const got = (key: string) =>
      figures
        .filter((f) => f.key === key)
        .map((f) => [amount(f.fen), f.change?.amountText, f.change?.rateText, f.change?.reason]);
    expect(got('t1.incomeGrandTotal')).toEqual([['610.20', '40.10', '6.17%', '工程完工']]);
    expect(got('t1.expenditureGrandTotal')).toEqual([['598.75', '52.30', '8.03%', '工程完工']]);
    expect(got('t1.incomeTotal')).toEqual([['590.00', undefined, undefined, undefined]]);
    expect(got('t1.expenditureTotal')).toEqual([['588.40', undefined, undefined, undefined]]);
    expect(got('t3.total.basic').map((x) => x[0])).toEqual(['400.00']);
    expect(got('t3.total.project').map((x) => x[0])).toEqual(['188.40']);
    expect(figures.filter((f) => f.key.startsWith('unclassified.'))).toEqual([]);
  });

  it('a stand-alone "三公" statement yields its figures, counts included, without any heading', () => {
    const figures = read([
      '某县农业农村局2022年度“三公”经费决算公开',
      '2022年度“三公”经费财政拨款支出预算为9.28万元，2022年实际支出“三公”经费决算为8.03万元。其中公务接待费为3.61万元，占44.96%；公务用车运行维护费为4.42万元，占55.04%。本年公务用车保有量为2辆，国内公务接待批次为36个，接待人次为108人。',
    ]);
    const got = Object.fromEntries(
      figures.map((f) => [f.key, f.fen !== undefined ? amount(f.fen) : f.value]),
    );
    expect(got).toMatchObject({
      'threePublic.total': '8.03',
      'threePublic.reception': '3.61',
      'threePublic.vehicleOperation': '4.42',
      'threePublic.vehiclesHeld': '2',
      'threePublic.receptionBatches': '36',
      'threePublic.receptionPeople': '108',
    });
  });

  it("next year's budget stated beside this year's final is kept apart", () => {
    const figures = extractFigures(
      textDocumentFromString(
        [
          '某市政协办公室2023年“三公”经费预算及2022年“三公”经费决算情况说明',
          '一、2023年“三公”经费预算安排情况',
          '2023年度“三公”经费预算总计4.14万元，其中：公务接待0.70万元。',
          '二、2022年“三公”经费决算情况',
          '2022年度“三公”经费合计支出3.83万元，其中：公务接待0.74万元。',
        ].join('\n'),
      ),
    );
    const got = figures.map((f) => [f.key, amount(f.fen)]);
    expect(got).toEqual([
      ['threePublic.total.nextBudget', '4.14'],
      ['threePublic.reception.nextBudget', '0.70'],
      ['threePublic.total', '3.83'],
      ['threePublic.reception', '0.74'],
    ]);
  });
});

describe('readNarrative: pages printed without their title', () => {
  it('the year named as a comparison base counts for the year after it', () => {
    const r = readNarrative(
      textDocumentFromString(
        [
          '3.事业收入 12.40 万元，较 2023 年度决算数增加 1.10 万元，增长 9.73%。',
          '4.其他收入 0.00 万元，较 2023 年度决算数增加 0.00 万元。',
          '5.年初结转和结余 3.05 万元，较 2023 年度决算数减少 0.40 万元，下降 11.59%。',
          '（二）本单位 2024 年度总支出 98.16 万元。',
        ].join('\n'),
      ),
    );
    expect(r.year).toBe(2024);
  });
});

describe('extractFigures: figures that belong to an item, not to the totals', () => {
  const read = (lines: string[]) =>
    extractFigures(textDocumentFromString(lines.join('\n')), { year: 2023 }).map(
      (f): [string, string | undefined] => [f.key, wan(f)],
    );

  it('基本支出 and 项目支出 under an item of the same sentence are the item’s', () => {
    const got = read([
      '某县档案馆2023年度部门决算公开说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '2023年度一般公共预算财政拨款支出286.40万元，其中：基本支出250.10万元，项目支出36.30万元。',
      '1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)：支出决算为231.70万元，其中：基本支出231.70万元，项目支出0.00万元。',
      '机关事业单位基本养老保险缴费支出18.40万元，其中：基本支出18.40万元，项目支出0.00万元。',
    ]);
    expect(got.filter(([k]) => /\.(basic|project)$/.test(k))).toEqual([
      ['t5.total.basic', '250.10'],
      ['t5.total.project', '36.30'],
      ['t5.2010301.basic', '231.70'],
      ['t5.2010301.project', '0.00'],
      ['t5.2080505.basic', '18.40'],
      ['t5.2080505.project', '0.00'],
    ]);
  });

  it('the total before 其中 keeps 基本支出 and 项目支出 as the unit’s', () => {
    const got = read([
      '某县档案馆2023年度部门决算公开说明',
      '三、支出决算情况说明',
      '2023年度本年支出合计301.25万元，其中：基本支出262.00万元，占86.97%；项目支出39.25万元，占13.03%。',
      '按项目分：档案馆运行120.40万元，其中：基本支出120.40万元，项目支出0.00万元。',
    ]);
    expect(got.filter(([k]) => k.startsWith('t3.'))).toEqual([
      ['t3.total.basic', '262.00'],
      ['t3.total.project', '39.25'],
    ]);
  });

  it('一般公共预算财政拨款支出总计 in the 财政拨款 section is T5’s total, not T4’s', () => {
    const got = read([
      '某县档案馆2023年度部门决算公开说明',
      '四、财政拨款收入支出决算总体情况说明',
      '2023年度财政拨款收入总计300.00万元。本单位一般公共预算财政拨款支出总计286.40万元，与上年相比减少5.10万元。',
    ]);
    expect(got).toContainEqual(['t5.total.total', '286.40']);
    expect(got.map(([k]) => k)).not.toContain('t4.expenditureGrandTotal.total');
  });
});
