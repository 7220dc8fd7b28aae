/**
 * The seed's unit (examples/changji-2022.yaml) against the whole catalogue: no error, the two sums
 * the seed states only by rounding reported as info, and every current-year amount of T1–T5 and T7
 * guarded — changing it by 0.05 万元 gives an error that names that cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { disclosureFromData, loadDisclosure } from '../src/model/load.ts';
import { formatAmount, parseAmount } from '../src/money/amount.ts';
import { validateDisclosure } from '../src/validate.ts';

const examplePath = join(import.meta.dirname, '../../../examples/changji-2022.yaml');
const text = readFileSync(examplePath, 'utf8');

// Plain data with amounts as text (YAML floats kept as strings, as the loader does).
const keepFloats = (tags: unknown[]) =>
  tags.map((t) =>
    (t as { tag?: string }).tag === 'tag:yaml.org,2002:float'
      ? { ...(t as object), resolve: (s: string) => s }
      : t,
  );
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- yaml's tag type is not exported usably
const data = parse(text, { customTags: keepFloats as any }) as Record<string, unknown>;

describe('examples/changji-2022.yaml', () => {
  const d = loadDisclosure(text, { file: 'changji-2022.yaml' });
  const outcome = validateDisclosure(d);

  it('has no error and no warning', () => {
    expect(outcome.findings.filter((f) => f.severity !== 'info').map((f) => f.message)).toEqual([]);
  });

  it('reports exactly the two sums that hold only by rounding, as info', () => {
    const rounding = outcome.findings.filter((f) => f.kind === 'rounding');
    const msgs = rounding.map((f) => f.message);
    expect(msgs.some((m) => m.includes('124.97') && m.includes('115.68') && m.includes('9.28'))).toBe(true);
    expect(msgs.some((m) => m.includes('214.73') && m.includes('124.97') && m.includes('89.77'))).toBe(true);
    expect(rounding.every((f) => f.severity === 'info')).toBe(true);
    expect(rounding).toHaveLength(2);
  });

  // Every current-year amount of T1–T5 and T7 that the example states.
  const cells: { table: string; index: number; key: string; column: string; value: string }[] = [];
  const tables = data['tables'] as Record<string, { rows: Record<string, unknown>[] }>;
  const valueColumns: Record<string, string[]> = {
    t1: ['amount'],
    t2: [
      'total',
      'fiscal',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemittance',
      'otherIncome',
    ],
    t3: ['total', 'basic', 'project', 'remittance', 'operating', 'subsidiaryGrant'],
    t4: ['total', 'generalBudget', 'governmentFund', 'stateCapital'],
    t5: ['total', 'basic', 'project'],
    t7: ['budget', 'final'],
  };
  for (const [table, cols] of Object.entries(valueColumns)) {
    tables[table]!.rows.forEach((row, index) => {
      for (const column of cols) {
        if (row[column] === undefined) continue;
        cells.push({
          table,
          index,
          key: String(row['row'] ?? row['code']),
          column,
          value: String(row[column]),
        });
      }
    });
  }

  it('states enough amounts to be worth guarding', () => {
    expect(cells.length).toBeGreaterThan(80);
  });

  const mutate = (c: (typeof cells)[number], delta: string): Record<string, unknown> => {
    const copy = structuredClone(data);
    const row = (copy['tables'] as typeof tables)[c.table]!.rows[c.index]!;
    row[c.column] = formatAmount(parseAmount(c.value).fen + parseAmount(delta).fen);
    return copy;
  };

  it.each(cells.map((c) => [`${c.table} ${c.key} ${c.column}`, c] as const))(
    'changing %s by ±0.05 is an error naming it',
    (_, c) => {
      const deltas = parseAmount(c.value).fen >= parseAmount('0.05').fen ? ['0.05', '-0.05'] : ['0.05'];
      for (const delta of deltas) {
        const o = validateDisclosure(disclosureFromData(mutate(c, delta)));
        const naming = o.findings.filter(
          (f) =>
            f.severity === 'error' &&
            f.location.some(
              (l) =>
                l.table === c.table &&
                l.row === c.key &&
                l.column === c.column &&
                (l.which ?? 'value') === 'value',
            ),
        );
        expect(
          naming.length,
          `${c.table} ${c.key} ${c.column} ${delta}: ${o.findings.map((f) => f.rule + ' ' + f.message).join(' | ')}`,
        ).toBeGreaterThan(0);
      }
    },
  );
});
