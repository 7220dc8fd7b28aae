import { describe, expect, it } from 'vitest';
import { readNarrative } from '../audit/narrative-extract.ts';
import { textDocumentFromString } from '../audit/plain-text.ts';
import { disclosureFileSchema } from '../model/schema.ts';
import { TABLE_IDS, TABLE_SPECS } from '../model/tables.ts';
import { glossaryEntries, glossaryLabels, glossaryName, shortName, spokenName } from './glossary.ts';

describe('the glossary', () => {
  it('holds each term once, with a name and distinct labels', () => {
    const entries = glossaryEntries();
    expect(entries.length).toBeGreaterThan(100);
    for (const [id, t] of entries) {
      expect(t.name.trim(), id).not.toBe('');
      const labels = [t.name, t.spoken, t.short, ...(t.variants ?? [])].filter((l) => l !== undefined);
      expect(new Set(labels).size, `${id}: a label is repeated`).toBe(labels.length);
    }
  });

  it('knows the regional and yearly variants publications print', () => {
    expect(glossaryLabels('generalBudgetIncome')).toEqual(
      expect.arrayContaining([
        '一般公共预算财政拨款收入',
        '一般公共预算拨款收入',
        '财政拨款收入（一般公共预算）',
      ]),
    );
    expect(glossaryLabels('openingCarryover')).toEqual(['年初结转和结余', '年初结转结余']);
    expect(glossaryLabels('vehicle')).toEqual(
      expect.arrayContaining([
        '公务用车购置及运行（维护）费',
        '公务用车购置及运行维护费',
        '公务用车购置及运行费',
      ]),
    );
    expect([
      glossaryName('vehicleOperation'),
      spokenName('vehicleOperation'),
      shortName('vehicleOperation'),
    ]).toEqual(['公务用车运行（维护）费', '公务用车运行维护费', '公务用车运行费']);
    expect(glossaryLabels('t7.name')).toContain('财政拨款“三公”经费支出决算情况表');
  });

  it('names every column and fixed row of the nine tables', () => {
    for (const id of TABLE_IDS) {
      const spec = TABLE_SPECS[id];
      expect(spec.name).toBe(glossaryName(spec.term));
      for (const c of [...spec.columns, ...spec.fixedRows]) {
        expect(c.term, `${id}.${c.id}`).toBeDefined();
        expect(glossaryLabels(c.term!), `${id}.${c.id}`).toContain(c.label);
      }
    }
  });

  it('describes the data format (the schema takes its descriptions from it)', () => {
    const staff = disclosureFileSchema.in.shape.unit.shape.staff.unwrap().shape;
    expect(staff.actual.description).toBe(glossaryName('staffActual'));
    expect(staff.authorised.description).toBe(glossaryName('staffAuthorised'));
  });

  it('lets the narrative reader know a variant it was not written for', () => {
    const doc = textDocumentFromString(
      [
        '示例单位2023年度部门决算',
        '二、收入决算情况说明',
        '2023年度本年收入合计100.00万元，其中：一般公共预算拨款收入80.00万元，占80.00%；其他收入20.00万元，占20.00%。',
        '一、收入支出决算总体情况说明',
        '年初结转结余5.00万元。',
      ].join('\n'),
    );
    const figures = readNarrative(doc, { year: 2023 }).figures;
    const f = figures.find((x) => x.key === 't1.generalBudget');
    expect(f?.fen).toBe(80_000_000);
    expect(f?.name).toBe('一般公共预算财政拨款收入');
    expect(figures.find((x) => x.key === 't1.openingCarryover')?.fen).toBe(5_000_000);
  });
});
