import { describe, expect, it } from 'vitest';
import { dataFromExtraction } from './model-from-extraction.ts';
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
