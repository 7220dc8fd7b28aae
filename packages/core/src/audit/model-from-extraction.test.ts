import { describe, expect, it } from 'vitest';
import { parseAmount } from '../money/amount.ts';
import { JuesuanError } from '../errors.ts';
import { dataFromExtraction, disclosureFromExtraction } from './model-from-extraction.ts';
import type { ExtractedTable, StatedFigure } from './types.ts';

const W = 1_000_000; // 1 万元 in 分

const t7: ExtractedTable = {
  id: 't7',
  title: '财政拨款“三公”经费支出决算表',
  pages: [16],
  status: 'read',
  rows: [
    { key: 'total', name: '合计', cells: { budget: 9.52 * W, final: 8.43 * W } },
    { key: 'abroad', name: '因公出国（境）费', cells: { budget: 0, final: 0 } },
    { key: 'vehicle', name: '公务用车购置及运行（维护）费', cells: { budget: 6.91 * W, final: 6.91 * W } },
    { key: 'reception', name: '公务接待费', cells: { budget: 2.6 * W, final: 1.52 * W } },
  ],
};

const evidence = {
  page: 23,
  text: '“三公”经费财政拨款支出年初预算为9.52万元，支出决算为8.43万元，预决算差异率-11.45%。',
};
const total: StatedFigure = {
  name: '“三公”经费',
  key: 'threePublic.total',
  fen: 8.43 * W,
  unit: '万元',
  decimals: 2,
  change: {
    against: 'budget',
    base: 9.52 * W,
    baseDecimals: 2,
    baseLabel: '年初预算',
    reason: '严格执行中央八项规定，压减经费',
  },
  evidence,
};

type Row = { row?: string; reasons?: { budget?: string } };
const rowsOf = (data: Record<string, unknown>) =>
  (data['tables'] as Record<string, { rows: Row[] }>)['t7']?.rows ?? [];

describe('dataFromExtraction: "三公" budget reasons', () => {
  it('gives the items the reason stated for the whole "三公" when no item is compared with its budget (Shanghai form)', () => {
    const rows = rowsOf(
      dataFromExtraction({ year: 2022, unit: '示例单位', kind: '事业', figures: [total], tables: [t7] }),
    );
    expect(rows.find((r) => r.row === 'reception')?.reasons?.budget).toBe('严格执行中央八项规定，压减经费');
    expect(rows.find((r) => r.row === 'abroad')?.reasons?.budget).toBe('严格执行中央八项规定，压减经费');
  });

  it('keeps the items without a reason when the narrative compares one of them with its budget (central form)', () => {
    const item: StatedFigure = {
      name: '公务接待费全年预算数',
      key: 'threePublic.reception.annualBudget',
      fen: 2.6 * W,
      unit: '万元',
      decimals: 2,
      evidence,
    };
    const rows = rowsOf(
      dataFromExtraction({
        year: 2022,
        unit: '示例单位',
        kind: '事业',
        figures: [total, item],
        tables: [t7],
      }),
    );
    expect(rows.find((r) => r.row === 'reception')?.reasons?.budget).toBeUndefined();
  });
});

describe('一般公共预算财政拨款项目支出 from what the narrative states', () => {
  const fig = (key: string, value: string): StatedFigure => ({
    name: key,
    key,
    fen: parseAmount(value).fen,
    unit: '万元',
    decimals: 2,
    evidence: { page: 1, text: key },
  });
  const seedLike = [
    fig('t1.expenditureTotal', '236.23'),
    fig('t3.total.basic', '146.46'),
    fig('t3.total.project', '89.77'),
    fig('t5.total.total', '214.73'),
    fig('t5.total.basic', '124.97'),
  ];
  const t5 = (data: Record<string, unknown>) =>
    (data['tables'] as Record<string, { rows: Record<string, unknown>[] }>)['t5']!.rows.find(
      (r) => r['row'] === 'total',
    )!;
  it('is the stated 项目支出 when the non-fiscal spending is all basic (the seed: 21.50 vs 21.49)', () => {
    const data = dataFromExtraction({ year: 2022, unit: 'x', kind: '事业', figures: seedLike, tables: [] });
    expect(t5(data)['project']).toBe(89_770_000);
  });
  it('is left unknown when non-fiscal money also paid for projects', () => {
    const figures = seedLike.map((f) => (f.key === 't3.total.basic' ? fig('t3.total.basic', '140.00') : f));
    const data = dataFromExtraction({ year: 2022, unit: 'x', kind: '事业', figures, tables: [] });
    expect(t5(data)['project']).toBeUndefined();
  });
});

