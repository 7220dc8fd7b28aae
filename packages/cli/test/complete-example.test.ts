/**
 * The complete example (issue 8, "A complete example"): examples/qingsui-2024.yaml, a fictional county 农业农村局
 * with every cell of the nine tables, the facts and three 项目支出绩效自评表 filled. Checked through core, not the
 * CLI process: under each profile's rule settings it gives no error, no warning, no note (its totals are exact, so
 * not even a rounding note) and no rule short of data; each profile's publication is final (not a draft), has no
 * placeholder and no table cell whose figure is unknown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  builtinProfile,
  loadDisclosure,
  ruleSettingsFor,
  validateDisclosure,
  writeMarkdown,
  type Disclosure,
  type ReportDocument,
} from '@juesuan/core';

const root = join(import.meta.dirname, '../../..');
const file = join(root, 'examples/qingsui-2024.yaml');
const PROFILES = ['xinjiang-2022', 'central', 'shanghai-2024'] as const;
const NINE = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];

function load(): Disclosure {
  return loadDisclosure(readFileSync(file), { file: 'examples/qingsui-2024.yaml' });
}

/** Texts of the document's runs marked as still to be supplied. */
function placeholderRuns(doc: ReportDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks)
    if (b.type === 'paragraph') for (const r of b.runs) if (r.placeholder) out.push(r.text);
  return out;
}

/**
 * Cells of the nine tables that print a model figure the data does not give, as "t5 2130101/total". A table the
 * data declares empty (no rows and an empty-table statement, here 表九) prints a blank 合计 row by design.
 */
function unknownCells(d: Disclosure, doc: ReportDocument): string[] {
  const out: string[] = [];
  for (const t of doc.tables) {
    if (!NINE.includes(t.id)) continue;
    const model = d.tables[t.id as keyof Disclosure['tables']];
    if (model.rows.length === 0 && model.emptyStatement) continue;
    for (const row of t.rows)
      for (const c of row.cells)
        if (c.ref !== undefined && c.fen === undefined) out.push(`${t.id} ${c.ref.row}/${c.ref.column}`);
  }
  return out;
}

describe('the complete example examples/qingsui-2024.yaml', () => {
  const d = load();

  it('is a 2024 county department with two kinds of income and a 政府性基金 table that is not empty', () => {
    expect(d.year).toBe(2024);
    expect(d.unit.name).toBe('青穗县农业农村局');
    const t1 = d.tables.t1;
    expect(t1.byKey.get('generalBudget')?.values['amount']).toBeGreaterThan(0);
    expect(t1.byKey.get('otherIncome')?.values['amount']).toBeGreaterThan(0);
    expect(d.tables.t8.rows.filter((r) => r.level === '项').length).toBeGreaterThan(0);
    expect(d.tables.t5.rows.filter((r) => r.level === '项').length).toBeGreaterThanOrEqual(10);
    expect(d.performance?.projects.length).toBeGreaterThanOrEqual(2);
  });

  for (const p of PROFILES) {
    it(`validates under the ${p} rules with 0 errors, 0 warnings, 0 notes and nothing short of data`, () => {
      const outcome = validateDisclosure(d, { settings: ruleSettingsFor(p) });
      expect(outcome.findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
      expect(outcome.partial).toEqual([]);
      const insufficient = outcome.notRun.filter((n) => n.reason !== 'not-applicable');
      expect(insufficient).toEqual([]);
    });
  }

  it('validates under its own profile as the CLI does (no settings given)', () => {
    const outcome = validateDisclosure(d);
    expect(outcome.summary).toMatchObject({ error: 0, warning: 0, info: 0 });
    expect(outcome.notRun.every((n) => n.reason === 'not-applicable')).toBe(true);
    expect(outcome.partial).toEqual([]);
  });

  for (const p of PROFILES) {
    it(`builds a final ${p} publication with no placeholder and no unknown table cell`, () => {
      const doc = buildReport(d, builtinProfile(p));
      expect(doc.draft).toBe(false);
      expect(placeholderRuns(doc)).toEqual([]);
      expect(unknownCells(d, doc)).toEqual([]);
      expect(doc.tables.map((t) => t.id).filter((id) => NINE.includes(id))).toEqual(NINE);
      // 表九 is the only empty table, published with the unit's own statement.
      expect(doc.tables.find((t) => t.id === 't9')?.notes).toContain(d.tables.t9.emptyStatement);
      expect(doc.tables.filter((t) => t.id.startsWith('perf')).length).toBe(d.performance!.projects.length);
      const md = writeMarkdown(doc);
      // 【数据未提供】, 【请填写主要原因】, 【请填写主要职能】, 【未提供】 … all use these brackets.
      expect(md.match(/【[^】]*】/g) ?? []).toEqual([]);
      expect(md).not.toMatch(/XX|××|待补充/);
      // The figures the narrative restates are the tables' (收入总计, 一般公共预算财政拨款支出, “三公”经费).
      expect(md).toContain('3591.62万元');
      expect(md).toContain('3048.57万元');
      expect(md).toContain('33.57万元');
    });
  }
});
