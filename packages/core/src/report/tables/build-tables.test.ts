import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../money/amount.ts';
import { disclosureFromData, loadDisclosure } from '../../model/load.ts';
import { TABLE_IDS, TABLE_SPECS } from '../../model/tables.ts';
import { generateUnitData } from '../../testing/generate-unit.ts';
import { builtinProfile, builtinProfileNames } from '../profile.ts';
import { UNKNOWN_CELL_NOTE } from '../document.ts';
import { buildPerformanceTables, buildTables } from './build-tables.ts';
import { declaredEmpty, UNLISTED_NOTE } from './table-layout.ts';
import { assertRectangular, tableProfile } from './testing.ts';

const changji = loadDisclosure(
  readFileSync(join(import.meta.dirname, '../../../../../examples/changji-2022.yaml'), 'utf8'),
);

const LAYOUTS = [
  {},
  { codeLayout: 'split' as const },
  { t6Layout: 'two-sided' as const, t5WithBudget: true, codeLayout: 'split' as const },
  { t9ExpenditureOnly: true, blankZero: false },
];

describe('buildTables', () => {
  it('says a table the data does not list is missing, never that it is empty', () => {
    const data = structuredClone(generateUnitData({ seed: 3 })) as { tables: Record<string, unknown> };
    delete data.tables['t6'];
    const profile = builtinProfile('xinjiang-2022');
    const t6 = buildTables(disclosureFromData(data), profile).find((t) => t.id === 't6')!;
    expect(t6.notes).toContain(UNLISTED_NOTE);
    expect(t6.notes ?? []).not.toContain(profile.tables.emptyTableNote);
    // Listed with no rows, it is the empty table the profile's note describes.
    data.tables['t6'] = { rows: [] };
    const listed = buildTables(disclosureFromData(data), profile).find((t) => t.id === 't6')!;
    expect(listed.notes).toContain(profile.tables.emptyTableNote);
  });
  it('builds the nine tables in order with the MoF numbers and names (seed unit)', () => {
    const tables = buildTables(changji, tableProfile());
    expect(tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    expect(tables.map((t) => t.number)).toEqual([
      '表一',
      '表二',
      '表三',
      '表四',
      '表五',
      '表六',
      '表七',
      '表八',
      '表九',
    ]);
    expect(tables.map((t) => t.title)).toEqual(TABLE_IDS.map((id) => TABLE_SPECS[id].name));
    for (const t of tables) {
      expect(t.header.length).toBeGreaterThan(0);
      expect(t.unitLabel).toBe('单位：万元');
    }
    // The two empty tables carry their statement; the tables with figures the seed does not give, the note on
    // what the unknown mark means.
    const withNote = (note: string) => tables.filter((t) => t.notes?.includes(note)).map((t) => t.id);
    expect(withNote(UNKNOWN_CELL_NOTE)).toEqual(['t5', 't6']);
    expect(tables.filter((t) => t.notes?.some((n) => n !== UNKNOWN_CELL_NOTE)).map((t) => t.id)).toEqual([
      't8',
      't9',
    ]);
    // A table the data declares empty prints its 合计 row as zero, not as unknown.
    for (const t of tables.filter((x) => x.id === 't8' || x.id === 't9'))
      for (const c of t.rows.flatMap((r) => r.cells)) expect(c.unknown, `${t.id} ${c.text}`).toBeUndefined();
  });

  it('uses the profile names (central: T6 明细表)', () => {
    const tables = buildTables(
      changji,
      tableProfile({ names: { t6: '一般公共预算财政拨款基本支出决算明细表' } }),
    );
    expect(tables[5]!.title).toBe('一般公共预算财政拨款基本支出决算明细表');
  });

  it('lays out generated units consistently in every layout: rectangular grids, exact figures, printed once', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const d = disclosureFromData(
        generateUnitData({ seed, rounded: seed % 2 === 0, withFund: seed % 3 === 0 }),
      );
      for (const layout of LAYOUTS) {
        const profile = tableProfile(layout);
        const tables = [...buildTables(d, profile), ...buildPerformanceTables(d, profile)];
        expect(tables).toHaveLength(10);
        for (const t of tables) {
          assertRectangular(t);
          const seen = new Set<string>();
          for (const r of t.rows)
            for (const c of r.cells) {
              if (c.fen === undefined) continue;
              const blank = !t.id.startsWith('perf') && (layout.blankZero ?? true);
              expect(c.text).toBe(formatAmount(c.fen, { thousands: true, blankZero: blank }));
              if (c.ref && !t.id.startsWith('perf')) {
                const id = `${c.ref.row}.${c.ref.column}`;
                expect(seen.has(id), `${t.id} prints ${id} twice`).toBe(false);
                seen.add(id);
                const model = d.tables[t.id as keyof typeof d.tables].byKey.get(c.ref.row);
                const [from, col] = c.ref.column.startsWith('budget.')
                  ? ['budget', c.ref.column.slice(7)]
                  : ['values', c.ref.column];
                // A table the data declares empty prints 0 where its (absent) rows would be.
                const zero = declaredEmpty(d, t.id as keyof typeof d.tables) ? 0 : undefined;
                expect((from === 'budget' ? model?.budget?.[col!] : model?.values[col!]) ?? zero).toBe(c.fen);
              }
            }
        }
      }
    }
  });

  it('builds with every built-in profile', () => {
    const d = disclosureFromData(generateUnitData({ seed: 12, withFund: true }));
    expect(builtinProfileNames().length).toBeGreaterThan(0);
    for (const name of builtinProfileNames()) {
      const profile = builtinProfile(name);
      for (const unit of [changji, d]) {
        const tables = buildTables(unit, profile);
        expect(tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
        for (const t of [...tables, ...buildPerformanceTables(unit, profile)]) assertRectangular(t);
        expect(tables[8]!.title).toBe(
          profile.tables.names['t9'] ??
            (profile.tables.t9ExpenditureOnly ? '国有资本经营预算财政拨款支出决算表' : TABLE_SPECS.t9.name),
        );
      }
    }
  });
});