describe('disclosureFromExtraction: the model is built from the figures as read', () => {
  const t3: ExtractedTable = {
    id: 't3',
    title: '支出决算表',
    pages: [5],
    status: 'read',
    rows: [
      // A table printed in 元: 1,234,567.89 元 and 98.76 元, exact to the 分.
      { key: 'total', name: '合计', cells: { total: 123_456_789, basic: 123_447_913, project: 8_876 } },
    ],
  };
  it('keeps every 分 of a table printed in 元 (no rounding to 0.01 万元 on the way)', () => {
    const d = disclosureFromExtraction({
      year: 2024,
      unit: '示例单位',
      kind: '行政',
      figures: [],
      tables: [t3],
    });
    expect(d.tables.t3.byKey.get('total')?.values).toMatchObject({ total: 123_456_789, project: 8_876 });
    expect(d.halfStepFen).toBe(5_000);
  });
  it('checks the figures as a data file is checked', () => {
    const bad: ExtractedTable = { ...t3, rows: [{ key: 'total', name: '合计', cells: { total: -100 } }] };
    expect(() =>
      disclosureFromExtraction({ year: 2024, unit: '示例单位', kind: '行政', figures: [], tables: [bad] }),
    ).toThrow(/数据错误/);
    const fractional: ExtractedTable = {
      ...t3,
      rows: [{ key: 'total', name: '合计', cells: { total: 0.5 } }],
    };
    expect(() =>
      disclosureFromExtraction({
        year: 2024,
        unit: '示例单位',
        kind: '行政',
        figures: [],
        tables: [fractional],
      }),
    ).toThrow(JuesuanError);
  });
});

describe('dataFromExtraction: vehicles by category', () => {
  const ev = { page: 9, text: '共有车辆3辆，其中，主要领导干部用车0辆、应急保障用车1辆、其他用车1辆。' };
  const count = (key: string, value: string): StatedFigure => ({
    name: key,
    key,
    value,
    unit: '辆',
    decimals: 0,
    evidence: ev,
  });
  const vehicles = (figures: StatedFigure[]) =>
    ((
      dataFromExtraction({ year: 2019, unit: '某局', kind: '行政', figures, tables: [] })['assets'] as
        Record<string, unknown> | undefined
    )?.['vehicles'] ?? {}) as { total?: number; byCategory?: Record<string, number> };

  it('a list that names 其他用车 leaves the unnamed categories at 0', () => {
    const v = vehicles([
      count('assets.vehicles.total', '3'),
      count('assets.vehicles.byCategory.principal', '0'),
      count('assets.vehicles.byCategory.emergency', '1'),
      count('assets.vehicles.byCategory.other', '1'),
    ]);
    expect(v.total).toBe(3);
    expect(v.byCategory?.['lawEnforcement']).toBe(0);
    expect(v.byCategory?.['confidential']).toBe(0);
    expect(Object.values(v.byCategory ?? {}).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('without 其他用车 the unnamed categories stay unknown', () => {
    const v = vehicles([
      count('assets.vehicles.total', '3'),
      count('assets.vehicles.byCategory.emergency', '1'),
    ]);
    expect(v.byCategory?.['lawEnforcement']).toBeUndefined();
    expect(v.byCategory?.['emergency']).toBe(1);
  });
});

describe('dataFromExtraction: a 项 the catalogue did not resolve', () => {
  it('stays out of the model (its rows are keyed by code) while the resolved figures go in', () => {
    const fig = (key: string, name: string, wan: number): StatedFigure => ({
      name,
      key,
      fen: wan * W,
      unit: '万元',
      decimals: 2,
      evidence: { page: 1, text: `${name}${wan}万元。` },
    });
    const figures = [
      fig('t5.total.total', '一般公共预算财政拨款支出', 120.5),
      fig('t5.某类/某款/某项.total', '某类（类）某款（款）某项（项）', 20.5),
      fig('t5.2080505.total', '机关事业单位基本养老保险缴费支出', 100),
    ];
    const input = { year: 2023, unit: '示例单位', kind: '事业' as const, figures, tables: [] };
    const rows = (dataFromExtraction(input)['tables'] as Record<string, { rows: Record<string, unknown>[] }>)[
      't5'
    ]!.rows;
    expect(rows.map((r) => r['row'] ?? r['code'])).toEqual(['total', '2080505']);
    expect(() => disclosureFromExtraction(input)).not.toThrow();
  });
});
