import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDisclosure } from '../model/load.ts';
import { buildReport } from './build.ts';
import { dataWarnings, documentGaps, excessDecimals, reasonDirectionWarnings } from './gaps.ts';
import { builtinProfile } from './profile.ts';

const examples = join(import.meta.dirname, '../../../../examples');
const seedText = readFileSync(join(examples, 'changji-2022.yaml'), 'utf8');
const completeText = readFileSync(join(examples, 'qingsui-2024.yaml'), 'utf8');
const load = (text: string) => loadDisclosure(text, { file: 'x.yaml' });

describe('documentGaps', () => {
  it('lists each placeholder with its section and the words that place it (seed unit, central form)', () => {
    const doc = buildReport(load(seedText), builtinProfile('central'));
    const { placeholders } = documentGaps(doc);
    const runs = doc.blocks.flatMap((b) =>
      b.type === 'paragraph' ? b.runs.filter((r) => r.placeholder) : [],
    );
    expect(placeholders).toHaveLength(runs.length);
    expect(placeholders.length).toBeGreaterThan(0);
    const item = placeholders.find((p) =>
      p.text.startsWith('1.一般公共服务支出（类）发展与改革事务（款）事业运行（项）'),
    );
    expect(item?.place).toBe(
      '五、一般公共预算财政拨款支出决算情况说明 › （三）一般公共预算财政拨款支出决算具体情况',
    );
    expect(item?.text).toContain('年初预算为【数据未提供】万元');
  });

  it('lists each unknown table cell with its row, column and data field; a declared-empty table has none', () => {
    const doc = buildReport(load(seedText), builtinProfile('central'));
    const { unknownCells } = documentGaps(doc);
    expect(unknownCells).toContainEqual({
      place: '表五 一般公共预算财政拨款支出决算表',
      text: '「2010450 事业运行」行「基本支出」列',
      field: 'tables.t5 code 2010450 basic',
    });
    expect(unknownCells.filter((g) => g.place.startsWith('表八') || g.place.startsWith('表九'))).toEqual([]);
    // The count is the cells the tables mark.
    const marked = doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.unknown)));
    expect(unknownCells).toHaveLength(marked.length);
  });

  it('finds nothing in the complete example under any profile', () => {
    for (const p of ['central', 'xinjiang-2022', 'shanghai-2024']) {
      const doc = buildReport(load(completeText), builtinProfile(p));
      expect(documentGaps(doc)).toEqual({ placeholders: [], unknownCells: [] });
      expect(doc.draft).toBe(false);
    }
    expect(dataWarnings(load(completeText))).toEqual([]);
  });
});

describe('excessDecimals', () => {
  it('warns of an amount with more decimals than declared, with its field and line, instead of rounding it', () => {
    const text = seedText.replace(
      '{ row: otherIncome, amount: 43.78 }',
      '{ row: otherIncome, amount: 43.784 }',
    );
    const d = load(text);
    const w = excessDecimals(d);
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('43.784万元');
    expect(w[0]!.message).toContain('将印为 43.78');
    expect(w[0]!.field).toMatch(/^tables\.t1\.rows\[\d+\]\.amount$/);
    expect(w[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('43.784')) + 1);
    expect(excessDecimals(load(seedText))).toEqual([]);
  });

  it('takes the declared decimals: with 3 declared, 43.784 is exact', () => {
    const text = seedText
      .replace('{ row: otherIncome, amount: 43.78 }', '{ row: otherIncome, amount: 43.784 }')
      .replace(/^decimals: 2$/m, 'decimals: 3');
    expect(excessDecimals(load(text))).toEqual([]);
  });
});

describe('reasonDirectionWarnings', () => {
  it('warns when the reason for an increase speaks only of 减少, naming the row and the reason', () => {
    const text = completeText.replace(
      'prior: 上级下达的农业生产发展、衔接推进乡村振兴等转移支付资金增加，土地出让收入安排的农村基础设施建设资金增加。',
      'prior: 压减一般性支出，会议和培训减少。',
    );
    const w = reasonDirectionWarnings(load(text));
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toContain('表一「收入总计」与上年相比增加（3281.10 → 3591.62）');
    expect(w[0]!.message).toContain('说明的原因却说“压减”');
    expect(w[0]!.field).toBe('tables.t1 row incomeGrandTotal reasons.prior');
  });

  it('accepts a reason naming both directions, and the complete example’s reasons', () => {
    const text = completeText.replace(
      'prior: 上级下达的农业生产发展、衔接推进乡村振兴等转移支付资金增加，土地出让收入安排的农村基础设施建设资金增加。',
      'prior: 转移支付资金增加，会议费减少。',
    );
    expect(reasonDirectionWarnings(load(text))).toEqual([]);
    expect(reasonDirectionWarnings(load(completeText))).toEqual([]);
  });
});
